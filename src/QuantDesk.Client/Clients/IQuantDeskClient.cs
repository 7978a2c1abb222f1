namespace QuantDesk.Client;

/// <summary>
/// The whole QuantDesk API, one client per area, all on one HttpClient pipeline (authentication, retries,
/// timeouts, typed errors, telemetry and logging). Resolve it after <c>services.AddQuantDeskClient(...)</c> or
/// create a <see cref="QuantDeskClient"/>; each area is also registered on its own (<see cref="IMarketsClient"/>...).
/// </summary>
public interface IQuantDeskClient
{
    /// <summary>The market registry, leverage tiers and orderbook depth.</summary>
    IMarketsClient Markets { get; }

    /// <summary>Prices from the Pyth oracle network.</summary>
    IOracleClient Oracle { get; }

    /// <summary>The authenticated wallet's portfolio, positions and open orders.</summary>
    IPortfolioClient Portfolio { get; }

    /// <summary>Market statistics and historical OHLCV candles.</summary>
    IMarketDataClient MarketData { get; }

    /// <summary>The leaderboard and verified proof (flex) cards.</summary>
    ISocialClient Social { get; }

    /// <summary>Backtest datasets, runs and the waits built on them.</summary>
    IBacktestClient Backtests { get; }

    /// <summary>Referral validation before on-chain assignment.</summary>
    IReferralsClient Referrals { get; }
}
