using System.Text.Json;
using System.Text.Json.Nodes;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class RunsSubmitCommandTests
{
    private static readonly string Strategy = RepositoryFiles.PathOf(ExampleFiles.Strategy);

    [Test]
    public async Task The_readme_command_submits_waits_and_prints_the_metrics_within_seconds()
    {
        var started = DateTime.UtcNow;

        var result = await Tool.RunAsync(
            "--sandbox", "runs", "submit", "--dataset", "sol-perp-1h-2025", "--strategy", Strategy, "--fees", "5", "--slippage", "3", "--wait");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(20)));
        var runId = Match(result.Output, @"Submitted run (\S+) \(queued\)\.");
        Assert.That(result.OutputLines, Is.SupersetOf(new[] { $"Run {runId}: queued", $"Run {runId}: running", $"Run {runId}: completed" }));
        Assert.That(result.OutputLines, Has.Some.Match($@"│ Run\s+│ {runId} │"));
        Assert.That(result.OutputLines, Has.Some.Match(@"│ Status\s+│ completed\s+│"));
        Assert.That(result.OutputLines, Has.Some.Match(@"│ Sharpe\s+│ 1\.84\s+│"));
        Assert.That(result.OutputLines, Has.Some.Match(@"│ DSR\s+│ 0\.72\s+│"));
        Assert.That(result.OutputLines, Has.Some.Match(@"│ Max drawdown\s+│ -14\.0%\s+│"));
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task Sends_the_dataset_strategy_card_fees_slippage_and_funding_once()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "runs", "submit", "--dataset", "sol-perp-1h-2025", "--strategy", Strategy, "--fees", "5", "--slippage", "2.5"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var submission = sandbox.Submissions.Single();
        Assert.That((submission.DatasetId, submission.Fees, submission.Slippage, submission.Funding), Is.EqualTo(("sol-perp-1h-2025", 5.0, 2.5, true)));
        Assert.That(JsonNode.DeepEquals(submission.Strategy, JsonNode.Parse(File.ReadAllText(Strategy))), Is.True);
        Assert.That(sandbox.ReceivedRequests.Select(request => request.Method), Is.EqualTo(new[] { "POST" }), "without --wait nothing is polled");
        Assert.That(sandbox.ReceivedRequests.Single().Headers["User-Agent"], Does.Match(@"^quantdesk-cli/\d+\.\d+\.\d+ QuantDesk\.Client/\d+\.\d+\.\d+ "));
    }

    [Test]
    public async Task No_funding_submits_funding_false()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "0", "--slippage", "0", "--no-funding"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(sandbox.Submissions.Single().Funding, Is.False);
    }

    [Test]
    public async Task Without_wait_prints_the_run_id_and_how_to_wait_for_it()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "5", "--slippage", "3"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var runId = Match(result.Output, @"^Submitted run (\S+) \(queued\)\.$");
        Assert.That(Guid.TryParse(runId, out _), Is.True);
        Assert.That(result.OutputLines, Has.Member($"Wait for it with: quantdesk runs wait {runId}"));
    }

    [Test]
    public async Task Json_without_wait_prints_the_submission()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "5", "--slippage", "3", "--json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.That(json.RootElement.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "run_id", "status" }));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("queued"));
        Assert.That(Guid.TryParse(json.RootElement.GetProperty("run_id").GetString(), out _), Is.True);
    }

    [Test]
    public async Task Json_with_wait_prints_only_the_final_run_on_stdout()
    {
        var result = await Tool.RunAsync(
            "--sandbox", "--json", "runs", "submit", "--dataset", "sol-perp-1h-2025", "--strategy", Strategy, "--fees", "5", "--slippage", "3", "--wait");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var run = json.RootElement;
        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That((run.GetProperty("sharpe").GetDouble(), run.GetProperty("dsr").GetDouble(), run.GetProperty("max_drawdown").GetDouble()), Is.EqualTo((1.84, 0.72, -0.14)));
        Assert.That(Guid.TryParse(run.GetProperty("run_id").GetString(), out _), Is.True);
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task Reads_the_strategy_card_from_stdin_for_a_dash()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(
            Tool.AgainstWithToken(sandbox.BaseAddress, "runs", "submit", "--dataset", "d", "--strategy", "-", "--fees", "5", "--slippage", "3"),
            standardInput: """{ "name": "from-stdin", /* comments and trailing commas are fine */ "lookback": 20, }""");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(sandbox.Submissions.Single().Strategy.ToJsonString(), Is.EqualTo("""{"name":"from-stdin","lookback":20}"""));
    }

    [Test]
    public async Task A_failed_submission_is_reported_and_not_sent_again()
    {
        using var sandbox = QuantDeskSandbox.Start().FailNextRequests(503);

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "5", "--slippage", "3", "--wait"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain("503").And.Match(@"request id req_sandbox_\d+"));
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(1));
        Assert.That(result.Output, Is.Empty);
    }

    private static string Match(string text, string pattern)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, pattern, System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"no match for {pattern} in:\n{text}");
        return match.Groups[1].Value;
    }
}
