using Microsoft.Extensions.Logging;

namespace QuantDesk.Client.Logging;

/// <summary>The client's own log events. Event ids are stable; no event carries a credential.</summary>
internal static partial class ClientLog
{
    /// <summary>The category the client logs under.</summary>
    public const string Category = "QuantDesk.Client";

    private const string CallFailedName = "CallFailed";
    private const string CallFailedStart = "QuantDesk API call {Operation} {Method} {RequestUri} failed after {Attempts} attempt(s): {ErrorType}";

    [LoggerMessage(EventId = 1001, EventName = "AccessTokenRejected", Level = LogLevel.Information,
        Message = "QuantDesk API rejected the access token for {Method} {RequestUri} (401); refreshing it once")]
    public static partial void AccessTokenRejected(ILogger logger, HttpMethod method, string? requestUri);

    /// <summary>
    /// A transient failure with a retry still to come, which may yet succeed: Information, not Warning. The delay is
    /// logged in whole milliseconds.
    /// </summary>
    public static void RetryScheduled(ILogger logger, HttpMethod? method, string? requestUri, string outcome, int retryNumber, double delayMilliseconds) =>
        RetryScheduledEvent(logger, method, requestUri, outcome, retryNumber, (long)Math.Round(delayMilliseconds, MidpointRounding.AwayFromZero));

    /// <summary>
    /// An operation that ended in an error. The message names the status and the request id only when there are
    /// some: an answer without a request id, or no answer at all (a connection failure, a timeout), reads as such
    /// instead of showing empty values. All three forms are the one event 1003 and carry the same values.
    /// </summary>
    public static void CallFailed(ILogger logger, string operation, HttpMethod method, string? requestUri, int attempts, string? errorType, int? statusCode, string? requestId)
    {
        if (statusCode is not { } status)
        {
            CallFailedWithoutAnswer(logger, operation, method, requestUri, attempts, errorType);
        }
        else if (requestId is null)
        {
            CallFailedWithoutRequestId(logger, operation, method, requestUri, attempts, errorType, status);
        }
        else
        {
            CallFailedWithRequestId(logger, operation, method, requestUri, attempts, errorType, status, requestId);
        }
    }

    [LoggerMessage(EventId = 1002, EventName = "RetryScheduled", Level = LogLevel.Information,
        Message = "QuantDesk API call {Method} {RequestUri} failed ({Outcome}); retry {RetryNumber} in {DelayMilliseconds} ms")]
    private static partial void RetryScheduledEvent(ILogger logger, HttpMethod? method, string? requestUri, string outcome, int retryNumber, long delayMilliseconds);

    // SYSLIB1006 and SYSLIB1025 warn about a reused event id and name; the three forms of one event share them on purpose.
#pragma warning disable SYSLIB1006, SYSLIB1025
    [LoggerMessage(EventId = 1003, EventName = CallFailedName, Level = LogLevel.Warning,
        Message = CallFailedStart + " (status {StatusCode}, request id {RequestId})")]
    private static partial void CallFailedWithRequestId(ILogger logger, string operation, HttpMethod method, string? requestUri, int attempts, string? errorType, int statusCode, string requestId);

    [LoggerMessage(EventId = 1003, EventName = CallFailedName, Level = LogLevel.Warning,
        Message = CallFailedStart + " (status {StatusCode}, no request id)")]
    private static partial void CallFailedWithoutRequestId(ILogger logger, string operation, HttpMethod method, string? requestUri, int attempts, string? errorType, int statusCode);

    [LoggerMessage(EventId = 1003, EventName = CallFailedName, Level = LogLevel.Warning,
        Message = CallFailedStart + " (no response)")]
    private static partial void CallFailedWithoutAnswer(ILogger logger, string operation, HttpMethod method, string? requestUri, int attempts, string? errorType);
#pragma warning restore SYSLIB1006, SYSLIB1025
}
