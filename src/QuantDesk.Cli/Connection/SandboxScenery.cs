using QuantDesk.Client;
using QuantDesk.Client.Testing;

namespace QuantDesk.Cli.Connection;

/// <summary>
/// Market data for the CLI's sandbox, so that its pictures have something to show: a ten-level SOL-PERP book around
/// the contract's example price, and 96 candles per resolution from a seeded walk. The same on every run.
/// </summary>
internal static class SandboxScenery
{
    public const string Symbol = "SOL-PERP";
    public const int CandleCount = 96;
    public const int BookLevels = 10;

    private const decimal ExamplePrice = 168.42m;
    private static readonly DateTimeOffset LastCandleOpens = new(2026, 1, 2, 22, 0, 0, TimeSpan.Zero);

    public static QuantDeskSandbox Furnish(QuantDeskSandbox sandbox)
    {
        sandbox.WithOrderbook(Symbol, Book(), OrderbookSource.Cache);
        foreach (var resolution in CandleResolution.KnownValues)
        {
            sandbox.WithCandles(Symbol, resolution, Candles(resolution));
        }

        return sandbox;
    }

    public static Orderbook Book()
    {
        var random = new Random(7);
        OrderbookLevel Level(decimal price) => new() { Price = price, Size = Math.Round(2m + ((decimal)random.NextDouble() * 18m), 1) };
        return new Orderbook
        {
            Bids = [.. Enumerable.Range(0, BookLevels).Select(i => Level(ExamplePrice - 0.01m - (i * 0.02m)))],
            Asks = [.. Enumerable.Range(0, BookLevels).Select(i => Level(ExamplePrice + 0.01m + (i * 0.02m)))],
        };
    }

    public static IReadOnlyList<Candle> Candles(CandleResolution resolution)
    {
        var step = StepOf(resolution);
        var random = new Random(resolution.ToString().Length * 31);
        var candles = new List<Candle>(CandleCount);
        var close = ExamplePrice;
        for (var i = CandleCount - 1; i >= 0; i--)
        {
            // Walk backwards from the example's last close, so the newest candle closes at the example price.
            var open = Math.Round(close - ((decimal)(random.NextDouble() - 0.5) * 1.6m), 2);
            var high = Math.Max(open, close) + Math.Round((decimal)random.NextDouble() * 0.6m, 2);
            var low = Math.Min(open, close) - Math.Round((decimal)random.NextDouble() * 0.6m, 2);
            candles.Add(new Candle { Time = LastCandleOpens - (step * (CandleCount - 1 - i)), Open = open, High = high, Low = low, Close = close, Volume = Math.Round(20_000m + ((decimal)random.NextDouble() * 80_000m), 1) });
            close = open;
        }

        candles.Reverse();
        return candles;
    }

    private static TimeSpan StepOf(CandleResolution resolution) =>
        resolution == CandleResolution.OneMinute ? TimeSpan.FromMinutes(1)
        : resolution == CandleResolution.FiveMinutes ? TimeSpan.FromMinutes(5)
        : resolution == CandleResolution.FifteenMinutes ? TimeSpan.FromMinutes(15)
        : resolution == CandleResolution.FourHours ? TimeSpan.FromHours(4)
        : resolution == CandleResolution.OneDay ? TimeSpan.FromDays(1)
        : TimeSpan.FromHours(1);
}
