using System.Text.Json.Nodes;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Clients;

public sealed class SubmitBacktestRunContractTests
{
    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.AccessToken = "token-1");

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task Posts_the_documented_body_with_the_token_and_reads_the_202()
    {
        var response = await _fixture.Client.SubmitBacktestRunAsync(Requests.Submission());

        Assert.That(response.Success, Is.True);
        Assert.That(Guid.TryParse(response.Data.RunId, out _), Is.True);
        Assert.That(response.Data.Status, Is.EqualTo(BacktestRunStatus.Queued));

        var request = _fixture.Sandbox.ReceivedRequests.Single();
        Assert.That(request.ToString(), Is.EqualTo("POST /api/v2/backtest/runs"));
        Assert.That(request.HasBearerToken("token-1"), Is.True);
        Assert.That(request.Headers["Content-Type"], Does.StartWith("application/json"));
        var expected = JsonNode.Parse("""
            {"dataset_id":"sol-perp-1h-2025","strategy":{"kind":"mean_reversion","lookback":24,"entry_z":2.0},"fees":5,"slippage":3,"funding":true}
            """);
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(request.Body!), expected), Is.True, request.Body);
    }

    [Test]
    public async Task Sends_no_funding_when_asked_and_keeps_the_strategy_exactly()
    {
        var submission = Requests.Submission();
        submission.Funding = false;
        submission.Strategy = JsonNode.Parse("""{"legs":[{"side":"long","weight":0.5}],"name":"π-grid","nested":{"deep":[1,2,3]}}""")!.AsObject();

        await _fixture.Client.SubmitBacktestRunAsync(submission);

        var sent = _fixture.Sandbox.Submissions.Single();
        Assert.That(sent.Funding, Is.False);
        Assert.That(JsonNode.DeepEquals(sent.Strategy, submission.Strategy), Is.True);
    }

    [Test]
    public void A_503_on_submit_is_surfaced_and_never_retried()
    {
        _fixture.Sandbox.FailNextRequests(503);

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => _fixture.Client.SubmitBacktestRunAsync(Requests.Submission()));

        Assert.That(exception!.StatusCode, Is.EqualTo(503));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(1), "a repeated submission would start a second simulation");
    }

    [Test]
    public void A_rejected_token_is_a_typed_authentication_error_with_the_request_id()
    {
        _fixture.Sandbox.RequireAccessToken("another-token");

        var exception = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => _fixture.Client.SubmitBacktestRunAsync(Requests.Submission()));

        Assert.That(exception!.StatusCode, Is.EqualTo(401));
        Assert.That(exception.ErrorCode, Is.EqualTo("UNAUTHORIZED"));
        Assert.That(exception.RequestId, Does.StartWith("req_sandbox_"));
        Assert.That(exception.Message, Does.Not.Contain("token-1"));
    }

    [Test]
    public async Task Sends_fee_and_slippage_assumptions_as_exact_decimals()
    {
        var submission = Requests.Submission();
        submission.Fees = 2.5000000000000000001m;
        submission.Slippage = 0.1m;

        await _fixture.Client.SubmitBacktestRunAsync(submission);

        var body = _fixture.Sandbox.ReceivedRequests.Single().Body;
        Assert.That(body, Does.Contain("\"fees\":2.5000000000000000001"));
        Assert.That(body, Does.Contain("\"slippage\":0.1"));
    }

    [Test]
    public void Refuses_a_blank_dataset_or_a_missing_strategy_before_sending_anything()
    {
        var blankDataset = Requests.Submission();
        blankDataset.DatasetId = " ";
        var noStrategy = Requests.Submission();
        noStrategy.Strategy = null!;

        Assert.That(() => _fixture.Client.SubmitBacktestRunAsync(blankDataset), Throws.ArgumentException.With.Message.Contains("DatasetId"));
        Assert.That(() => _fixture.Client.SubmitBacktestRunAsync(noStrategy), Throws.ArgumentException.With.Message.Contains("Strategy"));
        Assert.That(() => _fixture.Client.SubmitBacktestRunAsync(null!), Throws.ArgumentNullException);
        Assert.That(_fixture.Sandbox.ReceivedRequests, Is.Empty);
    }
}
