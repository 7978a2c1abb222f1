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
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        var builder = services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = baseAddress;
            options.AccessToken = Token;
        });
        configureHttpClient?.Invoke(builder);
        return services.BuildServiceProvider();
    }
}
