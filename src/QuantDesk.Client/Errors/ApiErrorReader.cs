using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client.Errors;

/// <summary>
/// Reads a failed answer into <see cref="ApiErrorDetails"/> and the matching typed exception. Lenient by design:
/// an empty, HTML, truncated or partial body still yields the status code and whatever fields it does carry.
/// </summary>
internal static class ApiErrorReader
{
    /// <summary>How much of an error body is read at most; the rest is left unread.</summary>
    internal const int MaxBodyBytes = 64 * 1024;

    /// <summary>How much of the body an exception keeps for diagnostics.</summary>
    internal const int MaxBodyCopyChars = 4096;

    internal const string RequestIdHeader = "X-Request-ID";

    /// <summary>Reads an error response (capped) and creates the exception callers branch on.</summary>
    public static async Task<QuantDeskApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return CreateException(response, body, error);
    }

    /// <summary>Creates the exception for an error response whose body has been read already.</summary>
    public static QuantDeskApiException CreateException(HttpResponseMessage response, string? body) =>
        CreateException(response, body, ParseErrorBody(body));

    private static QuantDeskApiException CreateException(HttpResponseMessage response, string? body, ErrorBody error)
    {
        var request = response.RequestMessage;
        var description = $"QuantDesk API call {request?.Method} {request?.RequestUri?.AbsolutePath} failed with {(int)response.StatusCode} ({response.ReasonPhrase ?? response.StatusCode.ToString()})";
        var details = Read(
            (int)response.StatusCode,
            body,
            error,
            FirstValue(response.Headers, RequestIdHeader),
            RetryAfter(response.Headers.RetryAfter, response.Headers.Date),
            response.Content.Headers.ContentType?.MediaType,
            description);
        return Create(details);
    }

    /// <summary>Reads the details NSwag's generated code has at hand (status, body text, header dictionary).</summary>
    public static ApiErrorDetails Read(int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, string description)
    {
        var retryAfter = RetryConditionHeaderValue.TryParse(FirstValue(headers, "Retry-After"), out var header)
            ? RetryAfter(header, date: null)
            : null;
        // NSwag's own text ("Could not deserialize ...") names no status: say what came back, keep its detail.
        var described = string.Create(CultureInfo.InvariantCulture, $"QuantDesk API answered {statusCode} with a body the client could not use ({description.TrimEnd('.')})");
        return Read(statusCode, body, ParseErrorBody(body), FirstValue(headers, RequestIdHeader), retryAfter, FirstValue(headers, "Content-Type"), described);
    }

    /// <summary>The exception a JSON error body with this status would give, for test doubles.</summary>
    public static QuantDeskApiException Create(int statusCode, string body, TimeSpan? retryAfter, string description) =>
        Create(Read(statusCode, body, ParseErrorBody(body), requestIdHeader: null, retryAfter, "application/json", description));

    /// <summary>Picks the exception type callers branch on for the status code.</summary>
    public static QuantDeskApiException Create(ApiErrorDetails details) => details.StatusCode switch
    {
        (int)HttpStatusCode.NotFound => new QuantDeskNotFoundException(details),
        (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden => new QuantDeskAuthenticationException(details),
        (int)HttpStatusCode.TooManyRequests => new QuantDeskRateLimitException(details),
        _ => new QuantDeskApiException(details, innerException: null),
    };

    /// <summary>The pause a <c>Retry-After</c> asks for, whether given in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset? date, TimeProvider? clock = null)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } until)
        {
            var now = date ?? (clock ?? TimeProvider.System).GetUtcNow();
            var wait = until - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static ApiErrorDetails Read(int statusCode, string? body, ErrorBody error, string? requestIdHeader, TimeSpan? retryAfter, string? mediaType, string description)
    {
        var requestId = error.RequestId ?? requestIdHeader;
        if (error.Success == false && statusCode is >= 200 and < 300)
        {
            description = $"QuantDesk API answered {statusCode} but its envelope reports success: false";
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
        var code = error.Code ?? error.Error;
        if (code is not null || error.Message is not null)
        {
            message.Append(": ").Append(code);
            if (code is not null && error.Message is not null)
            {
                message.Append(" - ");
            }

            message.Append(error.Message);
        }
        else if (!error.IsJsonObject && !string.IsNullOrWhiteSpace(body))
        {
            message.Append(CultureInfo.InvariantCulture, $". The body is not a QuantDesk error ({mediaType ?? "no content type"}, {body.Length} characters)");
        }
        else if (string.IsNullOrWhiteSpace(body))
        {
            message.Append(". The response body is empty");
        }

        if (requestId is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $" (request id {requestId})");
        }

        return message.Append('.').ToString();
    }

    private static ErrorBody ParseErrorBody(string? body) =>
        string.IsNullOrWhiteSpace(body) ? default : ParseErrorBody(Encoding.UTF8.GetBytes(body));

    private static ErrorBody ParseErrorBody(ReadOnlyMemory<byte> body)
    {
        try
        {
            // The documented shape, read with the generated metadata: the common case, and the cheapest.
            if (JsonSerializer.Deserialize(body.Span, QuantDeskJsonContext.Default.ApiError) is { } typed)
            {
                return new ErrorBody(true, typed.Success, typed.Code, typed.Error, typed.Message, typed.RequestId, typed.Timestamp);
            }
        }
        catch (JsonException)
        {
            // Not the documented shape (a field of another type, a timestamp in another format, not JSON at
            // all): take whatever fields can be read, one by one.
        }

        return ParseLeniently(body);
    }

    private static ErrorBody ParseLeniently(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            return new ErrorBody(
                IsJsonObject: true,
                Success: root.TryGetProperty("success", out var success) && success.ValueKind is JsonValueKind.True or JsonValueKind.False ? success.GetBoolean() : null,
                Code: StringProperty(root, "code"),
                Error: StringProperty(root, "error"),
                Message: StringProperty(root, "message"),
                RequestId: StringProperty(root, "request_id"),
                Timestamp: DateTimeOffset.TryParse(StringProperty(root, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var timestamp) ? timestamp : null);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<(string? Body, ErrorBody Error)> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Pooled: an error is a normal answer for an API, not a reason to allocate the largest body allowed.
            var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
            try
            {
                var length = 0;
                int read;
                while (length < MaxBodyBytes && (read = await stream.ReadAsync(buffer.AsMemory(length, MaxBodyBytes - length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                if (length == 0)
                {
                    return (null, default);
                }

                var body = buffer.AsMemory(0, length);
                return (Encoding.UTF8.GetString(body.Span), ParseErrorBody(body));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static string? FirstValue(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

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

    private readonly record struct ErrorBody(bool IsJsonObject, bool? Success, string? Code, string? Error, string? Message, string? RequestId, DateTimeOffset? Timestamp);
}
