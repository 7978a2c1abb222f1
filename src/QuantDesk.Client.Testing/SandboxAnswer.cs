using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace QuantDesk.Client.Testing;

/// <summary>One HTTP answer of the sandbox: a status, a body and its headers.</summary>
internal sealed record SandboxAnswer(int StatusCode, string Body, string ContentType = "application/json", TimeSpan? RetryAfter = null)
{
    public static SandboxAnswer Json(int statusCode, JsonNode body) => new(statusCode, body.ToJsonString());

    public static SandboxAnswer Of<T>(int statusCode, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        Json(statusCode, System.Text.Json.JsonSerializer.SerializeToNode(value, typeInfo)!);

    public static SandboxAnswer Error(int statusCode, string code, string message, string requestId) =>
        Json(statusCode, QuantDeskSandbox.ErrorBody(code, message, requestId));

    /// <summary>The documented error body for a status, with a code that names it.</summary>
    public static SandboxAnswer ForStatus(int statusCode, string requestId) => statusCode switch
    {
        401 => Error(401, "UNAUTHORIZED", "Missing or expired auth.", requestId),
        403 => Error(403, "FORBIDDEN", "The token does not allow this operation.", requestId),
        404 => Error(404, "NOT_FOUND", "Not found.", requestId),
        429 => Error(429, "RATE_LIMITED", "Too many requests.", requestId),
        _ => Error(statusCode, "SANDBOX_FAULT", $"Sandbox fault {statusCode}.", requestId),
    };

    /// <summary>The answer as WireMock sends it, with the request id every answer of the API carries in <c>X-Request-ID</c>.</summary>
    public ResponseMessage ToResponseMessage(string requestId)
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(ContentType), ["X-Request-ID"] = new(requestId) };
        if (RetryAfter is { } wait)
        {
            headers["Retry-After"] = new(((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        return new ResponseMessage
        {
            StatusCode = StatusCode,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }
}
