using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Waiting;

/// <summary>The whole lifecycle over loopback HTTP against the sandbox, with real but short poll intervals.</summary>
public sealed class SubmitAndWaitTests
{
    private static readonly BacktestWaitOptions FastPolls = new()
    {
        InitialPollInterval = TimeSpan.FromMilliseconds(10),
        MaxPollInterval = TimeSpan.FromMilliseconds(40),
        Timeout = TimeSpan.FromSeconds(30),
    };

    [Test]
    public async Task Submits_once_polls_until_completed_and_returns_the_metrics()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "token-1");

        var run = await fixture.Client.SubmitAndWaitAsync(Requests.Submission(), FastPolls);

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That((run.Sharpe, run.Dsr, run.MaxDrawdown), Is.EqualTo((1.84, 0.72, -0.14)));
        var requests = fixture.Sandbox.ReceivedRequests;
        Assert.That(requests.Select(request => request.ToString()), Is.EqualTo(new[]
        {
            "POST /api/v2/backtest/runs",
            $"GET /api/v2/backtest/runs/{run.RunId}",
            $"GET /api/v2/backtest/runs/{run.RunId}",
            $"GET /api/v2/backtest/runs/{run.RunId}",
        }));
        Assert.That(requests.All(request => request.HasBearerToken("token-1")), Is.True);
    }

    [Test]
    public async Task A_404_right_after_the_submission_is_polled_through()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "token-1");
        var submission = await fixture.Client.SubmitBacktestRunAsync(Requests.Submission());
        fixture.Sandbox.FailNextRequests(404);

        var run = await fixture.Client.WaitForCompletionAsync(submission.Data.RunId, FastPolls);

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That(fixture.Sandbox.ReceivedRequests.Count(request => request.Method == "GET"), Is.EqualTo(4));
    }

    [Test]
    public async Task Reports_progress_for_each_poll()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.WithRunCompletingAfter("slow-run", pollsInProgress: 3);
        var statuses = new List<string>();
        var options = new BacktestWaitOptions
        {
            InitialPollInterval = FastPolls.InitialPollInterval,
            MaxPollInterval = FastPolls.MaxPollInterval,
            Progress = new Reporter(run => statuses.Add(run.Status.ToString())),
        };

        await fixture.Client.WaitForCompletionAsync("slow-run", options);

        Assert.That(statuses, Is.EqualTo(new[] { "queued", "running", "running", "completed" }));
    }

    private sealed class Reporter(Action<BacktestRun> report) : IProgress<BacktestRun>
    {
        public void Report(BacktestRun value) => report(value);
    }
}
