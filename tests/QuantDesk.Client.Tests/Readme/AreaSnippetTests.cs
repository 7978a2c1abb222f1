using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Readme;

public sealed class AreaSnippetTests
{
    [Test]
    public async Task The_markets_snippet_reads_the_book_and_estimates_a_fill_through_several_levels()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.WithOrderbook("SOL-PERP", QuantDeskModelFactory.Orderbook(bids: [(168.30m, 40m), (168.35m, 10m)], asks: [(168.45m, 200m), (168.40m, 100m)]));

        var text = await AreaSnippets.MarketsAsync(fixture.Api, CancellationToken.None);

        Assert.That(text, Is.EqualTo("1 markets; SOL-PERP bid 168.35 ask 168.40 mid 168.375, buying 250 fills 250 at 168.43 (complete: True)"));
    }

    [Test]
    public async Task The_oracle_snippet_finds_a_price_by_symbol()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.WithOraclePrices(new Dictionary<string, decimal> { ["SOL-PERP"] = 171.0001m });

        Assert.That(await AreaSnippets.OracleAsync(fixture.Api, CancellationToken.None), Is.EqualTo(171.0001m));
    }

    [Test]
    public async Task The_portfolio_snippet_sums_the_pnl_and_treats_a_missing_portfolio_as_zero()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "wallet-a");
        fixture.Sandbox.WithPortfolio("wallet-a", QuantDeskModelFactory.Portfolio(positions:
        [
            QuantDeskModelFactory.Position("SOL-PERP", PositionSide.Long, 12.5m, unrealizedPnl: 104.0m),
            QuantDeskModelFactory.Position("BTC-PERP", PositionSide.Short, 0.1m, unrealizedPnl: -3.25m),
        ]));

        var pnl = await AreaSnippets.PortfolioAsync(fixture.Api, CancellationToken.None);
        fixture.Sandbox.WithoutPortfolio("wallet-a");

        Assert.That((pnl, await AreaSnippets.PortfolioAsync(fixture.Api, CancellationToken.None)), Is.EqualTo((100.75m, 0m)));
    }

    [Test]
    public async Task The_leaderboard_snippet_walks_every_page()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.WithLeaderboard(Enumerable.Range(1, 120).Select(rank =>
            QuantDeskModelFactory.LeaderboardRow($"leader-{rank}", 1000m - rank, badges: rank % 3 == 0 ? ["gate-verified"] : null)));

        var verified = await AreaSnippets.LeaderboardAsync(fixture.Api, CancellationToken.None);

        Assert.That(verified.Select(row => row.Leader), Is.EqualTo(Enumerable.Range(1, 40).Select(index => $"leader-{index * 3}")));
        Assert.That(fixture.Sandbox.ReceivedRequests.Count(request => request.Path == "/api/v2/leaderboard"), Is.EqualTo(3));
    }

    [Test]
    public async Task The_publish_snippet_tells_a_failed_deploy_gate_from_a_published_card()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "publisher");
        fixture.Sandbox.WithFailingDeployGate("run-failing");

        var published = await AreaSnippets.PublishAsync(fixture.Api, QuantDeskSandbox.ExampleRunId, CancellationToken.None);
        var refused = await AreaSnippets.PublishAsync(fixture.Api, "run-failing", CancellationToken.None);

        Assert.That((published, refused), Is.EqualTo(("fc_sandbox_1", (string?)null)));
    }

    [Test]
    public async Task The_referral_snippet_refuses_a_loop()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "referrer");
        fixture.Sandbox.WithReferralLoop("loop-wallet");

        Assert.That((await AreaSnippets.ReferralAsync(fixture.Api, "loop-wallet", CancellationToken.None), await AreaSnippets.ReferralAsync(fixture.Api, "fresh-wallet", CancellationToken.None)), Is.EqualTo((false, true)));
    }
}
