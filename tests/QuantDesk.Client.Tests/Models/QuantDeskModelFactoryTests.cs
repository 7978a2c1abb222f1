namespace QuantDesk.Client.Tests.Models;

public sealed class QuantDeskModelFactoryTests
{
    [TestCase(404, typeof(QuantDeskNotFoundException))]
    [TestCase(401, typeof(QuantDeskAuthenticationException))]
    [TestCase(403, typeof(QuantDeskForbiddenException))]
    [TestCase(429, typeof(QuantDeskRateLimitException))]
    [TestCase(500, typeof(QuantDeskApiException))]
    public void Builds_the_exception_type_the_client_throws_for_a_status(int statusCode, Type expected)
    {
        var exception = QuantDeskModelFactory.ApiException(statusCode, "SOME_CODE", "Something.", "req_7");

        Assert.That(exception.GetType(), Is.EqualTo(expected));
        Assert.That((exception.StatusCode, exception.ErrorCode, exception.ServerMessage, exception.RequestId), Is.EqualTo((statusCode, "SOME_CODE", "Something.", "req_7")));
        Assert.That(exception.Message, Does.Contain(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("SOME_CODE - Something.").And.Contain("(request id req_7)"));
    }

    [Test]
    public void A_rate_limit_exception_carries_its_Retry_After()
    {
        var exception = QuantDeskModelFactory.ApiException(429, retryAfter: TimeSpan.FromSeconds(30));

        Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Builds_runs_datasets_and_envelopes_without_json()
    {
        var run = QuantDeskModelFactory.BacktestRun("run-9", sharpe: 2.1, dsr: 0.9, maxDrawdown: -0.05);
        var submission = QuantDeskModelFactory.BacktestRunSubmissionResponse("run-9");
        var catalog = QuantDeskModelFactory.BacktestDatasetListResponse(QuantDeskModelFactory.BacktestDataset("d-1", "1.0.0", "SOL-PERP", "1h"));

        Assert.That((run.RunId, run.Status, run.Sharpe, run.Dsr, run.MaxDrawdown), Is.EqualTo(("run-9", BacktestRunStatus.Completed, 2.1, 0.9, -0.05)));
        Assert.That(QuantDeskModelFactory.BacktestRunResponse(run).Data, Is.SameAs(run));
        Assert.That((submission.Success, submission.Data.RunId, submission.Data.Status), Is.EqualTo((true, "run-9", BacktestRunStatus.Queued)));
        Assert.That(catalog.Data.Single().Symbol, Is.EqualTo("SOL-PERP"));
    }
}
