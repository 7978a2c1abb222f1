using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class OrderbookCommandTests
{
    private static Orderbook Book() => new()
    {
        Bids = [Level(99.5m, 2m), Level(99.9m, 1m), Level(99.0m, 4m)],
        Asks = [Level(100.3m, 3m), Level(100.1m, 1m)],
    };

    [Test]
    public async Task Draws_asks_above_bids_with_cumulative_bars_and_spread_and_mid_in_the_header()
    {
        using var sandbox = QuantDeskSandbox.Start().WithOrderbook("TEST-PERP", Book(), OrderbookSource.Snapshot);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "orderbook", "TEST-PERP"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.OutputLines;
        Assert.That(lines[0], Is.EqualTo("TEST-PERP · mid 100.0 · spread 0.2 (20.0 bps) · source snapshot"));
        var levels = lines.Where(line => line.StartsWith("ask", StringComparison.Ordinal) || line.StartsWith("bid", StringComparison.Ordinal)).ToList();
        Assert.That(levels.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]), Is.EqualTo(new[] { "100.3", "100.1", "99.9", "99.5", "99.0" }), "highest ask on top, best bid under the spread");
        Assert.That(lines, Has.Some.Match(@"─+ spread 0\.2 ─+"));
        var bars = levels.Select(line => Regex.Match(line, "█+$").Length).ToList();
        Assert.That(bars[0], Is.GreaterThan(bars[1]), "4 resting up to the outer ask, 1 at the touch");
        Assert.That(bars[2], Is.LessThan(bars[3]).And.LessThan(bars[4]), "the bids' bars grow away from the touch");
        Assert.That(bars[4], Is.EqualTo(bars.Max()), "the deepest level has the longest bar");
    }

    [Test]
    public async Task Depth_limits_the_levels_shown_per_side()
    {
        using var sandbox = QuantDeskSandbox.Start().WithOrderbook("TEST-PERP", Book());

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "orderbook", "TEST-PERP", "--depth", "1"));

        Assert.That(result.OutputLines.Where(line => line.StartsWith("ask", StringComparison.Ordinal) || line.StartsWith("bid", StringComparison.Ordinal)).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]),
            Is.EqualTo(new[] { "100.1", "99.9" }));
    }

    [Test]
    public async Task Json_has_every_level_and_the_computed_prices_with_exact_decimals()
    {
        using var sandbox = QuantDeskSandbox.Start().WithOrderbook("TEST-PERP", Book(), OrderbookSource.Cache);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "orderbook", "TEST-PERP", "--depth", "1", "--json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("market").GetString(), Is.EqualTo("TEST-PERP"));
        Assert.That(root.GetProperty("source").GetString(), Is.EqualTo("cache"));
        Assert.That(root.GetProperty("best_bid").GetRawText(), Is.EqualTo("99.9"));
        Assert.That(root.GetProperty("best_ask").GetRawText(), Is.EqualTo("100.1"));
        Assert.That(root.GetProperty("spread").GetRawText(), Is.EqualTo("0.2"));
        Assert.That(root.GetProperty("mid").GetRawText(), Is.EqualTo("100.0"));
        Assert.That(root.GetProperty("bids").GetArrayLength(), Is.EqualTo(3), "JSON is not cut by --depth");
    }

    [Test]
    public async Task An_empty_book_says_so()
    {
        using var sandbox = QuantDeskSandbox.Start().WithOrderbook("TEST-PERP", new Orderbook { Bids = [], Asks = [] });

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "orderbook", "TEST-PERP"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines[0], Does.StartWith("TEST-PERP · mid n/a · spread n/a"));
        Assert.That(result.OutputLines[1], Is.EqualTo("The book is empty."));
    }

    [Test]
    public async Task A_crossed_book_is_flagged()
    {
        using var sandbox = QuantDeskSandbox.Start().WithOrderbook("TEST-PERP", new Orderbook { Bids = [Level(101m, 1m)], Asks = [Level(100m, 1m)] });

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "orderbook", "TEST-PERP"));

        Assert.That(result.OutputLines[0], Does.Contain("spread -1").And.Contain("crossed"));
    }

    private static OrderbookLevel Level(decimal price, decimal size) => new() { Price = price, Size = size };
}
