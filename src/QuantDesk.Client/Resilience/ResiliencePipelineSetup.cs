using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using QuantDesk.Client.Diagnostics;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// The client's resilience pipeline, outermost first: a total timeout, retries with exponential backoff and
/// jitter that honour <c>Retry-After</c> up to a cap, and a per-attempt timeout. Built the same way for the
/// DI client and the standalone client.
/// </summary>
internal static class ResiliencePipelineSetup
{
    /// <summary>The name under which the pipeline is registered and reported in telemetry.</summary>
    public const string PipelineName = "QuantDesk";

    private static readonly HashSet<HttpStatusCode> TransientStatuses =
    [
        HttpStatusCode.RequestTimeout,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, QuantDeskClientOptions options, ILogger logger)
    {
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });

        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            var clock = options.TimeProvider;
            var retryOptions = new HttpRetryStrategyOptions
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, retry.MaxRetryAfter, clock)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, clock)),
                OnRetry = args =>
                {
                    ReportRetry(logger, args);
                    return default;
                },
            };

            // Only idempotent requests are retried: a POST that may have reached the server is never sent twice.
            retryOptions.DisableForUnsafeHttpMethods();
            pipeline.AddRetry(retryOptions);
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider clock)
    {
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }

        if (outcome.Result is not { } response || !TransientStatuses.Contains(response.StatusCode))
        {
            return false;
        }

        // A server asking for a longer pause than we wait for, or than the call has left, gets its answer passed
        // to the caller (with the Retry-After) rather than a timeout after a wasted wait.
        if (RetryAfter(outcome, clock) is not { } retryAfter)
        {
            return true;
        }

        var deadline = context.GetRequestMessage()?.Options.TryGetValue(CallBoundaryHandler.Deadline, out var value) == true ? value : DateTimeOffset.MaxValue;
        return retryAfter <= maxRetryAfter && clock.GetUtcNow() + retryAfter < deadline;
    }

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider clock) =>
        outcome.Result is { } response
            ? ApiErrorReader.RetryAfter(response.Headers.RetryAfter, response.Headers.Date, clock)
            : null;

    private static void ReportRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var outcome = args.Outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : args.Outcome.Exception?.GetType().Name ?? "unknown";
        ClientLog.RetryScheduled(logger, request?.Method, request?.RequestUri, outcome, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
        RetryTelemetry.Record(request, args.Outcome, args.AttemptNumber + 1, args.RetryDelay);
    }
}
