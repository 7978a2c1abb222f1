using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>Markets: the registry, leverage tiers and an orderbook per market.</summary>
internal sealed class MarketsArea : SandboxArea
{
    private readonly Dictionary<string, (Orderbook Book, OrderbookSource Source)> _orderbooks = new(StringComparer.OrdinalIgnoreCase);
    private readonly OrderbookResponse _exampleOrderbook = Example("OrderbookResponse", SandboxJsonContext.Default.OrderbookResponse);
    private IReadOnlyList<Market> _markets = Example("MarketListResponse", SandboxJsonContext.Default.MarketListResponse).Data;
    private IReadOnlyList<LeverageTier> _tiers = Example("LeverageTierListResponse", SandboxJsonContext.Default.LeverageTierListResponse).Data;

    public MarketsArea()
    {
        Answers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>
        {
            ["listMarkets"] = ListMarkets,
            ["getMarket"] = GetMarket,
            ["getLeverageTiers"] = _ => SandboxAnswer.Of(200, new LeverageTierListResponse { Success = true, Data = _tiers }, SandboxJsonContext.Default.LeverageTierListResponse),
            ["getOrderbook"] = GetOrderbook,
        };
    }

    public override IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    public void SetMarkets(IReadOnlyList<Market> markets) => _markets = markets;

    public void SetLeverageTiers(IReadOnlyList<LeverageTier> tiers) => _tiers = tiers;

    public void SetOrderbook(string market, Orderbook book, OrderbookSource source) => _orderbooks[market] = (book, source);

    private SandboxAnswer ListMarkets(SandboxCall call)
    {
        var markets = call.Query("asset_class") is { } assetClass
            ? [.. _markets.Where(market => market.AssetClass == new AssetClass(assetClass))]
            : _markets;
        return SandboxAnswer.Of(200, new MarketListResponse { Success = true, Data = markets }, SandboxJsonContext.Default.MarketListResponse);
    }

    private SandboxAnswer GetMarket(SandboxCall call)
    {
        var symbol = call.Path("symbol");
        return _markets.FirstOrDefault(market => string.Equals(market.Symbol, symbol, StringComparison.OrdinalIgnoreCase)) is { } found
            ? SandboxAnswer.Of(200, new MarketResponse { Success = true, Data = found }, SandboxJsonContext.Default.MarketResponse)
            : SandboxAnswer.Error(404, "MARKET_NOT_FOUND", $"Unknown market '{symbol}'.", call.RequestId);
    }

    // The contract documents no 404 here: a market without a book of its own gets the example book.
    private SandboxAnswer GetOrderbook(SandboxCall call)
    {
        var answer = _orderbooks.TryGetValue(call.Path("market"), out var book)
            ? new OrderbookResponse { Success = true, Source = book.Source, Data = book.Book }
            : _exampleOrderbook;
        return SandboxAnswer.Of(200, answer, SandboxJsonContext.Default.OrderbookResponse);
    }
}
