using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.DependencyInjection;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Clients;

/// <summary><c>new QuantDeskClient(options)</c>: every area on one pipeline, as the container builds it.</summary>
public sealed class RootClientPipelineTests : SandboxPerTest
{
    [Test]
    public async Task Every_area_sends_the_same_user_agent_and_follows_the_same_token_rule()
    {
        var api = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = Sandbox.BaseAddress, AccessToken = "wallet-jwt", ApplicationId = "grid-bot/2.1" });

        await AreaClientRegistrationTests.CallEveryAreaAsync(api);

        var requests = Sandbox.ReceivedRequests;
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(request => request.Path), Is.EqualTo(AreaClientRegistrationTests.AreaPaths));
            Assert.That(requests.Select(request => request.Headers["User-Agent"]).Distinct().Single(), Does.StartWith("grid-bot/2.1 QuantDesk.Client/"));
            Assert.That(requests.Select(request => request.HasBearerToken("wallet-jwt")), Is.EqualTo(new[] { false, false, true, false, false, false, true }));
        });
    }

    [Test]
    public async Task Every_area_retries_with_the_same_settings()
    {
        var api = new QuantDeskClient(new QuantDeskClientOptions
        {
            BaseAddress = Sandbox.BaseAddress,
            AccessToken = "wallet-jwt",
            Retry = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false },
        });

        // Each read meets one 503 first: one retry, then the answer.
        Sandbox.FailNextRequests(503);
        await api.Markets.ListMarketsAsync();
        Sandbox.FailNextRequests(503);
        await api.Oracle.GetOraclePricesAsync();
        Sandbox.FailNextRequests(503);
        await api.Portfolio.GetPortfolioAsync();
        Sandbox.FailNextRequests(503, 503);
        Assert.ThrowsAsync<QuantDeskApiException>(() => api.MarketData.GetMarketStatsAsync("SOL-PERP"));

        Assert.That(Sandbox.ReceivedRequests.Select(request => request.Path), Is.EqualTo(new[]
        {
            "/api/v2/markets", "/api/v2/markets", "/api/oracle/prices", "/api/oracle/prices",
            "/api/v2/portfolio", "/api/v2/portfolio", "/api/v2/market-stats", "/api/v2/market-stats",
        }));
    }

    [Test]
    public async Task Concurrent_calls_of_different_areas_rejected_together_share_one_token_refresh()
    {
        var tokens = new RotatingTokenProvider(callers: 4);
        Sandbox.RequireAccessToken(RotatingTokenProvider.NewToken);
        var api = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = Sandbox.BaseAddress, AccessTokenProvider = tokens.GetTokenAsync });

        var portfolio = Task.Run(() => api.Portfolio.GetPortfolioAsync());
        var referral = Task.Run(() => api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "addr-1" }));
        var card = Task.Run(() => api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-1", Title = "Card" }));
        var run = Task.Run(() => api.Backtests.SubmitBacktestRunAsync(Requests.Submission()));
        await Task.WhenAll(portfolio, referral, card, run);

        Assert.Multiple(() =>
        {
            Assert.That(tokens.ForcedRefreshes, Is.EqualTo(1), "one refresh serves the four areas");
            Assert.That((portfolio.Result.Success, referral.Result.Data.IsLoop, card.Result.Data.RunId, run.Result.Success), Is.EqualTo(((bool?)true, (bool?)false, "run-1", (bool?)true)));
            Assert.That(Sandbox.ReceivedRequests.Count(request => request.HasBearerToken(RotatingTokenProvider.OldToken)), Is.EqualTo(4));
            Assert.That(Sandbox.ReceivedRequests.Count(request => request.HasBearerToken(RotatingTokenProvider.NewToken)), Is.EqualTo(4));
        });
    }
}
