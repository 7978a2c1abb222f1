using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantDesk.Client;
using QuantDesk.Client.Configuration;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the QuantDesk client on IHttpClientFactory.</summary>
public static class QuantDeskServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the QuantDesk client uses, for <see cref="IHttpClientFactory"/> settings.</summary>
    public const string HttpClientName = "QuantDesk.Client";

    /// <summary>
    /// Registers <see cref="IQuantDeskClient"/> and every area client (<see cref="IMarketsClient"/>,
    /// <see cref="IOracleClient"/>, <see cref="IPortfolioClient"/>, <see cref="IMarketDataClient"/>,
    /// <see cref="ISocialClient"/>, <see cref="IBacktestClient"/>, <see cref="IReferralsClient"/>) on one HttpClient
    /// pipeline with Bearer authentication, retries, timeouts, typed errors and redacted logging. Calling it again only applies <paramref name="configure"/> on top; handlers are added once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example the access token or its provider.</param>
    /// <returns>The HttpClient builder, to add handlers of your own (they run inside the retries).</returns>
    public static IHttpClientBuilder AddQuantDeskClient(this IServiceCollection services, Action<QuantDeskClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.Configure(configure);
        return AddQuantDeskClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="IQuantDeskClient"/> and every area client with options bound from a configuration section (for example
    /// <c>configuration.GetSection("QuantDesk")</c> with <c>BaseAddress</c>, <c>AccessToken</c>, <c>Retry:MaxRetryAttempts</c>...).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <param name="configure">Optional code settings applied after binding, such as a token provider.</param>
    /// <returns>The HttpClient builder, to add handlers of your own (they run inside the retries).</returns>
    public static IHttpClientBuilder AddQuantDeskClient(this IServiceCollection services, IConfiguration configuration, Action<QuantDeskClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<QuantDeskClientOptions>().Bind(configuration);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return AddQuantDeskClientCore(services);
    }

    private static IHttpClientBuilder AddQuantDeskClientCore(IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ClientPipeline)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.AddOptions<QuantDeskClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QuantDeskClientOptions>, QuantDeskClientOptionsValidator>());

        // One per configured client: its token source and Polly pipeline outlive the handlers the factory recycles.
        services.TryAddSingleton(provider => new ClientPipeline(OptionsReader(provider), Logger(provider)));

        return services
            .AddHttpClient(HttpClientName)
            .AddTypedClient<IQuantDeskClient>((httpClient, provider) => new QuantDeskClient(httpClient, Options(provider).TimeProvider))
            .AddTypedClient<IMarketsClient>(httpClient => new MarketsClient(httpClient))
            .AddTypedClient<IOracleClient>(httpClient => new OracleClient(httpClient))
            .AddTypedClient<IPortfolioClient>(httpClient => new PortfolioClient(httpClient))
            .AddTypedClient<IMarketDataClient>(httpClient => new MarketDataClient(httpClient))
            .AddTypedClient<ISocialClient>(httpClient => new SocialClient(httpClient))
            .AddTypedClient<IBacktestClient>((httpClient, provider) => new BacktestClient(httpClient, Options(provider).TimeProvider))
            .AddTypedClient<IReferralsClient>(httpClient => new ReferralsClient(httpClient))
            .ConfigureHttpClient((provider, client) => HttpClientSetup.Configure(client, Options(provider)))
            .ConfigurePrimaryHttpMessageHandler(ClientPipeline.CreatePrimaryHandler)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (var handler in provider.GetRequiredService<ClientPipeline>().CreateHandlers())
                {
                    handlers.Add(handler);
                }
            })

            // The factory's default logging handlers open a logging scope on every call, logged or not; this logger
            // writes the same per-attempt events, redacted by allow-list, and costs nothing while they are off.
            .RemoveAllLoggers()
            .AddLogger(provider => new HttpExchangeLogger(provider.GetRequiredService<ILoggerFactory>().CreateLogger(HttpExchangeLogger.Category)), wrapHandlersPipeline: false)

            // Still redacted if an application adds the factory's default loggers back (AddDefaultLogger).
            .RedactLoggedHeaders(LoggedHeaders.ShouldRedact);
    }

    // Read through IOptionsMonitor so that settings reloaded from configuration apply to new clients and calls.
    private static QuantDeskClientOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<QuantDeskClientOptions>>().CurrentValue;

    // The current options as a field read on every call: kept up to date by the monitor's change notifications
    // rather than looked up in its cache each time.
    private static Func<QuantDeskClientOptions> OptionsReader(IServiceProvider provider)
    {
        var monitor = provider.GetRequiredService<IOptionsMonitor<QuantDeskClientOptions>>();
        var current = new System.Runtime.CompilerServices.StrongBox<QuantDeskClientOptions?>(monitor.CurrentValue);
        monitor.OnChange((options, name) =>
        {
            if (name == Microsoft.Extensions.Options.Options.DefaultName)
            {
                Volatile.Write(ref current.Value, options);
            }
        });
        return () => Volatile.Read(ref current.Value)!;
    }

    private static ILogger Logger(IServiceProvider provider) =>
        provider.GetRequiredService<ILoggerFactory>().CreateLogger(ClientLog.Category);
}
