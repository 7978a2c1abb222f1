using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;
using QuantDesk.Client.Diagnostics;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// The Polly pipeline of one configured client, built once and rebuilt only when its options are reloaded: retries
/// (<see cref="RetryRules"/>) around one timeout per attempt. That one timer serves both limits: each attempt may
/// take <see cref="QuantDeskClientOptions.AttemptTimeout"/> or what is left of
/// <see cref="QuantDeskClientOptions.TotalTimeout"/>, whichever is shorter, and no retry pause runs past the deadline.
/// </summary>
internal sealed class ResiliencePipelineCache
{
    /// <summary>The name under which the pipeline reports itself.</summary>
    public const string PipelineName = "QuantDesk";

    private static readonly TimeSpan ShortestAttempt = TimeSpan.FromMilliseconds(1);

    private readonly Func<QuantDeskClientOptions> _options;
    private readonly ILogger _logger;
    private readonly Func<QuantDeskClientOptions, RateBudget?> _budgetFor;
    private volatile CurrentPipeline? _built;

    public ResiliencePipelineCache(Func<QuantDeskClientOptions> options, ILogger logger, Func<QuantDeskClientOptions, RateBudget?> budgetFor)
    {
        _options = options;
        _logger = logger;
        _budgetFor = budgetFor;
    }

    /// <summary>The pipeline for the current options, with those options and the rate budget it draws on.</summary>
    public CurrentPipeline Current()
    {
        var options = _options();
        var built = _built;
        if (built is null || !ReferenceEquals(built.Options, options))
        {
            var budget = _budgetFor(options);
            built = new CurrentPipeline(options, Build(options, _logger, budget), budget);
            _built = built;
        }

        return built;
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(QuantDeskClientOptions options, ILogger logger, RateBudget? budget)
    {
        var clock = options.TimeProvider;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName, TimeProvider = clock };
        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                ShouldHandle = args => new ValueTask<bool>(RetryRules.ShouldRetry(args, retry, clock)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryRules.PlannedDelay(args.Context)),
                OnRetry = args =>
                {
                    ReportRetry(logger, args);
                    retry.OnRetry?.Invoke(RetryEventOf(args, retry.MaxRetryAttempts));
                    return default;
                },
            });
        }

        // Inside the retries, so each attempt (a request on the wire) spends a permit; outside the attempt's timeout,
        // so waiting for one is not mistaken for a slow server.
        if (budget is not null)
        {
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => budget.AcquireAsync(args.Context),
            });
        }

        var attemptTimeout = options.AttemptTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => new ValueTask<TimeSpan>(AttemptBudget(args.Context, attemptTimeout)),
        });
        return builder.Build();
    }

    /// <summary>How long one attempt may take: AttemptTimeout, or what is left of the call if that is less (at least 1 ms).</summary>
    internal static TimeSpan AttemptBudget(ResilienceContext context, TimeSpan attemptTimeout)
    {
        if (CallResilienceKeys.CallOf(context) is not { } call)
        {
            return attemptTimeout;
        }

        // The first attempt fits as well unless it waited for the rate budget: validation keeps AttemptTimeout
        // within TotalTimeout, but not the wait before it.
        // Stryker disable once Update : the count is only compared with zero, on the first attempt
        if (call.Attempts++ == 0 && call.Budget is null)
        {
            return attemptTimeout;
        }

        return TimeSpan.FromTicks(Math.Clamp(call.Left.Ticks, ShortestAttempt.Ticks, attemptTimeout.Ticks));
    }

    private static void ReportRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var request = CallResilienceKeys.CallOf(args.Context)?.Request;
        var outcome = FailureOf(args.Outcome);
        ClientLog.RetryScheduled(logger, request?.Method, LoggedUri.Of(request?.RequestUri), outcome, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
        RetryTelemetry.Record(request, args.Outcome, args.AttemptNumber + 1, args.RetryDelay);
    }

    private static QuantDeskRetryEvent RetryEventOf(OnRetryArguments<HttpResponseMessage> args, int maxRetryAttempts)
    {
        var call = CallResilienceKeys.CallOf(args.Context);
        return new QuantDeskRetryEvent
        {
            OperationId = Http.OperationRequest.OperationOf(call?.Request)?.Name,
            RetryNumber = args.AttemptNumber + 1,
            MaxRetryAttempts = maxRetryAttempts,
            Delay = args.RetryDelay,
            IsServerRequested = call?.RetryDelayIsServerRequested == true,
            StatusCode = args.Outcome.Result is { } response ? (int)response.StatusCode : null,
            Failure = FailureOf(args.Outcome),
        };
    }

    /// <summary>What failed an attempt, as retry logs and <see cref="QuantDeskRetryEvent.Failure"/> name it.</summary>
    internal static string FailureOf(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception is TimeoutRejectedException ? "attempt timeout" : outcome.Exception?.GetType().Name ?? "unknown";

}
