using System.Threading.RateLimiting;
using Polly;
using QuantDesk.Client.Diagnostics;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// One client-side rate budget (<see cref="QuantDeskRateBudgetOptions"/>), possibly shared by several clients: a
/// <see cref="FixedWindowRateLimiter"/> whose windows are turned by the options' <see cref="TimeProvider"/> (the
/// limiter's own timer reads the wall clock, which fake time cannot move), and a pause that a 429's Retry-After sets
/// for every sharer. Polly's rate limiter strategy asks it for a lease before each attempt.
/// </summary>
internal sealed class RateBudget : IDisposable
{
    private readonly FixedWindowRateLimiter _limiter;
    private readonly ITimer _windows;
    private readonly TimeProvider _clock;
    private readonly Lock _pauseGate = new();
    private long _pausedUntilUtcTicks;
    private long _windowStarted;
    private int _pausedWaiters;

    public RateBudget(QuantDeskRateBudgetOptions options, TimeProvider clock)
    {
        Limits = (options.PermitLimit, options.Window, options.QueueLimit, options.WhenExhausted);
        _clock = clock;

        // The shortest window the limiter takes (one tick of its wall clock): every TryReplenish opens a new window,
        // and only the timer below, on the options' clock, calls it.
        _limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = TimeSpan.FromTicks(1),
            // Stryker disable once Conditional : in Fail mode nothing ever waits in the limiter's queue
            QueueLimit = options.WhenExhausted == QuantDeskRateBudgetBehavior.Wait ? options.QueueLimit : 0,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        });
        _windowStarted = clock.GetTimestamp();

        // The timer holds the budget weakly: a budget nobody uses any more (a standalone client gone, settings
        // reloaded) stops its timer at the next tick instead of being kept alive, and ticking, by it.
        var budget = new WeakReference<RateBudget>(this);
        ITimer? windows = null;
        windows = clock.CreateTimer(
            _ =>
            {
                if (budget.TryGetTarget(out var live))
                {
                    live.OpenWindow();
                }
                else
                {
                    windows?.Dispose();
                }
            },
            null,
            options.Window,
            options.Window);
        _windows = windows;
    }

    /// <summary>The limits the budget was made with, which every client sharing it must give too.</summary>
    public (int PermitLimit, TimeSpan Window, int QueueLimit, QuantDeskRateBudgetBehavior WhenExhausted) Limits { get; }

    /// <summary>
    /// After an attempt's answer: a 429 with a Retry-After pauses the budget for every sharer, for at most
    /// <paramref name="maxPause"/> (a server cannot stop the client for longer than its retries would wait).
    /// </summary>
    public void Observe(HttpResponseMessage response, TimeSpan maxPause)
    {
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests
            && Errors.RetryAfterHeader.Read(response, _clock) is { } retryAfter
            && retryAfter > TimeSpan.Zero)
        {
            Pause(TimeSpan.FromTicks(Math.Min(retryAfter.Ticks, maxPause.Ticks)));
        }
    }

    /// <summary>Stops every sharer's requests until <paramref name="retryAfter"/> from now (a pause already longer stays).</summary>
    public void Pause(TimeSpan retryAfter)
    {
        var until = _clock.GetUtcNow().UtcTicks + retryAfter.Ticks;

        // Only a 429 gets here: a lock is cheap at that rate, and plainer than a compare-and-swap loop.
        lock (_pauseGate)
        {
            Volatile.Write(ref _pausedUntilUtcTicks, Math.Max(until, _pausedUntilUtcTicks));
        }
    }

    /// <summary>A permit for one attempt, or a lease that is not acquired (the reason is left on the call).</summary>
    public ValueTask<RateLimitLease> AcquireAsync(ResilienceContext context)
    {
        var call = CallResilienceKeys.CallOf(context);
        var started = _clock.GetTimestamp();
        if (PauseLeft() <= TimeSpan.Zero)
        {
            var lease = _limiter.AttemptAcquire();
            if (lease.IsAcquired)
            {
                RateBudgetTelemetry.Waited(call, TimeSpan.Zero, acquired: true);
                return new ValueTask<RateLimitLease>(lease);
            }

            // Stryker disable once Statement : a refused lease holds nothing
            lease.Dispose();
        }

        return Limits.WhenExhausted == QuantDeskRateBudgetBehavior.Fail
            ? new ValueTask<RateLimitLease>(Rejected(call, started, PauseLeft() > TimeSpan.Zero ? RateBudgetRefusal.Paused : RateBudgetRefusal.Exhausted))
            : WaitAsync(call, started, context.CancellationToken);
    }

    public void Dispose()
    {
        _windows.Dispose();
        _limiter.Dispose();
    }

    private void OpenWindow()
    {
        Volatile.Write(ref _windowStarted, _clock.GetTimestamp());
        _limiter.TryReplenish();
    }

    private async ValueTask<RateLimitLease> WaitAsync(CallState? call, long started, CancellationToken cancellationToken)
    {
        // The wait is part of the call: it may not outlast what is left of its TotalTimeout.
        using var deadline = new CancellationTokenSource(TimeSpan.FromTicks(Math.Max(call?.Left.Ticks ?? 0, 0)), _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            // Stryker disable once Equality : at zero the pause loop does not run, and the queue check is the one the limiter makes anyway
            if (PauseLeft() > TimeSpan.Zero)
            {
                // Calls waiting out a pause count against the queue as much as those queued in the limiter.
                if (Interlocked.Increment(ref _pausedWaiters) + (_limiter.GetStatistics()?.CurrentQueuedCount ?? 0) > Limits.QueueLimit)
                {
                    Interlocked.Decrement(ref _pausedWaiters);
                    return Rejected(call, started, RateBudgetRefusal.QueueFull);
                }

                try
                {
                    for (var pause = PauseLeft(); pause > TimeSpan.Zero; pause = PauseLeft())
                    {
                        await Task.Delay(pause, _clock, linked.Token).ConfigureAwait(false);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _pausedWaiters);
                }
            }

            var lease = await _limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                // Stryker disable once Statement : a refused lease holds nothing
                lease.Dispose();
                return Rejected(call, started, RateBudgetRefusal.QueueFull);
            }

            RateBudgetTelemetry.Waited(call, _clock.GetElapsedTime(started), acquired: true);
            return lease;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Rejected(call, started, RateBudgetRefusal.OutOfTime);
        }
    }

    private RateLimitLease Rejected(CallState? call, long started, RateBudgetRefusal refusal)
    {
        RateBudgetTelemetry.Waited(call, _clock.GetElapsedTime(started), acquired: false);
        var retryAfter = PauseLeft() is var pause && pause > TimeSpan.Zero ? pause : WindowLeft();
        if (call is not null)
        {
            call.BudgetRefusal = refusal;
        }

        return new RejectedLease(retryAfter);
    }

    // What is left of the current window, when its permits come back.
    private TimeSpan WindowLeft()
    {
        var left = Limits.Window - _clock.GetElapsedTime(Volatile.Read(ref _windowStarted));
        return TimeSpan.FromTicks(Math.Max(left.Ticks, 0));
    }

    private TimeSpan PauseLeft() => TimeSpan.FromTicks(Volatile.Read(ref _pausedUntilUtcTicks) - _clock.GetUtcNow().UtcTicks);

    private sealed class RejectedLease(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
