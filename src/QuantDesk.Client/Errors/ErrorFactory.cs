using QuantDesk.Client.Authentication;
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Errors;

/// <summary>
/// The one place an answer becomes the typed exception callers branch on (404 → <see cref="QuantDeskNotFoundException"/>,
/// 401 → <see cref="QuantDeskAuthenticationException"/>, 403 → <see cref="QuantDeskForbiddenException"/>, 429 → <see cref="QuantDeskRateLimitException"/>, any
/// other → <see cref="QuantDeskApiException"/>), with the <c>Error</c> fields, the request id and the <c>Retry-After</c>.
/// Every value the server chose is escaped before it goes into the message.
/// </summary>
internal static class ErrorFactory
{
    /// <summary>How much of an error body is read at most; the rest is left unread.</summary>
    internal const int MaxBodyBytes = 64 * 1024;

    /// <summary>How much of the body an exception keeps for diagnostics.</summary>
    internal const int MaxBodyCopyChars = 4096;

    internal const string RequestIdHeader = "X-Request-ID";

    /// <summary>An answer's <c>X-Request-ID</c> as the client hands it on: without the token the request carried, escaped and capped.</summary>
    public static string? PrintableRequestId(HttpResponseMessage response) =>
        ServerText.Printable(SentToken.Scrub(FirstValue(response.Headers, RequestIdHeader), SentToken.Of(response.RequestMessage)));

    /// <summary>The exception for an error answer whose body is already in memory (the pipeline buffers it).</summary>
    public static QuantDeskApiException FromResponse(HttpResponseMessage response, ReadOnlyMemory<byte> body, TimeProvider clock) =>
        FromResponse(response, body.IsEmpty ? null : Encoding.UTF8.GetString(body.Span), ErrorBodyParser.Parse(body), clock);

    /// <summary>Reads an error answer's body (capped) and creates its exception: for a client without the pipeline.</summary>
    public static async Task<QuantDeskApiException> FromResponseAsync(HttpResponseMessage response, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Pooled: an error is a normal answer for an API, not a reason to allocate the largest body allowed.
            var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
            try
            {
                var length = await stream.ReadAtLeastAsync(buffer.AsMemory(0, MaxBodyBytes), MaxBodyBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return FromResponse(response, buffer.AsMemory(0, length), clock);
            }
            // Stryker disable once Block,Statement : memory only
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// The details NSwag's generated code has at hand when a success status brought a body it could not use
    /// (status, body text, header dictionary, its own description).
    /// </summary>
    public static ApiErrorDetails FromGeneratedCode(int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>>? headers, string description, string? sentToken = null)
    {
        headers ??= System.Collections.Immutable.ImmutableDictionary<string, IEnumerable<string>>.Empty;
        body = SentToken.Scrub(body, sentToken);
        // NSwag's own text ("Could not deserialize ...") names no status: say what came back, keep its detail.
        var described = string.Create(CultureInfo.InvariantCulture, $"QuantDesk API answered {statusCode} with a body the client could not use ({description.TrimEnd('.')})");
        return Details(
            statusCode,
            body,
            ErrorBodyParser.Parse(body),
            SentToken.Scrub(FirstValue(headers, RequestIdHeader), sentToken),
            RetryAfterHeader.Read(FirstValue(headers, "Retry-After"), FirstValue(headers, "Date")),
            FirstValue(headers, "Content-Type"),
            described);
    }

    /// <summary>
    /// An answer the client refuses to use for a reason of its own (a redirect it does not follow, a body over the
    /// size cap): the status, the request id and what happened. Never retried.
    /// </summary>
    public static QuantDeskApiException Refusal(HttpResponseMessage response, HttpRequestMessage request, string what) =>
        new(
            new ApiErrorDetails
            {
                StatusCode = (int)response.StatusCode,
                RequestId = ServerText.Printable(SentToken.Scrub(FirstValue(response.Headers, RequestIdHeader), SentToken.Of(request))),
                Message = string.Create(CultureInfo.InvariantCulture, $"QuantDesk API call {request.Method} {LoggedUri.PathOf(request.RequestUri)} answered {(int)response.StatusCode} {what}."),
            },
            innerException: null);

    /// <summary>A successful answer carrying a value the client cannot use, such as a run id that cannot be polled.</summary>
    public static QuantDeskApiException UnusableValue(int statusCode, string? value, string message) =>
        new(
            new ApiErrorDetails
            {
                StatusCode = statusCode,
                Message = $"{message} Value: '{ServerText.Printable(value, 128)}'.",
            },
            innerException: null);

    /// <summary>The exception a JSON error body with this status would give, for test doubles.</summary>
    public static QuantDeskApiException Create(int statusCode, string body, TimeSpan? retryAfter, string description) =>
        Create(Details(statusCode, body, ErrorBodyParser.Parse(body), requestIdHeader: null, retryAfter, mediaType: null, description));

    /// <summary>Picks the exception type callers branch on for the status code.</summary>
    public static QuantDeskApiException Create(ApiErrorDetails details) => details.StatusCode switch
    {
        (int)HttpStatusCode.NotFound => new QuantDeskNotFoundException(details),
        (int)HttpStatusCode.Unauthorized => new QuantDeskAuthenticationException(details),
        (int)HttpStatusCode.Forbidden => new QuantDeskForbiddenException(details),
        (int)HttpStatusCode.TooManyRequests => new QuantDeskRateLimitException(details),
        _ => new QuantDeskApiException(details, innerException: null),
    };

    private static QuantDeskApiException FromResponse(HttpResponseMessage response, string? body, ErrorBody error, TimeProvider clock)
    {
        // The token the request carried comes out of everything the server wrote before any of it is cut short, so
        // no part of it can survive at the end of a shortened value.
        var request = response.RequestMessage;
        var token = SentToken.Of(request);
        body = SentToken.Scrub(body, token);
        error = error with
        {
            Code = SentToken.Scrub(error.Code, token),
            Error = SentToken.Scrub(error.Error, token),
            Message = SentToken.Scrub(error.Message, token),
            RequestId = SentToken.Scrub(error.RequestId, token),
        };
        var reason = ServerText.Printable(SentToken.Scrub(response.ReasonPhrase, token), 128) ?? response.StatusCode.ToString();
        var description = string.Create(CultureInfo.InvariantCulture, $"QuantDesk API call {request?.Method} {LoggedUri.PathOf(request?.RequestUri)} failed with {(int)response.StatusCode} ({reason})");
        if (response.StatusCode == HttpStatusCode.Unauthorized && request is not null && SentSecuredCallWithoutToken(request))
        {
            description += "; this operation needs an access token: set AccessToken or AccessTokenProvider (one that returns a token)";
        }
        return Create(Details(
            (int)response.StatusCode,
            body,
            error,
            SentToken.Scrub(FirstValue(response.Headers, RequestIdHeader), token),
            RetryAfterHeader.Read(response, clock),
            response.Content.Headers.ContentType?.MediaType,
            description));
    }


    // The call, not the hop a redirect made: a token is never carried to another origin, so only the call says.
    private static bool SentSecuredCallWithoutToken(HttpRequestMessage request) =>
        Http.OperationRequest.CallOf(request) is { Operation.RequiresAuthentication: true } call && !call.Headers.Contains("Authorization");

    private static ApiErrorDetails Details(int statusCode, string? body, ErrorBody error, string? requestIdHeader, TimeSpan? retryAfter, string? mediaType, string description)
    {
        var requestId = ServerText.Printable(error.RequestId ?? requestIdHeader);
        if (error.Success == false && statusCode is >= 200 and < 300)
        {
            description = string.Create(CultureInfo.InvariantCulture, $"QuantDesk API answered {statusCode} but its envelope reports success: false");
        }

        return new ApiErrorDetails
        {
            StatusCode = statusCode,
            ErrorCode = error.Code,
            Error = error.Error,
            ServerMessage = error.Message,
            RequestId = requestId,
            Timestamp = error.Timestamp,
            ResponseBody = body is null || body.Length <= MaxBodyCopyChars ? body : body[..MaxBodyCopyChars],
            RetryAfter = retryAfter,
            Message = Describe(description, error, requestId, body, mediaType),
        };
    }

    private static string Describe(string description, ErrorBody error, string? requestId, string? body, string? mediaType)
    {
        var message = new StringBuilder(description.TrimEnd('.'));
        var code = ServerText.Printable(error.Code ?? error.Error, 128);
        var serverMessage = ServerText.Printable(error.Message, 1024);
        if (code is not null || serverMessage is not null)
        {
            message.Append(": ").Append(code);
            if (code is not null && serverMessage is not null)
            {
                message.Append(" - ");
            }

            message.Append(serverMessage);
        }
        else if (!error.IsJsonObject && !string.IsNullOrWhiteSpace(body))
        {
            message.Append(CultureInfo.InvariantCulture, $". The body is not a QuantDesk error ({ServerText.Printable(mediaType, 128) ?? "no content type"}, {body.Length} characters)");
        }
        else if (string.IsNullOrWhiteSpace(body))
        {
            message.Append(". The response body is empty");
        }

        if (requestId is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $" (request id {requestId})");
        }

        // One full stop, also after a server message that ends with its own.
        return (message[^1] == '.' ? message : message.Append('.')).ToString();
    }

    /// <summary>The first value of a header as sent, without parsing; null when absent.</summary>
    public static string? FirstValue(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.First() : null;

    private static string? FirstValue(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name)
    {
        foreach (var (key, values) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }
}
