using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client.Errors;

/// <summary>
/// Reads the <c>Error</c> fields out of a body. Lenient by design: an empty, HTML, truncated or partial body still
/// yields whatever fields it does carry, and never throws.
/// </summary>
internal static class ErrorBodyParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    public static ErrorBody Parse(string? body) =>
        string.IsNullOrWhiteSpace(body) ? default : Parse(Encoding.UTF8.GetBytes(body));

    public static ErrorBody Parse(ReadOnlyMemory<byte> body)
    {
        // Stryker disable once Block : a fast path that spares two thrown exceptions; parsing nothing gives the same empty result
        if (body.IsEmpty)
        {
            return default;
        }

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
            using var document = JsonDocument.Parse(body, DocumentOptions);
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
        // Stryker disable once Block : the method returns the same empty result after the catch
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
