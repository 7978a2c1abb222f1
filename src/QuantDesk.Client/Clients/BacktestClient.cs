using Microsoft.Extensions.Logging;
using QuantDesk.Client.Http;

namespace QuantDesk.Client;

// The hand-written half of the generated BacktestClient: the clock of its waits and how to create one without a
// dependency-injection container. The operations and the summary are generated from openapi.json.
public partial class BacktestClient
{
    // The clock of the waits between polls; the options' clock, so tests can move time by hand.
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// Creates a fully configured client (Bearer authentication, retries, timeouts, typed errors) for
    /// applications without a dependency-injection container. Create it once and reuse it. For every area of
    /// the API on one pipeline, create a <see cref="QuantDeskClient"/> instead.
    /// </summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="loggerFactory">Where the client logs retries and token refreshes; none by default.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The settings are not valid.</exception>
    public BacktestClient(QuantDeskClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(StandaloneHttpClient.Create(options, loggerFactory))
    {
        _timeProvider = options.TimeProvider;
    }

    // The one the container and QuantDeskClient use: the HttpClient comes with its handlers.
    internal BacktestClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(httpClient)
    {
        _timeProvider = timeProvider;
    }
}
