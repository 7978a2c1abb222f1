using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>Data: a stats snapshot per symbol and candles per symbol and resolution; others get the examples.</summary>
internal sealed class MarketDataArea : SandboxArea
{
    private readonly MarketStats _exampleStats = Example("MarketStatsResponse", SandboxJsonContext.Default.MarketStatsResponse).Data;
    private readonly IReadOnlyList<Candle> _exampleCandles = Example("CandleListResponse", SandboxJsonContext.Default.CandleListResponse).Data;
    private readonly Dictionary<string, MarketStats> _stats = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Symbol, CandleResolution Resolution), IReadOnlyList<Candle>> _candles = [];

    public MarketDataArea()
    {
        Answers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>
        {
            ["getMarketStats"] = GetStats,
            ["getCandles"] = GetCandles,
        };
    }

    public override IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    public void SetStats(MarketStats stats) => _stats[stats.Symbol ?? string.Empty] = stats;

    public void SetCandles(string symbol, CandleResolution resolution, IReadOnlyList<Candle> candles) => _candles[(symbol.ToUpperInvariant(), resolution)] = candles;

    private SandboxAnswer GetStats(SandboxCall call)
    {
        if (call.Query("symbol") is not { Length: > 0 } symbol)
        {
            return SandboxAnswer.Error(400, "INVALID_REQUEST", "symbol is required.", call.RequestId);
        }

        var stats = _stats.TryGetValue(symbol, out var own) ? own : WithSymbol(symbol);
        return SandboxAnswer.Of(200, new MarketStatsResponse { Success = true, Data = stats }, SandboxJsonContext.Default.MarketStatsResponse);
    }

    private SandboxAnswer GetCandles(SandboxCall call)
    {
        if (call.Query("symbol") is not { Length: > 0 } symbol || call.Query("resolution") is not { Length: > 0 } resolution)
        {
            return SandboxAnswer.Error(400, "INVALID_REQUEST", "symbol and resolution are required.", call.RequestId);
        }

        // As the real gateway, the sandbox accepts only the contract's resolutions.
        if (!new CandleResolution(resolution).IsKnown)
        {
            return SandboxAnswer.Error(400, "INVALID_RESOLUTION", $"Unknown resolution '{resolution}'.", call.RequestId);
        }

        var candles = _candles.TryGetValue((symbol.ToUpperInvariant(), new CandleResolution(resolution)), out var own) ? own : _exampleCandles;
        return SandboxAnswer.Of(200, new CandleListResponse { Success = true, Data = candles }, SandboxJsonContext.Default.CandleListResponse);
    }

    private MarketStats WithSymbol(string symbol) => new()
    {
        Symbol = symbol,
        LastPrice = _exampleStats.LastPrice,
        Change24h = _exampleStats.Change24h,
        Volume24h = _exampleStats.Volume24h,
        OpenInterest = _exampleStats.OpenInterest,
    };
}
