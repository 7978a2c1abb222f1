using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Cli.Tests.Errors;

public sealed class BadInputExitCodeTests
{
    private static readonly string Strategy = RepositoryFiles.PathOf(ExampleFiles.Strategy);

    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return Case("unknown command", "Unrecognized command or argument 'launch'", "runs", "launch");
        yield return Case("missing subcommand", "Required command was not provided", "runs");
        yield return Case("missing required options", "Option '--dataset' is required", "runs", "submit", "--strategy", Strategy);
        yield return Case("fees not a number", "--fees must be a number of basis points", "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "five", "--slippage", "3");
        yield return Case("negative slippage", "--slippage must be a number of basis points, zero or more", "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "5", "--slippage", "-1");
        yield return Case("fees not finite", "--fees must be a number of basis points", "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "NaN", "--slippage", "3");
        yield return Case("wait settings without --wait", "--poll-interval and --timeout apply only with --wait", "runs", "submit", "--dataset", "d", "--strategy", Strategy, "--fees", "5", "--slippage", "3", "--timeout", "5m");
        yield return Case("duration without a unit it knows", "--timeout must be a positive duration", "runs", "wait", "run-1", "--timeout", "5 weeks");
        yield return Case("zero poll interval", "--poll-interval must be a positive duration", "runs", "wait", "run-1", "--poll-interval", "0s");
        yield return Case("relative base url", "--base-url must be an absolute http(s) address", "--base-url", "api.quantdesk.app", "datasets", "list");
        yield return Case("retries out of range", "--retries must be a whole number from 0 to 10", "--retries", "11", "datasets", "list");
        yield return Case("missing run id", "Required argument missing for command: 'get'", "runs", "get");
    }

    [TestCaseSource(nameof(BadArguments))]
    public async Task Bad_arguments_exit_with_the_bad_input_code_and_one_line(string[] args, string message)
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain(message).And.EndWith("--help'."));
        Assert.That(result.Output, Is.Empty, "no help dump on stdout");
    }

    private static IEnumerable<TestCaseData> BadOptions()
    {
        yield return Case("sandbox and base url", "--sandbox and --base-url cannot be used together", "--sandbox", "--base-url", "https://api.quantdesk.app/", "datasets", "list");
        yield return Case("blank run id", "ID must not be blank", "runs", "get", " ");
        yield return Case("blank symbol", "SYMBOL must not be blank", "markets", "orderbook", " ");
        yield return Case("blank dataset", "--dataset must not be blank", "--sandbox", "runs", "submit", "--dataset", " ", "--strategy", Strategy, "--fees", "5", "--slippage", "3");
        yield return Case("strategy is a directory", "--strategy: '/' is a directory", "--sandbox", "runs", "submit", "--dataset", "sol-perp-1h-2025", "--strategy", "/", "--fees", "5", "--slippage", "3");
        yield return Case("blank flex card title", "--title must not be blank", "--sandbox", "flex", "publish", "--run", QuantDeskSandbox.ExampleRunId, "--title", " ");
        yield return Case("too long flex card title", "--title has 121 characters", "--sandbox", "flex", "publish", "--run", QuantDeskSandbox.ExampleRunId, "--title", new string('x', 121));
        yield return Case("all with offset", "--all reads from the top", "--sandbox", "leaderboard", "list", "--all", "--offset", "5");
        yield return Case("json and csv", "--json and --csv cannot be used together", "--sandbox", "--json", "markets", "list", "--csv");
        yield return Case("depth out of range", "--depth must be a whole number from 1 to 500", "--sandbox", "markets", "orderbook", "SOL-PERP", "--depth", "0");
        yield return Case("token over plain http to another host", "--base-url http://quantdesk.example is plain http to another machine", "--base-url", "http://quantdesk.example/", "--token", "abc", "datasets", "list");
    }

    [TestCaseSource(nameof(BadOptions))]
    public async Task Invalid_options_exit_with_the_bad_input_code_naming_the_option(string[] args, string message)
    {
        var result = await Tool.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain(message));
    }

    private static IEnumerable<TestCaseData> BadStrategyFiles()
    {
        yield return new TestCaseData("""{ "lookback": 20, """, "is not valid JSON at line 1").SetArgDisplayNames("truncated JSON");
        yield return new TestCaseData("", "is not valid JSON").SetArgDisplayNames("empty file");
        yield return new TestCaseData("""[{ "lookback": 20 }]""", "must hold a JSON object (the strategy card), not an array").SetArgDisplayNames("array");
        yield return new TestCaseData("42", "must hold a JSON object (the strategy card), not a number").SetArgDisplayNames("number");
    }

    [TestCaseSource(nameof(BadStrategyFiles))]
    public async Task A_strategy_file_that_is_not_a_json_object_exits_with_the_bad_input_code_and_sends_nothing(string content, string message)
    {
        using var sandbox = QuantDeskSandbox.Start();
        using var file = new TemporaryFile(content);

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "runs", "submit", "--dataset", "d", "--strategy", file.Path, "--fees", "5", "--slippage", "3"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.ErrorLines.Single(), Is.EqualTo($"quantdesk: --strategy: '{file.Path}' {message}").Or.StartWith($"quantdesk: --strategy: '{file.Path}' {message}"));
        Assert.That(sandbox.ReceivedRequests, Is.Empty);
    }

    [Test]
    public async Task A_missing_strategy_file_exits_with_the_bad_input_code()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-strategy-{Guid.NewGuid():N}.json");

        var result = await Tool.RunAsync("--sandbox", "runs", "submit", "--dataset", "d", "--strategy", missing, "--fees", "5", "--slippage", "3");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith($"quantdesk: --strategy: cannot read '{missing}'"));
    }

    private static TestCaseData Case(string name, string message, params string[] args) =>
        new TestCaseData(args, message).SetArgDisplayNames(name);
}
