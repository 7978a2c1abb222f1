using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Benchmarks.InMemory;
using QuantDesk.Client.Benchmarks.Variants;

namespace QuantDesk.Client.Benchmarks;

/// <summary>
/// One call of GET api/v2/candles?symbol=SOL-PERP&amp;resolution=1h answered with 10,000 candles (about a megabyte,
/// <see cref="CandleBodies"/>), over the same in-memory handler: the baseline is the hand-written raw HttpClient with
/// source-generated System.Text.Json (decimal prices, the time read as a DateTimeOffset); the full pipeline is the
/// client as users register it (<see cref="FullPipeline"/>, every handler on: Bearer token, retries, timeouts, redirects,
/// response buffering with the size cap, typed errors, telemetry, logging), reached through <see cref="IQuantDeskClient"/>,
/// with only the primary handler replaced.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[BenchmarkCategory("Candles")]
public class CandlesBenchmarks
{
    private readonly InMemoryCandlesHandler _handler = new();
    private RawHttpClientApi _raw = null!;
    private ServiceProvider _services = null!;
    private IQuantDeskClient _oursFull = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new RawHttpClientApi(NewHttpClient());
        _services = FullPipeline.Create(InMemoryApiHandler.BaseAddress, builder => builder.ConfigurePrimaryHttpMessageHandler(() => _handler));
        _oursFull = _services.GetRequiredService<IQuantDeskClient>();

        // Both variants must read the same 10,000 candles before either is measured.
        var expected = _raw.GetCandlesAsync(CandleBodies.Symbol, CandleBodies.Resolution).GetAwaiter().GetResult().Data;
        Check(expected, _oursFull.MarketData.GetCandlesAsync(CandleBodies.Symbol, CandleResolution.OneHour).GetAwaiter().GetResult().Data);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<decimal> Candles_Raw_SourceGen()
    {
        var candles = (await _raw.GetCandlesAsync(CandleBodies.Symbol, CandleBodies.Resolution)).Data;
        return candles[^1].Close;
    }

    [Benchmark]
    public async Task<decimal?> Candles_Ours_FullPipeline()
    {
        var candles = (await _oursFull.MarketData.GetCandlesAsync(CandleBodies.Symbol, CandleResolution.OneHour)).Data;
        return candles[^1].Close;
    }

    private HttpClient NewHttpClient() => new(_handler, disposeHandler: false) { BaseAddress = InMemoryApiHandler.BaseAddress };

    private static void Check(IReadOnlyList<CandleRow> expected, IReadOnlyList<Candle> actual)
    {
        if (actual.Count != CandleBodies.Count || expected.Count != CandleBodies.Count)
        {
            throw new InvalidOperationException($"Expected {CandleBodies.Count} candles, read {expected.Count} and {actual.Count}.");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (row, candle) = (expected[i], actual[i]);
            if (row.Time != candle.Time || row.Time != DateTimeOffset.FromUnixTimeMilliseconds(CandleBodies.FirstTime + i * CandleBodies.Step)
                || row.Open != candle.Open || row.High != candle.High || row.Low != candle.Low
                || row.Close != candle.Close || row.Volume != candle.Volume)
            {
                throw new InvalidOperationException($"Candle {i} differs between the variants.");
            }
        }
    }
}
