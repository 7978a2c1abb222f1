using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Cli.Tests.Errors;

public sealed class ApiFailureExitCodeTests
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.cli-test-token.c2lnbmF0dXJl";

    [Test]
    public async Task A_rejected_token_exits_with_the_auth_code_and_the_request_id()
    {
        using var sandbox = QuantDeskSandbox.Start().RequireAccessToken("the-right-token");

        // A secured operation: public ones carry no token.
        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "--token", Token, "runs", "submit", "--dataset", "d", "--strategy", RepositoryFiles.PathOf(ExampleFiles.Strategy), "--fees", "5", "--slippage", "3"));

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain("401").And.Match(@"\(request id req_sandbox_\d+\)"));
        Assert.That(result.Output + result.Error, Does.Not.Contain(Token));
    }

    [Test]
    public async Task Still_rate_limited_after_the_clients_retries_exits_with_the_rate_limit_code()
    {
        using var sandbox = QuantDeskSandbox.Start().RateLimitNextRequests(4, TimeSpan.Zero);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "get", QuantDeskSandbox.ExampleRunId));

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(4), "the first attempt and three retries");
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain("429").And.Match(@"\(request id req_sandbox_4\)"));
    }

    [Test]
    public async Task A_rate_limit_the_retries_outlast_is_not_an_error()
    {
        using var sandbox = QuantDeskSandbox.Start().RateLimitNextRequests(2, TimeSpan.Zero);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "get", QuantDeskSandbox.ExampleRunId));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Retries_zero_gives_up_on_the_first_rate_limit()
    {
        using var sandbox = QuantDeskSandbox.Start().RateLimitNextRequests(1, TimeSpan.Zero);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "--retries", "0", "runs", "get", QuantDeskSandbox.ExampleRunId));

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_refused_connection_exits_with_the_network_code()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/");

        var result = await Tool.RunAsync(Tool.Against(closed, "--retries", "0", "runs", "get", "run-1"));

        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: ").And.Contain("refused").IgnoreCase);
        Assert.That(result.Output, Is.Empty);
    }

    [TestCase(500)]
    [TestCase(400)]
    public async Task Another_error_status_exits_with_the_api_error_code_and_the_request_id(int status)
    {
        using var sandbox = QuantDeskSandbox.Start().FailNextRequests(Enumerable.Repeat(status, 4));

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "datasets", "list"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.ErrorLines[^1], Does.StartWith("quantdesk: ").And.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Match(@"\(request id req_sandbox_\d+\)"));
        Assert.That(result.ErrorLines[..^1], Has.All.Match(@"^quantdesk: the API answered \d{3}; waiting [\d.]+ s before retry \d of 3\.\.\.$"), "only retry notices come before the failure");
    }

    [Test]
    public async Task A_malformed_answer_exits_with_the_api_error_code()
    {
        using var sandbox = QuantDeskSandbox.Start().MalformNextResponses();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "get", QuantDeskSandbox.ExampleRunId));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
    }
}
