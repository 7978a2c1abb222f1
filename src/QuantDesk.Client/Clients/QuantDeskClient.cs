using Microsoft.Extensions.Logging;
using QuantDesk.Client.Http;

namespace QuantDesk.Client;

/// <summary>
/// The whole QuantDesk API on one pipeline: every area client shares one HttpClient with its handlers, so a
/// token refresh, a connection pool and the retry settings serve them all. Create it once and reuse it, or
/// resolve <see cref="IQuantDeskClient"/> after <c>services.AddQuantDeskClient(...)</c>.
/// </summary>
public class QuantDeskClient : IQuantDeskClient
{
    /// <summary>
    /// Creates the client for applications without a dependency-injection container, building the same
    /// pipeline that <c>AddQuantDeskClient</c> registers, once for all areas.
    /// </summary>
    /// <param name="options">The settings; validated here and copied, so later changes to the object do not apply.</param>
    /// <param name="loggerFactory">Where the client logs retries and token refreshes; none by default.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The settings are not valid.</exception>
    public QuantDeskClient(QuantDeskClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(StandaloneHttpClient.Create(options, loggerFactory), options.TimeProvider)
    {
    }

    // The container's: the HttpClient comes from IHttpClientFactory with the pipeline's handlers.
    internal QuantDeskClient(HttpClient httpClient, TimeProvider timeProvider)
    {
        Markets = new MarketsClient(httpClient);
        Oracle = new OracleClient(httpClient);
        Portfolio = new PortfolioClient(httpClient);
        MarketData = new MarketDataClient(httpClient);
        Social = new SocialClient(httpClient);
        Backtests = new BacktestClient(httpClient, timeProvider);
        Referrals = new ReferralsClient(httpClient);
    }

    /// <inheritdoc />
    public virtual IMarketsClient Markets { get; }

    /// <inheritdoc />
    public virtual IOracleClient Oracle { get; }

    /// <inheritdoc />
    public virtual IPortfolioClient Portfolio { get; }

    /// <inheritdoc />
    public virtual IMarketDataClient MarketData { get; }

    /// <inheritdoc />
    public virtual ISocialClient Social { get; }

    /// <inheritdoc />
    public virtual IBacktestClient Backtests { get; }

    /// <inheritdoc />
    public virtual IReferralsClient Referrals { get; }
}
