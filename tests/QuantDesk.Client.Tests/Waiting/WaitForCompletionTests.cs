using Microsoft.Extensions.Time.Testing;
using QuantDesk.Client.Tests.Support;
using static QuantDesk.Client.Tests.Support.ScriptedBacktestClient;

namespace QuantDesk.Client.Tests.Waiting;

// A fresh clock for every test: a clock shared by a fixture's tests carries one test's time into the next.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class WaitForCompletionTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(500);

    private readonly SteppedClock _clock = new();

    private static BacktestWaitOptions Options(IProgress<BacktestRun>? progress = null) => new()
    {
        InitialPollInterval = TimeSpan.FromSeconds(1),
        MaxPollInterval = TimeSpan.FromSeconds(4),
        Timeout = TimeSpan.FromMinutes(5),
        NotFoundGracePeriod = TimeSpan.FromSeconds(3),
        Progress = progress,
    };

    [Test]
    public async Task Returns_the_completed_run_after_polling_through_queued_and_running_and_reports_each_poll()
    {
        var seen = new List<BacktestRunStatus>();
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Run(BacktestRunStatus.Running), Run(BacktestRunStatus.Completed));

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", Options(new SynchronousProgress(run => seen.Add(run.Status)))), Step, TimeSpan.FromMinutes(1));

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That(seen, Is.EqualTo(new[] { BacktestRunStatus.Queued, BacktestRunStatus.Running, BacktestRunStatus.Completed }));
        Assert.That(client.PollTimes, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Polls_at_once_then_doubles_the_interval_up_to_the_cap()
    {
        var client = new ScriptedBacktestClient(_clock, [.. Enumerable.Repeat(Run(BacktestRunStatus.Running), 6), Run(BacktestRunStatus.Completed)]);

        await client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1));

        var gaps = client.PollTimes.Zip(client.PollTimes.Skip(1), (earlier, later) => later - earlier).ToArray();
        var expected = new[] { 1, 2, 4, 4, 4, 4 }.Select(seconds => TimeSpan.FromSeconds(seconds)).ToArray();
        Assert.That(client.PollTimes[0], Is.EqualTo(TimeSpan.Zero));
        Assert.That(gaps, Has.Length.EqualTo(expected.Length));
        for (var i = 0; i < gaps.Length; i++)
        {
            Assert.That(gaps[i], Is.InRange(expected[i], expected[i] + Tolerance), $"wait before poll {i + 2}");
        }
    }

    [Test]
    public async Task A_rate_limited_poll_waits_as_long_as_its_Retry_After_then_polls_again()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Fails(429, TimeSpan.FromSeconds(7)), Run(BacktestRunStatus.Completed));

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1));

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That(client.PollTimes[2] - client.PollTimes[1], Is.InRange(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) + Tolerance));
    }

    [Test]
    public async Task An_unavailable_poll_with_Retry_After_waits_as_long_as_it_asks_then_polls_again()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Fails(503, TimeSpan.FromSeconds(7)), Run(BacktestRunStatus.Completed));

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
            Assert.That(client.PollTimes[2] - client.PollTimes[1], Is.InRange(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) + Tolerance));
        });
    }

    [Test]
    public void An_unavailable_poll_without_Retry_After_ends_the_wait_with_its_error()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Fails(503), Run(BacktestRunStatus.Completed));

        Assert.ThrowsAsync<QuantDeskApiException>(() => client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task Returns_a_final_status_it_does_not_know_as_is_instead_of_waiting_on()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Run("rejected_by_risk"), Run(BacktestRunStatus.Running));

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1));

        Assert.That(run.Status.ToString(), Is.EqualTo("rejected_by_risk"));
        Assert.That(run.Status.IsCompleted, Is.False);
        Assert.That(client.PollTimes, Has.Count.EqualTo(2));
    }

    [Test]
    public void Fails_with_a_typed_timeout_naming_the_run_and_its_last_status()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Running));
        var options = Options();
        options.Timeout = TimeSpan.FromSeconds(20);

        var exception = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => client.RunAsync(client.WaitForCompletionAsync("run-1", options), Step, TimeSpan.FromMinutes(1)));

        Assert.That(exception!.Message, Does.Contain("'run-1'").And.Contain("'running'").And.Contain("00:00:20"));
        Assert.That(client.PollTimes.Last(), Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void A_wait_rate_limited_until_its_timeout_says_the_run_was_never_found()
    {
        var client = new ScriptedBacktestClient(_clock, Fails(429, TimeSpan.FromSeconds(3)));
        var options = Options();
        options.Timeout = TimeSpan.FromSeconds(20);

        var exception = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => client.RunAsync(client.WaitForCompletionAsync("run-1", options), Step, TimeSpan.FromMinutes(1)));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("'run-1'").And.Contain("it was never found"));
            Assert.That(client.PollTimes, Has.Count.GreaterThan(1), "it kept polling through the 429s");
        });
    }

    [Test]
    public void A_grace_period_of_zero_is_valid_and_takes_no_404_for_a_delay()
    {
        var client = new ScriptedBacktestClient(_clock, Fails(404), Run(BacktestRunStatus.Completed));
        var options = Options();
        options.NotFoundGracePeriod = TimeSpan.Zero;

        Assert.ThrowsAsync<QuantDeskNotFoundException>(() => client.RunAsync(client.WaitForCompletionAsync("run-1", options), Step, TimeSpan.FromMinutes(1)));
        Assert.That(client.PollTimes, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Cancellation_ends_the_wait_at_once()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued));
        using var cancellation = new CancellationTokenSource();
        var wait = client.WaitForCompletionAsync("run-1", Options(), cancellation.Token);
        Assert.That(client.PollTimes, Has.Count.EqualTo(1));

        // The clock never moves: only the cancellation can end the wait (30 s of real time is "does not hang").
        await cancellation.CancelAsync();

        Assert.That(async () => await wait.WaitAsync(TimeSpan.FromSeconds(30)), Throws.InstanceOf<OperationCanceledException>().And.Property(nameof(OperationCanceledException.CancellationToken)).EqualTo(cancellation.Token));
        Assert.That(client.PollTimes, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Takes_a_404_within_the_grace_period_for_a_run_not_visible_yet()
    {
        var client = new ScriptedBacktestClient(_clock, Fails(404), Fails(404), Run(BacktestRunStatus.Completed));

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1));

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That(client.PollTimes, Has.Count.EqualTo(3));
    }

    [Test]
    public void Surfaces_not_found_once_the_grace_period_is_over()
    {
        var client = new ScriptedBacktestClient(_clock, Fails(404));

        var exception = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1)));

        Assert.That(exception!.RequestId, Is.EqualTo("req_scripted"));
        Assert.That(client.PollTimes.Last(), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(client.PollTimes, Has.Count.EqualTo(3), "polls at 0 s, 1 s and 3 s");
    }

    [Test]
    public void A_404_after_the_run_was_seen_is_not_taken_for_a_delay()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Fails(404));

        Assert.ThrowsAsync<QuantDeskNotFoundException>(() => client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1)));
        Assert.That(client.PollTimes, Has.Count.EqualTo(2));
    }

    [Test]
    public void Another_API_error_ends_the_wait_at_once()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Fails(500));

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1)));

        Assert.That(exception!.StatusCode, Is.EqualTo(500));
        Assert.That(client.PollTimes, Has.Count.EqualTo(2));
    }

    [TestCase(0, 10, 60, 0, TestName = "A zero initial interval is refused")]
    [TestCase(5, 2, 60, 0, TestName = "A cap below the initial interval is refused")]
    [TestCase(1, 10, 0, 0, TestName = "A zero timeout is refused")]
    [TestCase(1, 10, 60, -1, TestName = "A negative grace period is refused")]
    [TestCase(1, 86_401, 60, 0, TestName = "A cap over a day is refused")]
    [TestCase(1, 10, 49 * 86_400 + 1, 0, TestName = "A timeout over 49 days is refused")]
    public void Refuses_options_that_make_no_sense_before_polling(int initialSeconds, int maxSeconds, int timeoutSeconds, int graceSeconds)
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Completed));
        var options = new BacktestWaitOptions
        {
            InitialPollInterval = TimeSpan.FromSeconds(initialSeconds),
            MaxPollInterval = TimeSpan.FromSeconds(maxSeconds),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            NotFoundGracePeriod = TimeSpan.FromSeconds(graceSeconds),
        };

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => client.WaitForCompletionAsync("run-1", options));

        Assert.That(exception!.Message, Does.Contain("BacktestWaitOptions."));
        Assert.That(client.PollTimes, Is.Empty);
    }

    [TestCase(1, 86_400, 49 * 86_400)]
    public async Task The_longest_cap_and_timeout_are_taken(int initialSeconds, int maxSeconds, int timeoutSeconds)
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Run(BacktestRunStatus.Completed));
        var options = new BacktestWaitOptions
        {
            InitialPollInterval = TimeSpan.FromSeconds(initialSeconds),
            MaxPollInterval = TimeSpan.FromSeconds(maxSeconds),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", options), Step, TimeSpan.FromMinutes(1));

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
    }

    // A Retry-After a test double made up: longer than a timer can hold, so each pause is a day at most.
    [Test]
    public async Task A_Retry_After_of_months_is_waited_out_a_day_at_a_time_without_a_timeout()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), Fails(429, TimeSpan.FromDays(60)), Run(BacktestRunStatus.Completed));
        var options = Options();
        options.Timeout = Timeout.InfiniteTimeSpan;

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", options), TimeSpan.FromMinutes(30), TimeSpan.FromDays(3));

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
            Assert.That(client.PollTimes[2] - client.PollTimes[1], Is.InRange(TimeSpan.FromDays(1), TimeSpan.FromDays(1) + TimeSpan.FromMinutes(30)));
        });
    }

    // Neither the caller nor the wait's timeout cancelled: a timeout message would blame a limit that was never reached.
    [Test]
    public void A_cancellation_from_neither_the_caller_nor_the_timeout_is_passed_on_as_it_is()
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Queued), () => throw new OperationCanceledException("the double gave up"));

        Assert.That(
            () => client.RunAsync(client.WaitForCompletionAsync("run-1", Options()), Step, TimeSpan.FromMinutes(1)),
            Throws.TypeOf<OperationCanceledException>().With.Message.EqualTo("the double gave up"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Refuses_a_blank_run_id(string runId)
    {
        var client = new ScriptedBacktestClient(_clock, Run(BacktestRunStatus.Completed));

        Assert.Throws<ArgumentException>(() => client.WaitForCompletionAsync(runId));
        Assert.That(client.PollTimes, Is.Empty);
    }

    [Test]
    public async Task Waits_without_limit_when_the_timeout_is_infinite()
    {
        var client = new ScriptedBacktestClient(_clock, [.. Enumerable.Repeat(Run(BacktestRunStatus.Running), 20), Run(BacktestRunStatus.Completed)]);
        var options = Options();
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.MaxPollInterval = TimeSpan.FromMinutes(1);
        options.InitialPollInterval = TimeSpan.FromMinutes(1);

        var run = await client.RunAsync(client.WaitForCompletionAsync("run-1", options), TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That(client.PollTimes.Last(), Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(20)));
    }

    // Progress<T> posts to the thread pool; the test needs every report before the wait returns.
    private sealed class SynchronousProgress(Action<BacktestRun> report) : IProgress<BacktestRun>
    {
        public void Report(BacktestRun value) => report(value);
    }
}
