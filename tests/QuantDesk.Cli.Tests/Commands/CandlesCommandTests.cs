using System.Text.Json;
using QuantDesk.Cli.Connection;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class CandlesCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static Candle[] Rising() =>
    [
        Candle(0, open: 10m, high: 11m, low: 9.5m, close: 10.8m),
        Candle(1, open: 10.8m, high: 12m, low: 10.5m, close: 11.9m),
        Candle(2, open: 11.9m, high: 12.2m, low: 11m, close: 11.2m),
    ];

    [Test]
    public async Task Draws_a_chart_of_the_requested_height_with_high_and_low_on_the_axis()
    {
        using var sandbox = QuantDeskSandbox.Start().WithCandles("TEST-PERP", CandleResolution.FourHours, Rising());

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "candles", "TEST-PERP", "--resolution", "4h", "--height", "6"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.OutputLines;
        Assert.That(lines[0], Is.EqualTo("TEST-PERP 4h · 3 candles · close 11.2 (+12.00%)"));
        Assert.That(lines[1], Is.EqualTo("open 10 · high 12.2 · low 9.5"));
        var chart = lines.Where(line => line.Contains('┤') || line.Contains('│')).ToList();
        Assert.That(chart, Has.Count.EqualTo(6));
        Assert.That(chart[0], Does.StartWith("12.2 ┤"));
        Assert.That(chart[^1], Does.StartWith(" 9.5 ┤").Or.StartWith("9.5 ┤"));
        Assert.That(lines[^1], Does.Contain("2026-03-01 00:00 → 2026-03-01 08:00 UTC"));
        Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Url, Does.EndWith("/api/v2/candles?symbol=TEST-PERP&resolution=4h"));
    }

    [Test]
    public async Task Without_unicode_the_chart_is_ascii_and_bodies_differ_by_shape()
    {
        using var sandbox = QuantDeskSandbox.Start().WithCandles("TEST-PERP", CandleResolution.OneHour, Rising());
        var output = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No,
        });
        console.Profile.Capabilities.Unicode = false;

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "candles", "TEST-PERP"), console: console);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var text = output.ToString();
        Assert.That(text, Does.Contain("#").And.Contain("=").And.Contain("|"));
        Assert.That(text.Where(character => character > '~' && character is not '·' and not '→'), Is.Empty, "only ASCII glyphs in the chart");
    }

    [Test]
    public async Task A_sparkline_is_one_line_of_closes()
    {
        using var sandbox = QuantDeskSandbox.Start().WithCandles("TEST-PERP", CandleResolution.OneHour, Rising());

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "candles", "TEST-PERP", "--sparkline"));

        Assert.That(result.OutputLines, Has.One.Match(@"^closes\s+[▁▂▃▄▅▆▇█]{3}$"));
    }

    [Test]
    public async Task Csv_has_every_candle_with_utc_times_and_exact_prices()
    {
        using var sandbox = QuantDeskSandbox.Start().WithCandles("TEST-PERP", CandleResolution.OneHour, Rising());

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "candles", "TEST-PERP", "--csv"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Is.EqualTo(new[]
        {
            "time,open,high,low,close,volume",
            "2026-03-01T00:00:00Z,10,11,9.5,10.8,100",
            "2026-03-01T04:00:00Z,10.8,12,10.5,11.9,100",
            "2026-03-01T08:00:00Z,11.9,12.2,11,11.2,100",
        }));
    }

    [Test]
    public async Task Json_is_the_api_candles_with_exact_decimals()
    {
        using var sandbox = QuantDeskSandbox.Start().WithCandles("TEST-PERP", CandleResolution.OneHour, Rising());

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "candles", "TEST-PERP", "--json"));

        using var json = JsonDocument.Parse(result.Output);
        var first = json.RootElement[0];
        Assert.That(first.GetProperty("time").GetInt64(), Is.EqualTo(Start.ToUnixTimeMilliseconds()));
        Assert.That(first.GetProperty("close").GetRawText(), Is.EqualTo("10.8"));
    }

    [Test]
    public async Task A_narrow_terminal_shows_the_newest_candles_that_fit()
    {
        var result = await Tool.RunAsync("--sandbox", "markets", "candles", SandboxScenery.Symbol);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@$"^The newest \d+ of {SandboxScenery.CandleCount} candles"));
        Assert.That(result.Output.Split('\n').Max(line => line.Length), Is.LessThanOrEqualTo(80));
    }

    [Test]
    public async Task Candles_whose_prices_contradict_each_other_are_left_out_of_the_picture()
    {
        using var sandbox = QuantDeskSandbox.Start().WithCandles("TEST-PERP", CandleResolution.OneHour, [.. Rising(), Candle(3, open: 5m, high: 1m, low: 9m, close: 5m)]);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "candles", "TEST-PERP"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines[0], Does.Contain("3 candles"));
    }

    private static Candle Candle(int index, decimal open, decimal high, decimal low, decimal close) =>
        new() { Time = Start.AddHours(4 * index), Open = open, High = high, Low = low, Close = close, Volume = 100m };
}
