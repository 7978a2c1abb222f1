using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using QuantDesk.Client.Authentication;
using QuantDesk.Client.Configuration;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Logging;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Http;

/// <summary>
/// Builds, without a container, the same handler chain that <c>AddQuantDeskClient</c> registers:
/// typed transport errors → resilience → Bearer token → sockets.
/// </summary>
internal static class StandaloneHttpClient
{
    public static HttpClient Create(QuantDeskClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        QuantDeskClientOptionsValidator.ThrowIfInvalid(options);

        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(ClientLog.Category);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = ResiliencePipelineSetup.PipelineName, TimeProvider = options.TimeProvider };
        ResiliencePipelineSetup.Configure(pipeline, options, logger);

        var sockets = new SocketsHttpHandler
        {
            // Recycles connections so DNS changes are seen, as IHttpClientFactory does.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        var handlers = new TransportFailureHandler
        {
            InnerHandler = new ResilienceHandler(pipeline.Build())
            {
                InnerHandler = new BearerTokenHandler(new AccessTokenSource(options), logger) { InnerHandler = sockets },
            },
        };

        var client = new HttpClient(handlers, disposeHandler: true);
        HttpClientSetup.Configure(client, options);
        return client;
    }
}
