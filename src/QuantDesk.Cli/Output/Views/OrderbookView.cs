using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace QuantDesk.Cli.Output.Views;

/// <summary>
/// The orderbook as a depth view: the asks above (highest first), the spread, the bids below (best first), each
/// level with a bar as long as the size resting up to it from the touch. Mid and spread are in the header.
/// </summary>
internal static class OrderbookView
{
    public static CliView<MarketOrderbook> Create(int depth) => CliView.Projected<MarketOrderbook, OrderbookJson>(
        book => new OrderbookJson(
            book.Market, book.Source.ToString(), book.Book.BestBid?.Price, book.Book.BestAsk?.Price, Spread(book.Book), Mid(book.Book),
            book.Book.Bids ?? [], book.Book.Asks ?? []),
        CliJsonContext.Default.OrderbookJson,
        (book, context) => Render(book, depth, context));

    public static IRenderable Render(MarketOrderbook result, int depth, ViewContext context)
    {
        var book = result.Book;
        var asks = Usable(book.Asks).OrderBy(level => level.Price).Take(depth).ToList();
        var bids = Usable(book.Bids).OrderByDescending(level => level.Price).Take(depth).ToList();
        var lines = new List<IRenderable> { new Markup(Header(result)) };
        if (asks.Count == 0 && bids.Count == 0)
        {
            lines.Add(new Text("The book is empty."));
            return new Rows(lines);
        }

        var askDepth = Cumulative(asks);
        var bidDepth = Cumulative(bids);
        var deepest = Math.Max(askDepth.LastOrDefault(), bidDepth.LastOrDefault());
        var priceWidth = Width(asks.Concat(bids), level => level.Price);
        var sizeWidth = Width(asks.Concat(bids), level => level.Size);
        var totalWidth = Math.Max(Width(askDepth), Width(bidDepth));
        var barWidth = Math.Max(1, Math.Min(48, context.Width - (4 + priceWidth + sizeWidth + totalWidth + 6)));

        for (var i = asks.Count - 1; i >= 0; i--)
        {
            lines.Add(Level("ask", asks[i], askDepth[i], deepest, priceWidth, sizeWidth, totalWidth, barWidth, Palette.Loss, context));
        }

        var spread = Spread(book) is { } value ? $" spread {Numbers.Exact(value)} " : " one-sided book ";
        var rule = new string(context.Glyphs.Rule, Math.Max(2, (4 + priceWidth + sizeWidth + totalWidth + barWidth + 6 - spread.Length) / 2));
        lines.Add(new Text(rule + spread + rule, Palette.Faint));

        for (var i = 0; i < bids.Count; i++)
        {
            lines.Add(Level("bid", bids[i], bidDepth[i], deepest, priceWidth, sizeWidth, totalWidth, barWidth, Palette.Gain, context));
        }

        return new Rows(lines);
    }

    private static string Header(MarketOrderbook result)
    {
        var book = result.Book;
        var parts = new List<string> { $"[bold]{Markup.Escape(TerminalText.Safe(result.Market))}[/]" };
        var mid = Mid(book);
        var spread = Spread(book);
        parts.Add($"mid {Numbers.Exact(mid)}");
        parts.Add(spread is { } gap && mid is { } middle and > 0
            ? $"spread {Numbers.Exact(gap)} ({((double)gap / (double)middle * 10_000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} bps)"
            : $"spread {Numbers.Exact(spread)}");
        if (spread < 0)
        {
            parts.Add("[red]crossed[/]");
        }

        if (!string.IsNullOrEmpty(result.Source.ToString()))
        {
            parts.Add($"source {Markup.Escape(TerminalText.Safe(result.Source.ToString()))}");
        }

        return string.Join(" · ", parts);
    }

    private static IRenderable Level(
        string side, OrderbookLevel level, decimal total, decimal deepest, int priceWidth, int sizeWidth, int totalWidth, int barWidth, Style colour, ViewContext context)
    {
        var length = deepest <= 0 ? 0 : (int)Math.Ceiling(total / deepest * barWidth);
        var line = new Paragraph();
        line.Append(side + " ", colour);
        line.Append(Numbers.Exact(level.Price).PadLeft(priceWidth) + "  ", Style.Plain);
        line.Append(Numbers.Exact(level.Size).PadLeft(sizeWidth) + "  ", Style.Plain);
        line.Append(Numbers.Exact(total).PadLeft(totalWidth) + "  ", Palette.Faint);
        line.Append(new string(context.Glyphs.Bar, Math.Clamp(length, 1, barWidth)), colour);
        return line;
    }

    // Levels without a price or a positive size say nothing about depth, as in the client's own best-price maths.
    private static IEnumerable<OrderbookLevel> Usable(IReadOnlyList<OrderbookLevel>? levels) =>
        (levels ?? []).Where(level => level is { Price: not null, Size: > 0 });

    // Prices from a hostile server may be extreme enough for the difference to overflow: then there is no spread to show.
    private static decimal? Spread(Orderbook book)
    {
        try
        {
            return book.Spread;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? Mid(Orderbook book)
    {
        try
        {
            return book.Mid;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static List<decimal> Cumulative(List<OrderbookLevel> levels)
    {
        var totals = new List<decimal>(levels.Count);
        decimal sum = 0;
        foreach (var level in levels)
        {
            // A decimal overflow here would come only from absurd sizes; the bar then stays at its maximum.
            sum = decimal.MaxValue - sum < level.Size!.Value ? decimal.MaxValue : sum + level.Size.Value;
            totals.Add(sum);
        }

        return totals;
    }

    private static int Width(IEnumerable<OrderbookLevel> levels, Func<OrderbookLevel, decimal?> value) =>
        levels.Select(level => Numbers.Exact(value(level)).Length).DefaultIfEmpty(1).Max();

    private static int Width(List<decimal> totals) => totals.Select(total => Numbers.Exact(total).Length).DefaultIfEmpty(1).Max();
}
