using Microsoft.Extensions.Logging;

namespace QuantDesk.Client.Logging;

/// <summary>The client's own log events. Event ids are stable; no event carries a credential.</summary>
internal static partial class ClientLog
{
    /// <summary>The category the client logs under.</summary>
    public const string Category = "QuantDesk.Client";

    [LoggerMessage(EventId = 1001, EventName = "AccessTokenRejected", Level = LogLevel.Information,
        Message = "QuantDesk API rejected the access token for {Method} {RequestUri} (401); refreshing it once")]
    public static partial void AccessTokenRejected(ILogger logger, HttpMethod method, string? requestUri);

    [LoggerMessage(EventId = 1002, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "QuantDesk API call {Method} {RequestUri} failed ({Outcome}); retry {RetryNumber} in {DelayMilliseconds} ms")]
    public static partial void RetryScheduled(ILogger logger, HttpMethod? method, string? requestUri, string outcome, int retryNumber, double delayMilliseconds);

    [LoggerMessage(EventId = 1003, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "QuantDesk API call {Operation} {Method} {RequestUri} failed after {Attempts} attempt(s): {ErrorType} (status {StatusCode}, request id {RequestId})")]
    public static partial void CallFailed(ILogger logger, string operation, HttpMethod method, string? requestUri, int attempts, string? errorType, int? statusCode, string? requestId);
}
