namespace QuantDesk.Client.Diagnostics;

/// <summary>
/// Tag names of spans and metrics: OpenTelemetry semantic-convention names where one exists, <c>quantdesk.*</c>
/// for what is the client's own. None of them ever carries a credential.
/// </summary>
internal static class TelemetryTags
{
    public const string Operation = "quantdesk.operation";
    public const string RunId = "quantdesk.run_id";
    public const string RequestId = "quantdesk.request_id";
    public const string Attempts = "quantdesk.attempts";
    public const string ResendCount = "http.request.resend_count";
    public const string Method = "http.request.method";
    public const string StatusCode = "http.response.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlFull = "url.full";
    public const string UrlTemplate = "url.template";
    public const string ErrorType = "error.type";
}
