using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// When an attempt is tried again, and after how long: an idempotent request that met a transient failure (408,
/// 429, 500, 502, 503, 504, a transport error or an attempt timeout), if the pause (the server's
/// <c>Retry-After</c>, else exponential backoff with jitter) is within <see cref="QuantDeskRetryOptions.MaxRetryAfter"/>
/// and ends before the call's deadline. A retry that could only end in a total timeout is not started: the caller
/// gets the last answer at once instead.
/// </summary>
internal static class RetryRules
{
    public static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args, QuantDeskRetryOptions retry, TimeProvider clock)
    {
        var context = args.Context;
        if (!IsTransient(args.Outcome)
            || context.CancellationToken.IsCancellationRequested
            || CallResilienceKeys.CallOf(context) is not { } call
            || !IsIdempotent(call.Request.Method))
        {
            return false;
        }

        var retryAfter = args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, clock) : null;
        if (retryAfter > retry.MaxRetryAfter)
        {
            return false;
        }

        var delay = retryAfter ?? Backoff(retry, args.AttemptNumber);
        if (delay >= call.Left)
        {
            return false;
        }

        call.RetryDelay = delay;
        call.RetryDelayIsServerRequested = retryAfter is not null;
        return true;
    }

    public static TimeSpan? PlannedDelay(ResilienceContext context) => CallResilienceKeys.CallOf(context)?.RetryDelay;

    /// <summary>
    /// Exponential backoff (<see cref="QuantDeskRetryOptions.BaseDelay"/> doubled per retry, at most
    /// <see cref="QuantDeskRetryOptions.MaxDelay"/>), with jitter between half and all of it.
    /// </summary>
    public static TimeSpan Backoff(QuantDeskRetryOptions retry, int attemptNumber)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var capped = Math.Min(exponential, retry.MaxDelay.TotalMilliseconds);
        var jittered = retry.UseJitter ? capped * (0.5 + (Random.Shared.NextDouble() * 0.5)) : capped;
        return TimeSpan.FromMilliseconds(jittered);
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
