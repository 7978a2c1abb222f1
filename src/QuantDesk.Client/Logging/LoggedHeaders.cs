namespace QuantDesk.Client.Logging;

/// <summary>
/// The headers whose values may be written to logs. Redaction works by allow-list: every other header,
/// Authorization first of all, is logged as "*".
/// </summary>
internal static class LoggedHeaders
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Content-Length", "User-Agent", "Date", "Retry-After",
        "X-Request-ID", "Request-Id", "traceparent", "Server", "Location",
    };

    public static bool ShouldRedact(string headerName) => !Allowed.Contains(headerName);
}
