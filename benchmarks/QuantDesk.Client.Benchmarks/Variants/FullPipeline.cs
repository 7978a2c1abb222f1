using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>
/// The client as a user registers it: AddQuantDeskClient with a token, the default retries, timeouts and
/// IHttpClientFactory logging, and a console logger at Warning (what a latency-sensitive service runs with; at
/// Information every call would write four console lines, which measures the console rather than the client).
/// </summary>
public static class FullPipeline
{
    public const string Token = "benchmark-token.payload.signature";

    public static ServiceProvider Create(Uri baseAddress, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        var services = NewServices();
        var builder = services.AddQuantDeskClient(options => Configure(options, baseAddress, Token));
        configureHttpClient?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The container, shared with <see cref="NamedPipelines"/> so that a named client is measured with the same
    /// logging as the unnamed one and only the registration differs.
    /// </summary>
    public static ServiceCollection NewServices()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        return services;
    }

    /// <summary>
    /// The options of every registration of ours, shared with <see cref="NamedPipelines"/> for the same reason: every
    /// feature stays at its default (on), and the token is the one thing a name has of its own.
    /// </summary>
    public static void Configure(QuantDeskClientOptions options, Uri baseAddress, string token)
    {
        options.BaseAddress = baseAddress;
        options.AccessToken = token;
    }
}
