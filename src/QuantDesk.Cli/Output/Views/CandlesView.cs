using System.Globalization;
using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace QuantDesk.Cli.Output.Views;

/// <summary>
/// Candles for people: a header with the range, change, high and low, then a candlestick chart (wick from low to
/// high, body from open to close, green when the close is at or above the open) or, with <c>--sparkline</c>, one
/// line of closes. The newest candles that fit the terminal are drawn; the JSON and CSV hold them all.
/// </summary>
internal static class CandlesView
{
    public const int DefaultHeight = 12;

    private static readonly TableView<Candle> Table = new(
        "No candles.",
        new Column<Candle>("time", candle => candle.Time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        Column<Candle>.Number("open", candle => candle.Open?.ToString(CultureInfo.InvariantCulture)),
        Column<Candle>.Number("high", candle => candle.High?.ToString(CultureInfo.InvariantCulture)),
        Column<Candle>.Number("low", candle => candle.Low?.ToString(CultureInfo.InvariantCulture)),
        Column<Candle>.Number("close", candle => candle.Close?.ToString(CultureInfo.InvariantCulture)),
        Column<Candle>.Number("volume", candle => candle.Volume?.ToString(CultureInfo.InvariantCulture)));

    public static CliView<CandleSeries> Create(bool sparkline, int height) => CliView.Projected<CandleSeries, IReadOnlyList<Candle>>(
        series => series.Candles,
        CliJsonContext.Default.IReadOnlyListCandle,
        (series, context) => Render(series, sparkline, height, context),
        (series, writer) => Table.WriteCsv(series.Candles, writer));

    public static IRenderable Render(CandleSeries series, bool sparkline, int height, ViewContext context)
    {
        var candles = series.Candles.Where(IsDrawable).OrderBy(candle => candle.Time).ToList();
        var lines = new List<IRenderable>(Header(series, candles));
        if (candles.Count == 0)
        {
            lines.Add(new Text(series.Candles.Count == 0 ? "No candles." : "No candle has all of open, high, low and close."));
            return new Rows(lines);
        }

        var widest = candles.Max(candle => Math.Max(Numbers.Exact(candle.High).Length, Numbers.Exact(candle.Low).Length));
        var columns = Math.Max(1, context.Width - widest - 3);
        var shown = candles.Count > columns ? candles[^columns..] : candles;
        var high = shown.Max(candle => candle.High!.Value);
        var low = shown.Min(candle => candle.Low!.Value);
        var axis = Math.Max(Numbers.Exact(high).Length, Numbers.Exact(low).Length);
        if (shown.Count < candles.Count)
        {
            lines.Add(new Text($"The newest {shown.Count} of {candles.Count} candles (widen the terminal for more; --csv has all).", Palette.Faint));
        }

        lines.AddRange(sparkline ? Sparkline(shown, low, high, axis, context) : Chart(shown, low, high, axis, Math.Clamp(height, 3, 50), context));
        lines.Add(new Text($"{new string(' ', axis + 3)}{Numbers.Time(shown[0].Time)} → {Numbers.Time(shown[^1].Time)} UTC", Palette.Faint));
        return new Rows(lines);
    }

    private static IEnumerable<IRenderable> Header(CandleSeries series, List<Candle> candles)
    {
        var title = $"[bold]{Markup.Escape(TerminalText.Safe(series.Symbol))}[/] {Markup.Escape(TerminalText.Safe(series.Resolution.ToString()))} · {candles.Count} candle{(candles.Count == 1 ? string.Empty : "s")}";
        if (candles.Count == 0)
        {
            yield return new Markup(title);
            yield break;
        }

        var open = candles[0].Open!.Value;
        var close = candles[^1].Close!.Value;
        var change = open == 0 ? (double?)null : ((double)close - (double)open) / (double)open;
        yield return new Markup($"{title} · close [{(close >= open ? "green" : "red")}]{Numbers.Exact(close)} ({Numbers.SignedPercent(change)})[/]");
        yield return new Text(
            $"open {Numbers.Exact(open)} · high {Numbers.Exact(candles.Max(candle => candle.High!.Value))} · low {Numbers.Exact(candles.Min(candle => candle.Low!.Value))}",
            Palette.Faint);
    }

    private static IEnumerable<IRenderable> Chart(List<Candle> candles, decimal low, decimal high, int axis, int height, ViewContext context)
    {
        var glyphs = context.Glyphs;
        for (var row = height - 1; row >= 0; row--)
        {
            var line = new Paragraph();
            var label = row == height - 1 ? Numbers.Exact(high) : row == 0 ? Numbers.Exact(low) : string.Empty;
            var tick = label.Length == 0 ? glyphs.Axis : glyphs.Tick;
            line.Append($"{label.PadLeft(axis)} {tick} ", Palette.Faint);
            foreach (var candle in candles)
            {
                var rising = candle.Close >= candle.Open;
                var top = Row(Math.Max(candle.Open!.Value, candle.Close!.Value), low, high, height);
                var bottom = Row(Math.Min(candle.Open.Value, candle.Close.Value), low, high, height);
                var glyph = row <= top && row >= bottom ? (rising ? glyphs.RisingBody : glyphs.FallingBody)
                    : row <= Row(candle.High!.Value, low, high, height) && row >= Row(candle.Low!.Value, low, high, height) ? glyphs.Wick
                    : ' ';
                line.Append(glyph.ToString(), rising ? Palette.Gain : Palette.Loss);
            }

            yield return line;
        }
    }

    private static IEnumerable<IRenderable> Sparkline(List<Candle> candles, decimal low, decimal high, int axis, ViewContext context)
    {
        var sparks = context.Glyphs.Sparks;
        var line = new Paragraph();
        line.Append("closes".PadLeft(axis) + "   ", Palette.Faint);
        foreach (var candle in candles)
        {
            var level = Row(candle.Close!.Value, low, high, sparks.Length);
            line.Append(sparks[level].ToString(), candle.Close >= candle.Open ? Palette.Gain : Palette.Loss);
        }

        yield return line;
    }

    // Which of `rows` price bands a price falls in, 0 the lowest; a flat series sits in the middle.
    // In doubles: only a position on screen, and a decimal difference of extreme prices could overflow.
    private static int Row(decimal price, decimal low, decimal high, int rows)
    {
        if (high <= low)
        {
            return rows / 2;
        }

        var band = Math.Floor(((double)price - (double)low) / ((double)high - (double)low) * rows);
        return double.IsFinite(band) ? (int)Math.Clamp(band, 0, rows - 1) : rows / 2;
    }

    // A candle is drawn when it has every price and they are consistent; a low above the high is the server's error, not a picture.
    private static bool IsDrawable(Candle candle) =>
        candle is { Open: not null, High: not null, Low: not null, Close: not null }
        && candle.Low <= candle.High && candle.Open >= candle.Low && candle.Open <= candle.High && candle.Close >= candle.Low && candle.Close <= candle.High;
}
