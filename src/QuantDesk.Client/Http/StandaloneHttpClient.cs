using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantDesk.Client.Configuration;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Http;

/// <summary>Builds, without a container, the same pipeline that <c>AddQuantDeskClient</c> registers (<see cref="ClientPipeline"/>).</summary>
internal static class StandaloneHttpClient
{
    // One connection pool for every standalone client in the process, as IHttpClientFactory and the Azure SDK
    // do: clients are not disposable, so a pool per client could only be released by the garbage collector.
    // Configured once here and never changed.
    private static readonly SocketsHttpHandler SharedSockets = ClientPipeline.CreatePrimaryHandler();

    public static HttpClient Create(QuantDeskClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The client keeps the settings it was created with, whatever later happens to the caller's object.
        options = options.Clone();
        QuantDeskClientOptionsValidator.ThrowIfInvalid(options);

        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(ClientLog.Category);
        var pipeline = new ClientPipeline(() => options, logger);

        // The chain is not disposed with the client: disposing it would close the shared connection pool.
        var client = new HttpClient(pipeline.Chain(SharedSockets), disposeHandler: false);
        HttpClientSetup.Configure(client, options);
        return client;
    }
}
