using System.Text.Json;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// The QuantDesk API answered, but not with the expected result: an error status, an envelope that reports
/// <c>success: false</c>, or a body that is not the documented JSON. Carries what the API said about it
/// (the fields of its <c>Error</c> schema) and a capped copy of the response body.
/// </summary>
public class QuantDeskApiException : QuantDeskException
{
    private readonly ApiErrorDetails _details;

    internal QuantDeskApiException(ApiErrorDetails details, Exception? innerException)
        : base(details.Message, innerException)
    {
        _details = details;
    }

    /// <summary>
    /// The shape NSwag's generated code constructs. It throws this only for successful statuses whose body could
    /// not be read (malformed JSON, a missing <c>data</c>, <c>success: false</c>); error statuses are mapped to
    /// typed exceptions before the generated code sees them.
    /// </summary>
    internal QuantDeskApiException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        Exception? innerException)
        : this(SentTokenOf(headers), message, statusCode, response, headers, innerException)
    {
    }

    // The token the answered request carried, taken out of what the server wrote before it is kept.
    private QuantDeskApiException(string? sentToken, string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(
            ErrorFactory.FromGeneratedCode(statusCode, response, headers, message, sentToken),
            innerException ?? UnusableBody(Authentication.SentToken.Scrub(response, sentToken)))
    {
    }

    private static string? SentTokenOf(IReadOnlyDictionary<string, IEnumerable<string>> headers) => (headers as Http.ResponseHeaders)?.SentToken;

    // NSwag reports a body of JSON null without an inner exception; callers get a JsonException for every unusable body.
    // Only a success reaches the generated code: the pipeline answers every other status with a typed exception first.
    private static JsonException UnusableBody(string? response) =>
        new($"The response body ({(string.IsNullOrEmpty(response) ? "empty" : ServerText.Printable(response.Trim(), 256))}) is not the documented JSON object.");

    /// <summary>The HTTP status code of the API's answer.</summary>
    public override int? StatusCode => _details.StatusCode;

    /// <summary>The API's request id (the body's <c>request_id</c>, else an <c>X-Request-ID</c> header), if any.</summary>
    public override string? RequestId => _details.RequestId;

    /// <summary>The API's machine-readable error code (<c>code</c>), for example <c>RUN_NOT_FOUND</c>.</summary>
    public string? ErrorCode => _details.ErrorCode;

    /// <summary>The API's error name (<c>error</c>), which usually repeats <see cref="ErrorCode"/>.</summary>
    public string? Error => _details.Error;

    /// <summary>The API's human-readable explanation (<c>message</c>).</summary>
    public string? ServerMessage => _details.ServerMessage;

    /// <summary>When the API says the error happened (<c>timestamp</c>).</summary>
    public DateTimeOffset? Timestamp => _details.Timestamp;

    /// <summary>
    /// How long the API asked to wait before the next request (its <c>Retry-After</c>, in seconds or as an HTTP
    /// date), or <see langword="null"/> when the answer carried none.
    /// </summary>
    public TimeSpan? RetryAfter => _details.RetryAfter;

    /// <summary>The start of the response body (at most 4,096 characters), for diagnostics.</summary>
    public string? ResponseBody => _details.ResponseBody;
}
