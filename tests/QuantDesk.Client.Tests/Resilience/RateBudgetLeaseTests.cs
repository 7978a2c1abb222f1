using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly;
using QuantDesk.Client.Diagnostics;
using QuantDesk.Client.Resilience;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>
/// One rate budget asked for leases directly, on a fake clock: how a 429 pauses it, what a refusal says and when it
/// ends, the one queue that calls waiting for a permit and calls waiting out a pause share, and disposal.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RateBudgetLeaseTests
{
    private const string Host = "rate-budget-lease.test";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [TestCase(2, 2)]
    [TestCase(10, 3)]
    public async Task A_429_pauses_the_budget_for_its_Retry_After_but_never_longer_than_the_cap(int retryAfterSeconds, int pausedSeconds)
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail);
        using var limited = Answer(HttpStatusCode.TooManyRequests, retryAfterSeconds);

        budget.Observe(limited, maxPause: TimeSpan.FromSeconds(3));
        var (lease, call) = await AcquireAsync(budget);

        Assert.Multiple(() =>
        {
            Assert.That(lease.IsAcquired, Is.False);
            Assert.That(call.BudgetRefusal, Is.EqualTo(RateBudgetRefusal.Paused));
            Assert.That(RetryAfterOf(lease), Is.EqualTo(TimeSpan.FromSeconds(pausedSeconds)));
        });
    }

    [Test]
    public async Task A_503_with_a_Retry_After_does_not_pause_the_budget()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail);
        using var unavailable = Answer(HttpStatusCode.ServiceUnavailable, 5);

        budget.Observe(unavailable, maxPause: TimeSpan.FromSeconds(30));
        var (lease, _) = await AcquireAsync(budget);

        Assert.That(lease.IsAcquired, Is.True);
    }

    [TestCase(10, 3)]
    [TestCase(3, 10)]
    public async Task Of_two_pauses_the_longer_one_holds(int firstSeconds, int secondSeconds)
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail);

        budget.Pause(TimeSpan.FromSeconds(firstSeconds));
        budget.Pause(TimeSpan.FromSeconds(secondSeconds));
        var (lease, _) = await AcquireAsync(budget);

        Assert.That(RetryAfterOf(lease), Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task A_pause_that_ends_now_holds_no_call_back()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail);
        budget.Pause(TimeSpan.FromSeconds(5));

        _clock.Advance(TimeSpan.FromSeconds(5));
        var (lease, _) = await AcquireAsync(budget);

        Assert.That(lease.IsAcquired, Is.True);
    }

    [Test]
    public async Task Permits_spent_when_a_pause_ends_are_refused_as_exhausted_until_the_window_turns()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail, permits: 1, window: TimeSpan.FromHours(1));
        await AcquireAsync(budget);
        budget.Pause(TimeSpan.FromSeconds(5));

        _clock.Advance(TimeSpan.FromSeconds(5));
        var (lease, call) = await AcquireAsync(budget);

        Assert.Multiple(() =>
        {
            Assert.That(call.BudgetRefusal, Is.EqualTo(RateBudgetRefusal.Exhausted));
            Assert.That(RetryAfterOf(lease), Is.EqualTo(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task The_time_to_the_next_window_is_counted_from_the_last_turn()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail, permits: 1, window: TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(3));
        var (first, _) = await AcquireAsync(budget);
        var (refused, call) = await AcquireAsync(budget);

        Assert.Multiple(() =>
        {
            Assert.That(first.IsAcquired, Is.True);
            Assert.That(call.BudgetRefusal, Is.EqualTo(RateBudgetRefusal.Exhausted));
            Assert.That(RetryAfterOf(refused), Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }

    [Test]
    public async Task A_window_timer_running_late_never_makes_the_time_to_the_next_window_negative()
    {
        var clock = new TimersNeverFire(_clock.GetUtcNow());
        using var budget = new RateBudget(new QuantDeskRateBudgetOptions { PermitLimit = 1, Window = TimeSpan.FromSeconds(10), WhenExhausted = QuantDeskRateBudgetBehavior.Fail }, clock);
        await AcquireAsync(budget, clock);

        clock.Advance(TimeSpan.FromSeconds(13));
        var (refused, _) = await AcquireAsync(budget, clock);

        Assert.That(RetryAfterOf(refused), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task Calls_queued_for_a_permit_and_calls_waiting_out_a_pause_share_one_queue_limit()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Wait, permits: 1, window: TimeSpan.FromHours(1), queue: 2);
        await AcquireAsync(budget);
        var queued = AcquireAsync(budget);
        budget.Pause(TimeSpan.FromSeconds(5));
        var waitingOutThePause = AcquireAsync(budget);

        var (refused, call) = await AcquireAsync(budget);

        Assert.Multiple(() =>
        {
            Assert.That(queued.IsCompleted, Is.False);
            Assert.That(waitingOutThePause.IsCompleted, Is.False);
            Assert.That(refused.IsAcquired, Is.False);
            Assert.That(call.BudgetRefusal, Is.EqualTo(RateBudgetRefusal.QueueFull));
        });
    }

    [Test]
    public async Task Calls_that_leave_the_pause_queue_make_room_in_it_whether_they_were_refused_or_got_through()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Wait, queue: 1);
        budget.Pause(TimeSpan.FromSeconds(5));
        var first = AcquireAsync(budget);
        var (refused, _) = await AcquireAsync(budget);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var (through, _) = await first.WaitAsync(TimeSpan.FromSeconds(30));

        budget.Pause(TimeSpan.FromSeconds(5));
        var second = AcquireAsync(budget);
        var pendingDuringThePause = !second.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(5));
        var (later, _) = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(refused.IsAcquired, Is.False, "the queue of one was taken");
            Assert.That(through.IsAcquired, Is.True);
            Assert.That(pendingDuringThePause, Is.True, "the queue is free again: the call waits instead of being refused");
            Assert.That(later.IsAcquired, Is.True);
        });
    }

    [Test]
    public async Task A_call_with_no_time_left_is_refused_at_once_as_out_of_time()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Wait);
        var call = Call(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));
        budget.Pause(TimeSpan.FromSeconds(5));

        var lease = await AcquireAsync(budget, call, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(lease.IsAcquired, Is.False);
            Assert.That(call.BudgetRefusal, Is.EqualTo(RateBudgetRefusal.OutOfTime));
        });
    }

    [Test]
    public void A_callers_cancellation_wins_over_running_out_of_time()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Wait);
        using var cancel = new CancellationTokenSource();
        var call = Call(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));
        budget.Pause(TimeSpan.FromSeconds(5));
        cancel.Cancel();

        var canceled = Assert.CatchAsync<OperationCanceledException>(async () => await AcquireAsync(budget, call, cancel.Token));

        Assert.That(canceled!.CancellationToken.IsCancellationRequested, Is.True);
    }

    [Test]
    public async Task A_refusal_is_measured_as_rejected()
    {
        using var waits = new MetricCollector<double>(null, QuantDeskTelemetry.MeterName, ClientInstrumentation.RateBudgetWaitName);
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail, permits: 1, window: TimeSpan.FromSeconds(10));
        await AcquireAsync(budget);
        _clock.Advance(TimeSpan.FromSeconds(4));

        await AcquireAsync(budget);

        var measured = waits.GetMeasurementSnapshot().Where(measurement => Equals(measurement.Tags["server.address"], Host)).ToList();
        Assert.That(measured.Select(measurement => measurement.Tags[RateBudgetTelemetry.OutcomeTag]), Is.EqualTo(new[] { "acquired", "rejected" }));
    }

    [Test]
    public async Task A_refused_lease_carries_its_retry_after_and_nothing_else()
    {
        using var budget = Budget(QuantDeskRateBudgetBehavior.Fail);
        budget.Pause(TimeSpan.FromSeconds(5));

        var (lease, _) = await AcquireAsync(budget);

        Assert.Multiple(() =>
        {
            Assert.That(lease.MetadataNames, Is.EqualTo(new[] { MetadataName.RetryAfter.Name }));
            Assert.That(lease.TryGetMetadata("REASON_PHRASE", out var other), Is.False);
            Assert.That(other, Is.Null);
        });
    }

    [Test]
    public async Task Disposing_the_budget_stops_its_window_timer_and_sends_back_the_calls_waiting_for_a_permit()
    {
        var clock = new CountingTimeProvider();
        var budget = new RateBudget(new QuantDeskRateBudgetOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1) }, clock);
        await AcquireAsync(budget, clock);
        var waiting = AcquireAsync(budget, clock);

        budget.Dispose();
        var (lease, _) = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(lease.IsAcquired, Is.False);
            Assert.That(clock.LiveTimers, Is.Zero, "the window timer is stopped, and the waiting call's deadline with it");
        });
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, int retryAfterSeconds)
    {
        var answer = new HttpResponseMessage(status);
        answer.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return answer;
    }

    private static TimeSpan? RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;

    private static async ValueTask<RateLimitLease> AcquireAsync(RateBudget budget, CallState call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallResilienceKeys.Call, call);
        try
        {
            return await budget.AcquireAsync(context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private RateBudget Budget(QuantDeskRateBudgetBehavior whenExhausted, int permits = 100, TimeSpan? window = null, int queue = 10) =>
        new(new QuantDeskRateBudgetOptions { PermitLimit = permits, Window = window ?? TimeSpan.FromSeconds(1), QueueLimit = queue, WhenExhausted = whenExhausted }, _clock);

    private CallState Call(TimeSpan totalTimeout, TimeProvider? clock = null) =>
        new(new HttpRequestMessage(HttpMethod.Get, $"https://{Host}/api/v2/markets"), clock ?? _clock, totalTimeout);

    private async Task<(RateLimitLease Lease, CallState Call)> AcquireAsync(RateBudget budget, TimeProvider? clock = null)
    {
        var call = Call(TimeSpan.FromMinutes(10), clock);
        return (await AcquireAsync(budget, call, CancellationToken.None), call);
    }

    // A fake clock whose timers never fire: a window timer that is late, as a busy thread pool can make it.
    private sealed class TimersNeverFire(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Stopped();

        private sealed class Stopped : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
