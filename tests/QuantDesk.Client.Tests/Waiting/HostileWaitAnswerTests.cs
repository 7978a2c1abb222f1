using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace QuantDesk.Client.Tests.Waiting;

/// <summary>What a server says during a wait is hostile input too: it ends the wait typed, never crashes it.</summary>
public sealed class HostileWaitAnswerTests
{
    private const string RunId = "run-hostile-wait";

    // 7,000 CJK characters: 63,000 characters once escaped, more than a URL can hold.
    private const string LongRunId = "界界界界界界界界界界" + "界界界界界界界界界界";

    private static readonly BacktestWaitOptions ShortWait = new()
    {
        Timeout = TimeSpan.FromMilliseconds(400),
        InitialPollInterval = TimeSpan.FromMilliseconds(10),
    };

    [TestCase(429, "999999999", TestName = "A_429_asking_for_decades_ends_the_wait_at_its_own_timeout")]
    [TestCase(503, "Fri, 31 Dec 9999 23:59:59 GMT", TestName = "A_503_asking_until_the_year_9999_ends_the_wait_at_its_own_timeout")]
    [TestCase(429, "Mon, 01 Jan 0001 00:00:00 GMT", TestName = "A_429_asking_until_the_year_1_polls_again_until_the_timeout")]
    public void A_hostile_Retry_After_ends_the_wait_at_its_own_timeout(int status, string retryAfter)
    {
        using var fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 0);
        fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(status, QuantDeskSandbox.ErrorBody("E", "Busy.", "req_wait").ToJsonString()).WithHeader("Retry-After", retryAfter));

        var error = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => fixture.Client.WaitForCompletionAsync(RunId, ShortWait));

        Assert.That(error!.Message, Does.Contain(RunId));
    }

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(LongRunId)]
    public void A_submission_whose_run_id_cannot_be_polled_is_the_servers_fault_not_the_callers(string runId)
    {
        using var fixture = new ClientFixture();
        if (runId == LongRunId)
        {
            runId = string.Concat(Enumerable.Repeat(LongRunId, 350));
        }

        fixture.Sandbox.Server.Given(Request.Create().UsingPost().WithPath("/api/v2/backtest/runs")).AtPriority(0)
            .RespondWith(Responses.Json(202, $$$"""{"success":true,"data":{"run_id":"{{{runId}}}","status":"queued"}}"""));

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.SubmitAndWaitAsync(Requests.Submission(), ShortWait));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(202));
            Assert.That(error.Message, Does.Contain("run id that cannot be polled"));
            Assert.That(fixture.Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!.Method), Is.EqualTo(new[] { "POST" }), "submitted once, never polled");
        });
    }
}
