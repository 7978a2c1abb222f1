using System.Globalization;

namespace QuantDesk.Client;

/// <summary>
/// An operation's result together with what the HTTP exchange said about it, returned by the <c>...WithResponseAsync</c>
/// twin of every operation (<c>GetBacktestRunWithResponseAsync</c> beside <c>GetBacktestRunAsync</c>): the status,
/// the API's request id, the response headers, the attempts the call took and how long it took. The plain methods
/// gather none of this, so a caller who does not ask pays nothing.
/// </summary>
/// <typeparam name="T">The operation's result type.</typeparam>
public sealed class QuantDeskResponse<T>
{
    internal QuantDeskResponse(T value, int statusCode, string? requestId, IReadOnlyDictionary<string, IEnumerable<string>> headers, int attempts, TimeSpan elapsed)
    {
        Value = value;
        StatusCode = statusCode;
        RequestId = requestId;
        Headers = headers;
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>The result, exactly as the plain method returns it.</summary>
    public T Value { get; }

    /// <summary>The HTTP status code of the answer the result was read from (a 2xx status).</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The API's request id from the answer's <c>X-Request-ID</c> header (the contract's success bodies carry none),
    /// for support tickets and log correlation; <see langword="null"/> when the API sent none. Control characters are
    /// escaped and the value is capped, as every server text the client hands on.
    /// </summary>
    public string? RequestId { get; }

    /// <summary>
    /// The answer's response and content headers, read-only and looked up case-insensitively, with the values as the
    /// server sent them, except that the access token, should a server echo it, reads <c>(redacted)</c>. Copied from
    /// the answer only when first read.
    /// </summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>
    /// Requests the call put on the wire: 1, plus one for every retry, token-refresh resend and redirect hop (the
    /// <c>quantdesk.attempts</c> span tag). 1 on an HttpClient without the client's pipeline.
    /// </summary>
    public int Attempts { get; }

    /// <summary>From the moment the request was handed to the pipeline to the answer's last byte, retry pauses included; reading the result is not.</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StatusCode} in {Elapsed.TotalMilliseconds:0.#} ms after {Attempts} attempt(s), request id {RequestId ?? "(none)"}");
}
