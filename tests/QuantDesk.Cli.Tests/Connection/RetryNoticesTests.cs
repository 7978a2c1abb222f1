namespace QuantDesk.Cli.Tests.Connection;

public sealed class RetryNoticesTests
{
    [Test]
    public async Task Waiting_out_a_retry_after_is_announced_on_stderr_with_its_length()
    {
        using var sandbox = QuantDeskSandbox.Start().RateLimitNextRequests(1, TimeSpan.FromSeconds(1));

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "get", QuantDeskSandbox.ExampleRunId));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.ErrorLines.Single(), Is.EqualTo("quantdesk: the API is rate limiting (429); waiting 1.0 s as it asked (Retry-After) before retry 1 of 3..."));
    }

    [Test]
    public async Task Json_output_keeps_stderr_quiet_while_waiting()
    {
        using var sandbox = QuantDeskSandbox.Start().RateLimitNextRequests(1, TimeSpan.FromSeconds(1));

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "runs", "get", QuantDeskSandbox.ExampleRunId, "--json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(2), "the 429 was met and waited out");
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public void Pauses_under_a_second_stay_quiet()
    {
        var error = new StringWriter();
        var notices = new QuantDesk.Cli.Connection.RetryNotices(error);

        notices.OnRetry(new QuantDeskRetryEvent { RetryNumber = 1, MaxRetryAttempts = 3, Delay = TimeSpan.FromMilliseconds(900), StatusCode = 503, Failure = "503" });
        notices.OnRetry(new QuantDeskRetryEvent { RetryNumber = 2, MaxRetryAttempts = 3, Delay = TimeSpan.FromSeconds(12), Failure = "HttpRequestException" });

        Assert.That(error.ToString().TrimEnd(), Is.EqualTo("quantdesk: the call failed (HttpRequestException); waiting 12 s before retry 2 of 3..."));
    }
}
