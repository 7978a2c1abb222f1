using System.Globalization;
using Polly.RateLimiting;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Resilience;

/// <summary>The exception for a call the client-side rate budget refused: it says why, and that nothing was sent.</summary>
internal static class RateBudgetRejection
{
    public static QuantDeskRateLimitException Of(CallState call, QuantDeskClientOptions options, RateLimiterRejectedException rejected)
    {
        var budget = options.RateBudget;
        var request = call.Request;
        var why = call.BudgetRefusal switch
        {
            RateBudgetRefusal.Paused => "the budget is paused: the API answered 429 with a Retry-After",
            RateBudgetRefusal.QueueFull => string.Create(CultureInfo.InvariantCulture, $"{budget.QueueLimit} calls are already waiting for a permit (RateBudget:QueueLimit)"),
            RateBudgetRefusal.OutOfTime => string.Create(CultureInfo.InvariantCulture, $"no permit came within the call's TotalTimeout ({options.TotalTimeout.TotalSeconds:0.###} s)"),
            _ => "its permits for this window are spent and RateBudget:WhenExhausted is Fail",
        };
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"QuantDesk API call {request.Method} {LoggedUri.PathOf(request.RequestUri)} was not sent: the client-side rate budget ({budget.PermitLimit} per {budget.Window.TotalSeconds:0.###} s{(budget.SharedKey is null ? string.Empty : ", shared")}) refused it, because {why}.");
        return new QuantDeskRateLimitException(
            new ApiErrorDetails { StatusCode = 429, Message = message, RetryAfter = rejected.RetryAfter },
            isClientSide: true);
    }
}
