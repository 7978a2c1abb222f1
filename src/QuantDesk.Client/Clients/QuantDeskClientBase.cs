using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Http;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client;

/// <summary>
/// The shared half of every generated area client (<see cref="MarketsClient"/>, <see cref="BacktestClient"/>...):
/// the HttpClient, the serializer settings and the hooks the generated code calls around each request. Written
/// once here, so an operation added to openapi.json needs no hand-written code. Not meant to be derived from
/// outside the library.
/// </summary>
public abstract class QuantDeskClientBase
{
    private protected readonly HttpClient _httpClient;

    private protected QuantDeskClientBase(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
    }

    // One set of settings for every client, built once and read-only from then on.
    private protected static JsonSerializerOptions JsonSerializerSettings => QuantDeskJsonOptions.Default;

    // Called by the generated code before each request; nothing to add: headers and credentials come from
    // the HttpClient and its handlers.
    private protected static Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    // Called by the generated code before it looks at the status: every error status becomes the typed
    // exception callers branch on, so NSwag's generic exception never reaches them.
    private protected static async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The client's pipeline has built the exception already; a plain HttpClient's answer is read here.
            throw response.Content is BufferedContent { Failure: { } failure }
                ? failure
                : await ErrorFactory.FromResponseAsync(response, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    private protected static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    // UTF-8 whatever charset the server names, so a bogus charset cannot throw.
    private protected static async Task<string> ReadAsStringAsync(HttpContent content, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Reads a body through source-generated metadata (trimming and Native AOT safe). A body the pipeline buffered
    /// is deserialized in place; any other is buffered first so that an unusable one can be shown as text. A JSON
    /// null, malformed JSON and <c>"success": false</c> are all a <see cref="QuantDeskApiException"/>.
    /// </summary>
    private protected static async ValueTask<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, CancellationToken cancellationToken)
    {
        if (response.Content is not BufferedContent buffered)
        {
            // Array-backed content is already in memory; anything else is read once into memory here.
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Deserialize<T>(response, bytes, headers);
        }

        return Deserialize<T>(response, buffered.Body.Span, headers);
    }

    private static ObjectResponseResult<T> Deserialize<T>(HttpResponseMessage response, ReadOnlySpan<byte> body, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        body = BufferedContent.WithoutByteOrderMark(body);
        try
        {
            var typedBody = JsonSerializer.Deserialize(body, TypeInfo<T>());
            return typedBody is null
                ? throw new QuantDeskApiException("Response was null which was not expected.", (int)response.StatusCode, Encoding.UTF8.GetString(body), headers ?? new ResponseHeaders(response), null)
                : new ObjectResponseResult<T>(typedBody, string.Empty);
        }
        catch (JsonException exception)
        {
            var message = "Could not deserialize the response body string as " + typeof(T).FullName + ".";
            throw new QuantDeskApiException(message, (int)response.StatusCode, Encoding.UTF8.GetString(body), headers ?? new ResponseHeaders(response), exception);
        }
    }

    /// <summary>
    /// The text of a query or path value: the wire text of an extensible value, lower-case booleans, invariant
    /// numbers. No reflection, unlike NSwag's default. A text with an unpaired surrogate is refused before any
    /// request, as for path segments (<see cref="PathSegment"/>): escaping would silently send U+FFFD, another value.
    /// </summary>
    /// <exception cref="ArgumentException">The text contains an unpaired surrogate character.</exception>
    private protected static string ConvertToString(object? value, CultureInfo cultureInfo)
    {
        var text = value switch
        {
            null => string.Empty,
            string plain => plain,
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, cultureInfo),
            _ => value.ToString() ?? string.Empty,
        };

        return PathSegment.IsWellFormedUtf16(text)
            ? text
            : throw new ArgumentException("A query parameter contains an unpaired surrogate character, which cannot be sent in a URL.", nameof(value));
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)JsonSerializerSettings.GetTypeInfo(typeof(T));

    /// <summary>A deserialized body and, when asked for, its text (the generated code's shape).</summary>
    private protected readonly struct ObjectResponseResult<T>
    {
        public ObjectResponseResult(T responseObject, string responseText)
        {
            Object = responseObject;
            Text = responseText;
        }

        public T Object { get; }

        public string Text { get; }
    }
}
