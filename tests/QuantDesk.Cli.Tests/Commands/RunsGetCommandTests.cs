using System.Text.Json;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class RunsGetCommandTests
{
    [Test]
    public async Task Shows_the_example_run_as_a_metrics_table()
    {
        var result = await Tool.RunAsync("--sandbox", "runs", "get", QuantDeskSandbox.ExampleRunId);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines.Skip(1), Is.EqualTo(new[]
        {
            "┌──────────────┬──────────────────────────────────────┐",
            "│ Run          │ b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b │",
            "│ Status       │ completed                            │",
            "│ Sharpe       │ 1.84                                 │",
            "│ DSR          │ 0.72                                 │",
            "│ Max drawdown │ -14.0%                               │",
            "└──────────────┴──────────────────────────────────────┘",
        }));
    }

    [Test]
    public async Task Prints_the_run_as_json()
    {
        var result = await Tool.RunAsync("runs", "get", QuantDeskSandbox.ExampleRunId, "--sandbox", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.That(json.RootElement.GetProperty("run_id").GetString(), Is.EqualTo(QuantDeskSandbox.ExampleRunId));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(json.RootElement.GetProperty("sharpe").GetDouble(), Is.EqualTo(1.84));
        Assert.That(json.RootElement.GetProperty("dsr").GetDouble(), Is.EqualTo(0.72));
        Assert.That(json.RootElement.GetProperty("max_drawdown").GetDouble(), Is.EqualTo(-0.14));
    }

    [Test]
    public async Task A_run_in_progress_is_shown_as_it_is_with_missing_metrics()
    {
        using var sandbox = QuantDeskSandbox.Start().WithRun(QuantDeskModelFactory.BacktestRun("run-7", BacktestRunStatus.Running));

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "get", "run-7"));
        var json = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "get", "run-7", "--json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@"│ Status\s+│ running\s+│"));
        Assert.That(result.OutputLines, Has.Some.Match(@"│ Sharpe\s+│ n/a\s+│"));
        using var document = JsonDocument.Parse(json.Output);
        Assert.That(document.RootElement.GetProperty("sharpe").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(2), "a get reads once and does not wait");
    }

    [Test]
    public async Task An_unknown_run_exits_with_the_not_found_code_and_the_request_id()
    {
        var result = await Tool.RunAsync("--sandbox", "runs", "get", "no-such-run");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain("404").And.Contain("RUN_NOT_FOUND").And.Match(@"\(request id req_sandbox_\d+\)"));
    }
}
