using System.Text.Json;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Http;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client;

/// <summary>
/// The hand-written half of the generated <see cref="BacktestClient"/>: how it reads answers and how to create
/// one without a dependency-injection container. The operations themselves are generated from openapi.json.
/// </summary>
public partial class BacktestClient
{
    // The clock of the waits between polls; the options' clock, so tests can move time by hand.
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// Creates a fully configured client (Bearer authentication, retries, timeouts, typed errors) for
    /// applications without a dependency-injection container. Create it once and reuse it: it owns its
    /// connection pool.
    /// </summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="loggerFactory">Where the client logs retries and token refreshes; none by default.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The settings are not valid.</exception>
    public BacktestClient(QuantDeskClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(StandaloneHttpClient.Create(options, loggerFactory))
    {
        _timeProvider = options.TimeProvider;
    }

    // The one the container uses: the HttpClient comes from IHttpClientFactory with its handlers.
    internal BacktestClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(httpClient)
    {
        _timeProvider = timeProvider;
    }

    partial void Initialize()
    {
        // Keeps the body of a malformed success response, so the exception can show what came back.
        ReadResponseAsString = true;
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        // A JSON null where the contract promises an object is a broken answer, not a null for callers to trip on.
        settings.RespectNullableAnnotations = true;

        // {"success": false, "success": true} must not read as success: a repeated property makes the body unusable.
        settings.AllowDuplicateProperties = false;

        // 1e400 would read as infinity, as NaN cannot be written in JSON at all: both are refused alike.
        settings.Converters.Add(new FiniteDoubleConverter());

        // Compile-time metadata instead of reflection: trimming- and Native AOT-safe, and faster to start.
        settings.TypeInfoResolver = QuantDeskJsonContext.Default;
    }

    // Called by the generated code before each request; nothing to add: headers and credentials come from
    // the HttpClient and its handlers.
    private static Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    // Called by the generated code before it looks at the status: every error status becomes the typed
    // exception callers branch on, so NSwag's generic exception never reaches them.
    private static async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The client's pipeline has built the exception already; a plain HttpClient's answer is read here.
            throw response.Content is BufferedContent { Failure: { } failure }
                ? failure
                : await ErrorFactory.FromResponseAsync(response, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }
}
