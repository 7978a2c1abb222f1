using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Cli.Tests.Errors;

public sealed class TokenHandlingTests
{
    // A secured operation: public ones carry no token.
    private static readonly string[] Submit = ["runs", "submit", "--dataset", "d", "--strategy", RepositoryFiles.PathOf(ExampleFiles.Strategy), "--fees", "5", "--slippage", "3"];

    private const string Token = "eyJhbGciOiJIUzI1NiJ9.never-print-me.c2lnbmF0dXJl";

    [Test]
    public async Task The_token_from_the_environment_is_sent_as_a_bearer_token()
    {
        using var sandbox = QuantDeskSandbox.Start().RequireAccessToken(Token);

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, Submit), environment: new Dictionary<string, string> { ["QUANTDESK_TOKEN"] = Token });

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(sandbox.ReceivedRequests.Single().Headers["Authorization"], Is.EqualTo($"Bearer {Token}"));
    }

    [Test]
    public async Task The_token_option_takes_precedence_over_the_environment()
    {
        using var sandbox = QuantDeskSandbox.Start().RequireAccessToken(Token);

        var result = await Tool.RunAsync(
            Tool.Against(sandbox.BaseAddress, ["--token", Token, .. Submit]),
            environment: new Dictionary<string, string> { ["QUANTDESK_TOKEN"] = "stale-token" });

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public async Task The_token_never_appears_in_any_output()
    {
        using var sandbox = QuantDeskSandbox.Start().RequireAccessToken(Token);
        var environment = new Dictionary<string, string> { ["QUANTDESK_TOKEN"] = Token };
        string[][] commands =
        [
            Tool.Against(sandbox.BaseAddress, "--token", Token, "runs", "get", QuantDeskSandbox.ExampleRunId),
            Tool.Against(sandbox.BaseAddress, "--token", Token, "runs", "get", QuantDeskSandbox.ExampleRunId, "--json"),
            Tool.Against(sandbox.BaseAddress, "--token", "wrong", "runs", "get", QuantDeskSandbox.ExampleRunId),
            Tool.Against(sandbox.BaseAddress, "--token", Token, "runs", "get", "no-such-run"),
            Tool.Against(sandbox.BaseAddress, "--token", Token, "runs", "frobnicate", Token),
            Tool.Against(sandbox.BaseAddress, $"--token={Token}", "runs", "get"),
            ["--base-url", "http://quantdesk.example/", "--token", Token, "datasets", "list"],
            ["--help"],
        ];

        foreach (var args in commands)
        {
            var result = await Tool.RunAsync(args, environment);
            Assert.That(result.Output + result.Error, Does.Not.Contain(Token).And.Not.Contain("never-print-me"), string.Join(' ', args));
        }
    }

    [Test]
    public async Task A_token_quoted_by_a_parse_error_is_masked()
    {
        var result = await Tool.RunAsync("--token", Token, "runs", "frobnicate", Token);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.Contain("'***'"));
    }

    [TestCase("Bearer abc.def")]
    [TestCase("bearer   abc.def")]
    [TestCase("  Bearer abc.def  ")]
    public async Task A_pasted_bearer_prefix_is_dropped(string pasted)
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, ["--token", pasted, .. Submit]));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(sandbox.ReceivedRequests.Single().Headers["Authorization"], Is.EqualTo("Bearer abc.def"));
    }

    [TestCase("tök")]
    [TestCase("abc def")]
    [TestCase("abc\u0001def")]
    [TestCase("Bearer ")]
    public async Task A_token_that_cannot_go_in_a_header_is_bad_input_and_never_echoed(string token)
    {
        using var sandbox = QuantDeskSandbox.Start();

        var fromOption = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, ["--token", token, .. Submit]));
        var fromEnvironment = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, Submit), new Dictionary<string, string> { ["QUANTDESK_TOKEN"] = token });

        Assert.That(fromOption.ExitCode, Is.EqualTo(2), fromOption.ToString());
        Assert.That(fromOption.ErrorLines.Single(), Does.StartWith("quantdesk: the token from --token cannot be sent in an HTTP header"));
        Assert.That(fromEnvironment.ErrorLines.Single(), Does.StartWith("quantdesk: the token from QUANTDESK_TOKEN cannot be sent in an HTTP header"));
        Assert.That(fromOption.Error + fromEnvironment.Error, Does.Not.Contain(token.Trim()));
        Assert.That(sandbox.ReceivedRequests, Is.Empty);
    }

    [Test]
    public async Task A_secured_command_without_a_token_says_how_to_give_one()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, Submit));

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.Contain("set QUANTDESK_TOKEN (or pass --token)").And.Not.Contain("AccessToken"));
        Assert.That(sandbox.ReceivedRequests, Is.Empty);
    }
}
