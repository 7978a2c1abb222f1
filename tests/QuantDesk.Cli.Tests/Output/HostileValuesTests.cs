using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Cli.Output.Views;
using Spectre.Console;
using Spectre.Console.Testing;

namespace QuantDesk.Cli.Tests.Output;

/// <summary>Whatever the server sends, the pictures draw without throwing and put no control character on the terminal.</summary>
public sealed class HostileValuesTests
{
    private static readonly decimal[] Extremes = [decimal.MaxValue, decimal.MinValue, 0m, -1m, 0.0000000000000000000000000001m, 1e-28m, 79228162514264337593543950m];

    private static readonly string[] HostileTexts =
    [
        "\u001b[2J\u001b[Hgone", "\u001b]0;pwned\u0007", "right\u202Eleft", "line\nbreak", "tab\there", "\u0000nul", "[red]markup[/]", "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "-2", new string('x', 5000),
    ];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Seeded_random_orderbooks_and_candles_render_without_control_characters(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var book = new Orderbook
            {
                Bids = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => new OrderbookLevel { Price = Value(random), Size = Value(random) })],
                Asks = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => new OrderbookLevel { Price = Value(random), Size = Value(random) })],
            };
            var candles = Enumerable.Range(0, random.Next(0, 6)).Select(i => new Candle
            {
                Time = random.Next(3) == 0 ? null : DateTimeOffset.UnixEpoch.AddHours(i),
                Open = Value(random), High = Value(random), Low = Value(random), Close = Value(random), Volume = Value(random),
            }).ToList();
            var market = Text(random);

            var drawn = Draw(OrderbookView.Render(new MarketOrderbook(market, book, new OrderbookSource(Text(random))), 5, new ViewContext(80, random.Next(2) == 0)))
                        + Draw(CandlesView.Render(new CandleSeries(market, new CandleResolution(Text(random)), candles), random.Next(2) == 0, 6, new ViewContext(60, true)));

            Assert.That(drawn.Where(character => char.IsControl(character) && character != '\n'), Is.Empty, $"seed {seed}, round {round}");
            Assert.That(drawn.IndexOf('\u202E', StringComparison.Ordinal), Is.EqualTo(-1), "no bidi override");
        }
    }

    [Test]
    public void Server_text_loses_escapes_controls_and_bidi_overrides_and_is_capped()
    {
        foreach (var text in HostileTexts)
        {
            var safe = TerminalText.Safe(text);
            Assert.That(safe.Where(character => char.IsControl(character) || character == '\u202E').ToList(), Is.Empty, text);
            Assert.That(safe.Length, Is.LessThanOrEqualTo(TerminalText.MaxLength + 1));
        }

        Assert.That(TerminalText.Safe("\u001b[2Jgone"), Is.EqualTo("?[2Jgone"));
    }

    [Test]
    public void Csv_guards_text_that_a_spreadsheet_would_run_and_quotes_what_needs_it()
    {
        Assert.That(Csv.Field("=HYPERLINK(\"x\")", isNumber: false), Is.EqualTo("\"'=HYPERLINK(\"\"x\"\")\""));
        Assert.That(Csv.Field("@SUM(A1)", isNumber: false), Is.EqualTo("'@SUM(A1)"));
        Assert.That(Csv.Field("-2", isNumber: false), Is.EqualTo("'-2"));
        Assert.That(Csv.Field("-2", isNumber: true), Is.EqualTo("-2"), "a negative number stays a number");
        Assert.That(Csv.Field("a,b", isNumber: false), Is.EqualTo("\"a,b\""));
        Assert.That(Csv.Field("line\nbreak", isNumber: false), Is.EqualTo("\"line\nbreak\""));
        Assert.That(Csv.Field(null, isNumber: false), Is.Empty);
    }

    private static decimal? Value(Random random) => random.Next(5) switch
    {
        0 => null,
        1 => Extremes[random.Next(Extremes.Length)],
        _ => Math.Round((decimal)(random.NextDouble() * 200) - 20m, random.Next(0, 6)),
    };

    private static string Text(Random random) => HostileTexts[random.Next(HostileTexts.Length)];

    private static string Draw(Spectre.Console.Rendering.IRenderable picture)
    {
        var console = new TestConsole().Width(80);
        console.Write(picture);
        return console.Output;
    }
}
