using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantDesk.Client;
using QuantDesk.Client.Configuration;
using QuantDesk.Client.DependencyInjection;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;
using QuantDesk.Client.Resilience;

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
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "Shipped in 1.0 with its optional parameter; the named overloads that have more parameters take a name first, so no call binds differently.")]
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

    /// <summary>
    /// Registers a client under <paramref name="name"/>, with options, a token source, retries and a rate budget of its
    /// own: one per wallet or account, for example. Resolve it with <c>[FromKeyedServices("wallet-a")] IQuantDeskClient</c>
    /// (the area clients are keyed the same way) or, for names known only at run time, through
    /// <see cref="IQuantDeskClientFactory"/>. Tokens never cross names; every name sends on one shared connection pool.
    /// Calling it again for the same name applies <paramref name="configure"/> on top.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: not empty, compared ordinally.</param>
    /// <param name="configure">Sets this name's options.</param>
    /// <returns>The name's HttpClient builder, to add handlers of your own (they run inside the retries).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHttpClientBuilder AddQuantDeskClient(this IServiceCollection services, string name, Action<QuantDeskClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.Configure(name, configure);
        return AddQuantDeskClientCore(services, name);
    }

    /// <summary>
    /// Registers a client under <paramref name="name"/> with options bound from a configuration section (for example
    /// <c>configuration.GetSection("QuantDesk:Wallets:wallet-a")</c>), as <see cref="AddQuantDeskClient(IServiceCollection, string, Action{QuantDeskClientOptions})"/> does.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: not empty, compared ordinally.</param>
    /// <param name="configuration">The section holding this name's options.</param>
    /// <returns>The name's HttpClient builder, to add handlers of your own (they run inside the retries).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHttpClientBuilder AddQuantDeskClient(this IServiceCollection services, string name, IConfiguration configuration) =>
        AddQuantDeskClient(services, name, configuration, static _ => { });

    /// <summary>
    /// Registers a client under <paramref name="name"/> with options bound from a configuration section, then
    /// <paramref name="configure"/> applied on top (for settings code must give, such as a token provider).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: not empty, compared ordinally.</param>
    /// <param name="configuration">The section holding this name's options.</param>
    /// <param name="configure">Code settings applied after binding.</param>
    /// <returns>The name's HttpClient builder, to add handlers of your own (they run inside the retries).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHttpClientBuilder AddQuantDeskClient(this IServiceCollection services, string name, IConfiguration configuration, Action<QuantDeskClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<QuantDeskClientOptions>(name).Bind(configuration);
        services.Configure(name, configure);
        return AddQuantDeskClientCore(services, name);
    }

    private static IHttpClientBuilder AddQuantDeskClientCore(IServiceCollection services, string name = "")
    {
        var httpClientName = QuantDeskClientRegistration.HttpClientNameOf(name);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(QuantDeskClientRegistration) && ((QuantDeskClientRegistration?)descriptor.ImplementationInstance)?.Name == name))
        {
            return services.AddHttpClient(httpClientName);
        }

        services.AddSingleton(new QuantDeskClientRegistration(name));
        services.AddOptions<QuantDeskClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QuantDeskClientOptions>, QuantDeskClientOptionsValidator>());
        services.TryAddSingleton<RateBudgets>();
        services.TryAddSingleton<ClientPipelines>();
        services.TryAddSingleton<SharedConnections>();
        services.TryAddSingleton<IQuantDeskClientFactory, QuantDeskClientFactory>();

        var builder = services.AddHttpClient(httpClientName);
        if (name.Length == 0)
        {
            builder
                .AddTypedClient<IQuantDeskClient>((httpClient, provider) => new QuantDeskClient(httpClient, Options(provider, name).TimeProvider))
                .AddTypedClient<IMarketsClient>(httpClient => new MarketsClient(httpClient))
                .AddTypedClient<IOracleClient>(httpClient => new OracleClient(httpClient))
                .AddTypedClient<IPortfolioClient>(httpClient => new PortfolioClient(httpClient))
                .AddTypedClient<IMarketDataClient>(httpClient => new MarketDataClient(httpClient))
                .AddTypedClient<ISocialClient>(httpClient => new SocialClient(httpClient))
                .AddTypedClient<IBacktestClient>((httpClient, provider) => new BacktestClient(httpClient, Options(provider, name).TimeProvider))
                .AddTypedClient<IReferralsClient>(httpClient => new ReferralsClient(httpClient));
        }
        else
        {
            AddKeyedClients(services, name);
        }

        return builder
            .ConfigureHttpClient((provider, client) => HttpClientSetup.Configure(client, Options(provider, name)))
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<SharedConnections>().CreateHandler())
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (var handler in provider.GetRequiredService<ClientPipelines>().For(name).CreateHandlers())
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

    // The root and each area, keyed by the name, all on the name's one HttpClient.
    private static void AddKeyedClients(IServiceCollection services, string name)
    {
        services.AddKeyedTransient<IQuantDeskClient>(name, (provider, _) => provider.GetRequiredService<IQuantDeskClientFactory>().CreateClient(name));
        services.AddKeyedTransient<IMarketsClient>(name, (provider, _) => new MarketsClient(HttpClientOf(provider, name)));
        services.AddKeyedTransient<IOracleClient>(name, (provider, _) => new OracleClient(HttpClientOf(provider, name)));
        services.AddKeyedTransient<IPortfolioClient>(name, (provider, _) => new PortfolioClient(HttpClientOf(provider, name)));
        services.AddKeyedTransient<IMarketDataClient>(name, (provider, _) => new MarketDataClient(HttpClientOf(provider, name)));
        services.AddKeyedTransient<ISocialClient>(name, (provider, _) => new SocialClient(HttpClientOf(provider, name)));
        services.AddKeyedTransient<IBacktestClient>(name, (provider, _) => new BacktestClient(HttpClientOf(provider, name), Options(provider, name).TimeProvider));
        services.AddKeyedTransient<IReferralsClient>(name, (provider, _) => new ReferralsClient(HttpClientOf(provider, name)));
    }

    private static HttpClient HttpClientOf(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(QuantDeskClientRegistration.HttpClientNameOf(name));

    // Read through IOptionsMonitor so that settings reloaded from configuration apply to new clients and calls.
    private static QuantDeskClientOptions Options(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<QuantDeskClientOptions>>().Get(name);
}
