using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using QuantDesk.Client.Authentication;
using QuantDesk.Client.Configuration;
using QuantDesk.Client.Diagnostics;
using QuantDesk.Client.Logging;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Http;

/// <summary>
/// Builds, without a container, the same handler chain that <c>AddQuantDeskClient</c> registers:
/// telemetry → call boundary (deadline, typed transport errors) → resilience → Bearer token → response buffering →
/// attempt counting → sockets.
/// </summary>
internal static class StandaloneHttpClient
{
    // One connection pool for every standalone client in the process, as IHttpClientFactory and the Azure SDK
    // do: clients are not disposable, so a pool per client could only be released by the garbage collector.
    // Connections are recycled so DNS changes are seen; no cookie jar, which would be shared by every client.
    // Configured once here and never changed.
    private static readonly SocketsHttpHandler SharedSockets = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2), UseCookies = false };

    public static HttpClient Create(QuantDeskClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The client keeps the settings it was created with, whatever later happens to the caller's object.
        options = options.Clone();
        QuantDeskClientOptionsValidator.ThrowIfInvalid(options);

        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(ClientLog.Category);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = ResiliencePipelineSetup.PipelineName, TimeProvider = options.TimeProvider };
        ResiliencePipelineSetup.Configure(pipeline, options, logger);

        var handlers = new TelemetryHandler(() => options, logger)
        {
            InnerHandler = new CallBoundaryHandler(() => options)
            {
                InnerHandler = new ResilienceHandler(pipeline.Build())
                {
                    InnerHandler = new BearerTokenHandler(new AccessTokenSource(() => options), logger)
                    {
                        InnerHandler = new ResponseBufferingHandler(options.MaxResponseContentLength)
                        {
                            InnerHandler = new AttemptCountingHandler { InnerHandler = SharedSockets },
                        },
                    },
                },
            },
        };

        // The chain is not disposed with the client: disposing it would close the shared connection pool.
        var client = new HttpClient(handlers, disposeHandler: false);
        HttpClientSetup.Configure(client, options);
        return client;
    }
}
