namespace QuantDesk.Client;

/// <summary>Results of the Markets, Oracle, Portfolio and Data operations, for mocks in your own tests.</summary>
public static partial class QuantDeskModelFactory
{
    /// <summary>A market of the registry.</summary>
    /// <param name="symbol">The symbol, for example <c>SOL-PERP</c>.</param>
    /// <param name="assetClass">The asset class; <see cref="AssetClass.Crypto"/> when not given.</param>
    /// <param name="maxLeverage">The leverage cap.</param>
    /// <param name="baseAsset">The asset traded.</param>
    /// <param name="quoteAsset">The quote asset.</param>
    /// <param name="isActive">Whether it trades.</param>
    /// <param name="oracleFeed">Its oracle feed.</param>
    /// <returns>The market.</returns>
    public static Market Market(string symbol, AssetClass? assetClass = null, decimal? maxLeverage = null, string? baseAsset = null, string? quoteAsset = null, bool? isActive = true, string? oracleFeed = null) =>
        new() { Symbol = symbol, AssetClass = assetClass ?? Client.AssetClass.Crypto, MaxLeverage = maxLeverage, BaseAsset = baseAsset, QuoteAsset = quoteAsset, IsActive = isActive, OracleFeed = oracleFeed };

    /// <summary>The leverage cap of an asset class.</summary>
    /// <param name="assetClass">The class.</param>
    /// <param name="maxLeverage">Its cap.</param>
    /// <returns>The tier.</returns>
    public static LeverageTier LeverageTier(AssetClass assetClass, decimal maxLeverage) => new() { AssetClass = assetClass, MaxLeverage = maxLeverage };

    /// <summary>An orderbook from (price, size) levels, in any order.</summary>
    /// <param name="bids">Buy levels.</param>
    /// <param name="asks">Sell levels.</param>
    /// <returns>The book.</returns>
    public static Orderbook Orderbook(IEnumerable<(decimal Price, decimal Size)> bids, IEnumerable<(decimal Price, decimal Size)> asks) => new()
    {
        Bids = [.. bids.Select(level => new OrderbookLevel { Price = level.Price, Size = level.Size })],
        Asks = [.. asks.Select(level => new OrderbookLevel { Price = level.Price, Size = level.Size })],
    };

    /// <summary>The answer of <c>GetOraclePricesAsync</c>.</summary>
    /// <param name="prices">Prices keyed by symbol.</param>
    /// <param name="timestamp">When they were read.</param>
    /// <param name="source">Their source; <c>pyth</c> when not given.</param>
    /// <returns>A successful envelope holding the prices.</returns>
    public static OraclePricesResponse OraclePricesResponse(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset? timestamp = null, string? source = "pyth") =>
        new() { Success = true, Data = prices, Timestamp = timestamp, Source = source };

    /// <summary>A balance of one asset.</summary>
    /// <param name="asset">The asset, for example <c>USDC</c>.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>The balance.</returns>
    public static Balance Balance(string asset, decimal amount) => new() { Asset = asset, Amount = amount };

    /// <summary>An open position.</summary>
    /// <param name="market">The market symbol.</param>
    /// <param name="side">Long or short.</param>
    /// <param name="size">The size.</param>
    /// <param name="entryPrice">The entry price.</param>
    /// <param name="currentPrice">The mark price.</param>
    /// <param name="unrealizedPnl">The unrealized profit and loss.</param>
    /// <param name="leverage">The leverage.</param>
    /// <returns>The position.</returns>
    public static Position Position(string market, PositionSide side, decimal size, decimal? entryPrice = null, decimal? currentPrice = null, decimal? unrealizedPnl = null, decimal? leverage = null) =>
        new() { Market = market, Side = side, Size = size, EntryPrice = entryPrice, CurrentPrice = currentPrice, UnrealizedPnl = unrealizedPnl, Leverage = leverage };

    /// <summary>An open order.</summary>
    /// <param name="id">The order id.</param>
    /// <param name="market">The market symbol.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="type">Limit or market.</param>
    /// <param name="size">The size.</param>
    /// <param name="price">The limit price.</param>
    /// <param name="status">The status; <see cref="OrderStatus.Open"/> when not given.</param>
    /// <returns>The order.</returns>
    public static Order Order(string id, string market, OrderSide side, OrderType type, decimal size, decimal? price = null, OrderStatus? status = null) =>
        new() { Id = id, Market = market, Side = side, Type = type, Size = size, Price = price, Status = status ?? OrderStatus.Open };

    /// <summary>A unified portfolio.</summary>
    /// <param name="balances">Its balances.</param>
    /// <param name="positions">Its positions.</param>
    /// <param name="orders">Its open orders.</param>
    /// <returns>The portfolio.</returns>
    public static Portfolio Portfolio(IEnumerable<Balance>? balances = null, IEnumerable<Position>? positions = null, IEnumerable<Order>? orders = null) =>
        new() { Balances = [.. balances ?? []], Positions = [.. positions ?? []], Orders = [.. orders ?? []] };

    /// <summary>A market stats snapshot.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="lastPrice">The last price.</param>
    /// <param name="change24h">The 24-hour change in percent.</param>
    /// <param name="volume24h">The 24-hour volume.</param>
    /// <param name="openInterest">The open interest.</param>
    /// <returns>The snapshot.</returns>
    public static MarketStats MarketStats(string symbol, decimal? lastPrice = null, double? change24h = null, decimal? volume24h = null, decimal? openInterest = null) =>
        new() { Symbol = symbol, LastPrice = lastPrice, Change24h = change24h, Volume24h = volume24h, OpenInterest = openInterest };

    /// <summary>An OHLCV candle.</summary>
    /// <param name="time">When it opens.</param>
    /// <param name="open">Opening price.</param>
    /// <param name="high">Highest price.</param>
    /// <param name="low">Lowest price.</param>
    /// <param name="close">Closing price.</param>
    /// <param name="volume">Traded volume.</param>
    /// <returns>The candle.</returns>
    public static Candle Candle(DateTimeOffset time, decimal open, decimal high, decimal low, decimal close, decimal? volume = null) =>
        new() { Time = time, Open = open, High = high, Low = low, Close = close, Volume = volume };
}
