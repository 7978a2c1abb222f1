using System.Text.Json;
using Spectre.Console.Testing;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class RunsWaitCommandTests
{
    [Test]
    public async Task Prints_a_plain_line_per_status_when_output_is_redirected_then_the_metrics()
    {
        using var sandbox = QuantDeskSandbox.Start().WithRunCompletingAfter("run-1", pollsInProgress: 4);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "wait", "run-1", "--poll-interval", "10ms"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines.Take(3), Is.EqualTo(new[] { "Run run-1: queued", "Run run-1: running", "Run run-1: completed" }));
        Assert.That(result.OutputLines, Has.Some.Match(@"│ Sharpe\s+│ 1\.84\s+│"));
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(5), "one poll per status change would hide the polls in between");
    }

    [Test]
    public async Task Draws_a_live_progress_line_on_an_interactive_terminal()
    {
        using var sandbox = QuantDeskSandbox.Start().WithRunCompletingAfter("run-2", pollsInProgress: 2);
        var console = new TestConsole().Interactive().EmitAnsiSequences();
        console.Profile.Width = 120;

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "wait", "run-2", "--poll-interval", "10ms"), console: console);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(console.Output, Does.Contain("Run run-2: ").And.Match(@"\(poll \d, \d+\.\d s\)"));
        Assert.That(console.Output, Does.Contain("\u001b["), "the line is redrawn in place with ANSI sequences");
        Assert.That(console.Lines, Has.None.EqualTo("Run run-2: queued"), "no plain progress lines on a terminal");
        Assert.That(console.Output, Does.Match(@"Sharpe\s+.*1\.84"));
    }

    [Test]
    public async Task A_run_that_ends_in_another_status_is_shown_and_exits_with_its_own_code()
    {
        using var sandbox = QuantDeskSandbox.Start().WithRun(QuantDeskModelFactory.BacktestRun("run-f", new BacktestRunStatus("failed")));

        var human = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "wait", "run-f"));
        var json = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "wait", "run-f", "--json"));

        Assert.That((human.ExitCode, json.ExitCode), Is.EqualTo((7, 7)), human.ToString());
        Assert.That(human.OutputLines, Has.Some.Match(@"│ Status\s+│ failed\s+│"));
        Assert.That(human.ErrorLines.Single(), Is.EqualTo("quantdesk: run run-f finished with status 'failed', not 'completed'."));
        using var document = JsonDocument.Parse(json.Output);
        Assert.That(document.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
    }

    [Test]
    public async Task A_wait_past_its_timeout_exits_with_the_network_or_timeout_code()
    {
        using var sandbox = QuantDeskSandbox.Start().WithRunCompletingAfter("run-slow", pollsInProgress: 100_000);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "wait", "run-slow", "--poll-interval", "20ms", "--timeout", "300ms"));

        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain("run-slow").And.Contain("did not finish within"));
    }

    [Test]
    public async Task Cancelling_stops_the_wait_with_the_cancelled_code()
    {
        using var sandbox = QuantDeskSandbox.Start().WithRunCompletingAfter("run-long", pollsInProgress: 100_000);
        using var cancellation = new CancellationTokenSource();

        var running = Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "wait", "run-long", "--poll-interval", "20ms"), cancellationToken: cancellation.Token);
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (sandbox.ReceivedRequests.Count < 2 && !running.IsCompleted)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(giveUp), "the wait never polled twice");
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();
        var result = await running;

        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        Assert.That(result.ErrorLines.Single(), Is.EqualTo("quantdesk: cancelled."));
    }
}
