namespace QuantDesk.Client.Resilience;

/// <summary>
/// What the pipeline's strategies know of the one call they run, kept in Polly's <see cref="Polly.ResilienceContext"/>
/// under <see cref="CallResilienceKeys.Call"/>: one entry, read once by each strategy that needs it.
/// </summary>
internal sealed class CallState(HttpRequestMessage request, TimeProvider clock, TimeSpan totalTimeout)
{
    private readonly long _started = clock.GetTimestamp();

    /// <summary>The request, for the retry rules (only idempotent methods) and for telemetry.</summary>
    public HttpRequestMessage Request { get; } = request;

    /// <summary>The task of the latest attempt, handed on as the call's own when it completed at once.</summary>
    public Task<HttpResponseMessage>? LastAttempt { get; set; }

    /// <summary>The pause before the retry the retry rules just allowed.</summary>
    public TimeSpan? RetryDelay { get; set; }

    /// <summary>Whether <see cref="RetryDelay"/> is the server's <c>Retry-After</c>.</summary>
    public bool RetryDelayIsServerRequested { get; set; }

    /// <summary>The client-side rate budget the call draws on, if one is configured.</summary>
    public RateBudget? Budget { get; init; }

    /// <summary>The longest pause a 429 may put on <see cref="Budget"/>: the retries' MaxRetryAfter.</summary>
    public TimeSpan MaxBudgetPause { get; init; }

    /// <summary>Why the rate budget sent the call back unsent, if it did.</summary>
    public RateBudgetRefusal BudgetRefusal { get; set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>What is left of <see cref="QuantDeskClientOptions.TotalTimeout"/>, by the options' clock.</summary>
    public TimeSpan Left => totalTimeout - clock.GetElapsedTime(_started);
}
