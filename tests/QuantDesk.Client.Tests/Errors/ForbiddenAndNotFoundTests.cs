using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace QuantDesk.Client.Tests.Errors;

/// <summary>403 and 404 from the contract's own cases, through the sandbox: typed, with the server's code, never retried.</summary>
public sealed class ForbiddenAndNotFoundTests
{
    private const string Token = "wallet-jwt";

    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.AccessToken = Token);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void A_failed_deploy_gate_is_a_forbidden_exception_not_an_authentication_one()
    {
        _fixture.Sandbox.WithFailingDeployGate("run-overfit");

        var error = Assert.ThrowsAsync(Is.InstanceOf<QuantDeskApiException>(), () => _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-overfit", Title = "Too good to be true" }));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf<QuantDeskForbiddenException>());
            Assert.That(error, Is.Not.InstanceOf<QuantDeskAuthenticationException>());
            var forbidden = (QuantDeskForbiddenException)error!;
            Assert.That(forbidden.IsDeployGateFailure, Is.True);
            Assert.That(forbidden.ErrorCode, Is.EqualTo(QuantDeskErrorCodes.DeployGateFailed));
            Assert.That(forbidden.StatusCode, Is.EqualTo(403));
            Assert.That(forbidden.ServerMessage, Does.Contain("run-overfit"));
            Assert.That(forbidden.RequestId, Does.StartWith("req_sandbox_"));
            Assert.That(_fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(1), "a 403 is not retried");
        });
    }

    [Test]
    public async Task Only_the_run_whose_gate_failed_is_refused()
    {
        _fixture.Sandbox.WithFailingDeployGate("run-overfit");

        var card = (await _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-robust", Title = "Robust" })).Data;

        Assert.That((card.RunId, card.Title), Is.EqualTo(("run-robust", "Robust")));
    }

    [Test]
    public void Another_403_on_a_read_is_forbidden_without_being_a_deploy_gate_failure_and_is_not_retried()
    {
        _fixture.Sandbox.FailNextRequests(403);

        var error = Assert.ThrowsAsync<QuantDeskForbiddenException>(() => _fixture.Api.Markets.ListMarketsAsync());

        Assert.That((error!.IsDeployGateFailure, error.ErrorCode, error.StatusCode), Is.EqualTo((false, "FORBIDDEN", (int?)403)));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(1));
    }

    [TestCase("deploy_gate_failed")]
    [TestCase("Deploy_Gate_Failed")]
    public void The_deploy_gate_code_is_recognised_in_any_case(string code)
    {
        _fixture.Sandbox.Server.Given(Request.Create().UsingPost().WithPath("/api/v2/social/flex-cards")).AtPriority(0)
            .RespondWith(Responses.Json(403, QuantDeskSandbox.ErrorBody(code, "Gate failed.").ToJsonString()));

        var error = Assert.ThrowsAsync<QuantDeskForbiddenException>(() => _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "r", Title = "t" }));

        Assert.That((error!.IsDeployGateFailure, error.ErrorCode), Is.EqualTo((true, code)));
    }

    public static IEnumerable<TestCaseData> PortfolioOperations()
    {
        yield return new TestCaseData((Func<IQuantDeskClient, Task>)(api => api.Portfolio.GetPortfolioAsync())).SetArgDisplayNames("getPortfolio");
        yield return new TestCaseData((Func<IQuantDeskClient, Task>)(api => api.Portfolio.GetPortfolioPositionsAsync())).SetArgDisplayNames("getPortfolioPositions");
        yield return new TestCaseData((Func<IQuantDeskClient, Task>)(api => api.Portfolio.GetPortfolioOrdersAsync())).SetArgDisplayNames("getPortfolioOrders");
    }

    [TestCaseSource(nameof(PortfolioOperations))]
    public void A_wallet_without_a_portfolio_is_not_found_with_the_servers_code(Func<IQuantDeskClient, Task> call)
    {
        _fixture.Sandbox.WithoutPortfolio(Token);

        var error = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => call(_fixture.Api));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(404));
            Assert.That(error.ErrorCode, Is.EqualTo(QuantDeskErrorCodes.PortfolioNotFound));
            Assert.That(error.Message, Does.Contain("PORTFOLIO_NOT_FOUND"));
            Assert.That(_fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(1), "a 404 is not retried");
        });
    }

    [Test]
    public async Task Another_wallet_still_has_its_portfolio()
    {
        _fixture.Sandbox.WithoutPortfolio("another-wallet");

        var portfolio = await _fixture.Api.Portfolio.GetPortfolioAsync();

        Assert.That(portfolio.Success, Is.True);
    }

    [Test]
    public void An_unknown_market_is_not_found_with_the_servers_code()
    {
        var error = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => _fixture.Api.Markets.GetMarketAsync("NOPE-PERP"));

        Assert.That((error!.StatusCode, error.ErrorCode), Is.EqualTo(((int?)404, "MARKET_NOT_FOUND")));
        Assert.That(error.ServerMessage, Does.Contain("NOPE-PERP"));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(1));
    }

    [Test]
    public void An_unknown_flex_card_is_not_found_with_the_servers_code()
    {
        var error = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => _fixture.Api.Social.GetFlexCardAsync("fc_missing"));

        Assert.That((error!.StatusCode, error.ErrorCode), Is.EqualTo(((int?)404, "FLEX_CARD_NOT_FOUND")));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(1));
    }
}
