using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Testing;

/// <summary>Each fluent setter of the sandbox changes what a real client gets, and only that.</summary>
public sealed class SandboxAreaTests
{
    private const string Token = "wallet-jwt";

    private ClientFixture _fixture = null!;

    private QuantDeskSandbox Sandbox => _fixture.Sandbox;

    private IQuantDeskClient Api => _fixture.Api;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options =>
    {
        options.AccessToken = Token;
        options.Retry.MaxRetryAttempts = 0;
    });

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task WithMarkets_replaces_the_registry_for_listing_filtering_and_lookup()
    {
        Sandbox.WithMarkets(
            QuantDeskModelFactory.Market("ETH-PERP", AssetClass.Crypto, maxLeverage: 20m),
            QuantDeskModelFactory.Market("SPX-PERP", AssetClass.Index, maxLeverage: 5m));

        var all = (await Api.Markets.ListMarketsAsync()).Data;
        var indices = (await Api.Markets.ListMarketsAsync(AssetClass.Index)).Data;
        var eth = (await Api.Markets.GetMarketAsync("eth-perp")).Data;

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(market => market.Symbol), Is.EqualTo(new[] { "ETH-PERP", "SPX-PERP" }));
            Assert.That(indices.Select(market => market.Symbol), Is.EqualTo(new[] { "SPX-PERP" }));
            Assert.That((eth.Symbol, eth.MaxLeverage), Is.EqualTo(("ETH-PERP", (decimal?)20m)));
            Assert.ThrowsAsync<QuantDeskNotFoundException>(() => Api.Markets.GetMarketAsync("SOL-PERP"), "the example market is gone");
        });
    }

    [Test]
    public async Task WithOrderbook_serves_the_book_for_its_market_only()
    {
        var before = (await Api.Markets.GetOrderbookAsync("BTC-PERP")).Data;
        Sandbox.WithOrderbook("BTC-PERP", QuantDeskModelFactory.Orderbook(bids: [(97000m, 0.5m)], asks: [(97010m, 1.25m)]), OrderbookSource.Snapshot);

        var own = await Api.Markets.GetOrderbookAsync("btc-perp");
        var other = (await Api.Markets.GetOrderbookAsync("SOL-PERP")).Data;

        Assert.Multiple(() =>
        {
            Assert.That(own.Source, Is.EqualTo(OrderbookSource.Snapshot));
            Assert.That((own.Data.BestBid?.Price, own.Data.BestAsk?.Price, own.Data.BestAsk?.Size), Is.EqualTo(((decimal?)97000m, (decimal?)97010m, (decimal?)1.25m)));
            Assert.That(other.BestBid?.Price, Is.EqualTo(before.BestBid?.Price), "other markets keep the example book");
            Assert.That(other.BestBid?.Price, Is.Not.EqualTo(97000m));
        });
    }

    [Test]
    public async Task WithOraclePrices_serves_the_prices_and_their_timestamp()
    {
        var readAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Sandbox.WithOraclePrices(new Dictionary<string, decimal> { ["SOL-PERP"] = 171.05m, ["BTC-PERP"] = 98000m }, readAt);

        var prices = await Api.Oracle.GetOraclePricesAsync();

        Assert.That(prices.Prices, Is.EquivalentTo(new Dictionary<string, decimal> { ["SOL-PERP"] = 171.05m, ["BTC-PERP"] = 98000m }));
        Assert.That(prices.Timestamp, Is.EqualTo(readAt));
    }

    [Test]
    public async Task WithMarketStats_serves_the_snapshot_for_its_symbol_and_the_example_under_any_other()
    {
        Sandbox.WithMarketStats(QuantDeskModelFactory.MarketStats("ETH-PERP", lastPrice: 3400.5m, change24h: -1.25, volume24h: 1000m, openInterest: 250m));

        var own = (await Api.MarketData.GetMarketStatsAsync("eth-perp")).Data;
        var other = (await Api.MarketData.GetMarketStatsAsync("DOGE-PERP")).Data;

        Assert.That((own.Symbol, own.LastPrice, own.Change24h, own.Volume24h, own.OpenInterest), Is.EqualTo(("ETH-PERP", (decimal?)3400.5m, (double?)-1.25, (decimal?)1000m, (decimal?)250m)));
        Assert.That((other.Symbol, other.LastPrice), Is.Not.EqualTo(("DOGE-PERP", (decimal?)3400.5m)));
        Assert.That(other.Symbol, Is.EqualTo("DOGE-PERP"));
    }

    [Test]
    public async Task WithCandles_serves_the_candles_for_its_symbol_and_resolution_only()
    {
        var open = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        Sandbox.WithCandles("SOL-PERP", CandleResolution.FourHours,
            QuantDeskModelFactory.Candle(open, 100m, 110m, 95m, 105m, 10m),
            QuantDeskModelFactory.Candle(open.AddHours(4), 105m, 106m, 101m, 102m, 12m));

        var own = (await Api.MarketData.GetCandlesAsync("sol-perp", new CandleResolution("4H"))).Data;
        var otherResolution = (await Api.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour)).Data;

        Assert.That(own.Select(candle => (candle.Time, candle.Close)), Is.EqualTo(new[] { ((DateTimeOffset?)open, (decimal?)105m), (open.AddHours(4), 102m) }));
        Assert.That(otherResolution.Select(candle => candle.Time), Has.None.EqualTo(open).And.None.EqualTo(open.AddHours(4)));
    }

    [Test]
    public async Task WithPortfolio_serves_the_portfolio_its_positions_and_orders_to_that_token()
    {
        Sandbox.WithPortfolio(Token, QuantDeskModelFactory.Portfolio(
            balances: [QuantDeskModelFactory.Balance("USDC", 1250.75m)],
            positions: [QuantDeskModelFactory.Position("SOL-PERP", PositionSide.Short, 3m, entryPrice: 170m)],
            orders: [QuantDeskModelFactory.Order("o-9", "BTC-PERP", OrderSide.Buy, OrderType.Limit, 0.1m, price: 95000m)]));

        var portfolio = (await Api.Portfolio.GetPortfolioAsync()).Data;
        var positions = (await Api.Portfolio.GetPortfolioPositionsAsync()).Data;
        var orders = (await Api.Portfolio.GetPortfolioOrdersAsync()).Data;

        Assert.Multiple(() =>
        {
            Assert.That(portfolio.Balances!.Select(balance => (balance.Asset, balance.Amount)), Is.EqualTo(new[] { ("USDC", (decimal?)1250.75m) }));
            Assert.That(positions.Select(position => (position.Market, position.Side, position.Size, position.EntryPrice)), Is.EqualTo(new[] { ("SOL-PERP", PositionSide.Short, (decimal?)3m, (decimal?)170m) }));
            Assert.That(orders.Select(order => (order.Id, order.Side, order.Type, order.Price, order.Status)), Is.EqualTo(new[] { ("o-9", OrderSide.Buy, OrderType.Limit, (decimal?)95000m, OrderStatus.Open) }));
        });
    }

    [Test]
    public async Task WithPortfolio_leaves_other_tokens_on_the_example()
    {
        var example = (await Api.Portfolio.GetPortfolioAsync()).Data;
        Sandbox.WithPortfolio("another-wallet", QuantDeskModelFactory.Portfolio(balances: [QuantDeskModelFactory.Balance("USDC", 1m)]));

        var mine = (await Api.Portfolio.GetPortfolioAsync()).Data;

        Assert.That(mine.Balances!.Select(balance => (balance.Asset, balance.Amount)), Is.EqualTo(example.Balances!.Select(balance => (balance.Asset, balance.Amount))));
        Assert.That(mine.Balances!.Select(balance => balance.Amount), Has.None.EqualTo(1m));
    }

    [Test]
    public void WithoutPortfolio_answers_404_PORTFOLIO_NOT_FOUND_for_that_token()
    {
        Sandbox.WithoutPortfolio(Token);

        var error = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => Api.Portfolio.GetPortfolioOrdersAsync());

        Assert.That(error!.ErrorCode, Is.EqualTo(QuantDeskErrorCodes.PortfolioNotFound));
    }

    [Test]
    public async Task WithLeaderboard_serves_the_rows_paged_by_limit_and_offset()
    {
        Sandbox.WithLeaderboard(Enumerable.Range(1, 7).Select(rank => QuantDeskModelFactory.LeaderboardRow($"leader-{rank}", 100m * rank)));

        var firstPage = (await Api.Social.GetLeaderboardAsync()).Data;
        var page = (await Api.Social.GetLeaderboardAsync(limit: 3, offset: 2)).Data;
        var beyond = (await Api.Social.GetLeaderboardAsync(limit: 3, offset: 7)).Data;

        Assert.That(firstPage, Has.Count.EqualTo(7), "the default limit is 10");
        Assert.That(page.Select(row => (row.Leader, row.TotalPnl)), Is.EqualTo(new[] { ("leader-3", (decimal?)300m), ("leader-4", 400m), ("leader-5", 500m) }));
        Assert.That(beyond, Is.Empty);
    }

    [Test]
    public async Task WithFlexCard_serves_the_card_under_its_id_besides_the_example()
    {
        Sandbox.WithFlexCard(QuantDeskModelFactory.FlexCard("fc_own", runId: "run-7", title: "Seven", badges: ["dsr>0.7"]));

        var own = (await Api.Social.GetFlexCardAsync("fc_own")).Data;
        var example = (await Api.Social.GetFlexCardAsync(QuantDeskSandbox.ExampleFlexCardId)).Data;

        Assert.That((own.FlexCardId, own.RunId, own.Title, own.Badges), Is.EqualTo(("fc_own", "run-7", "Seven", new[] { "dsr>0.7" })));
        Assert.That(example.FlexCardId, Is.EqualTo(QuantDeskSandbox.ExampleFlexCardId));
    }

    [Test]
    public async Task A_published_card_can_be_read_back_under_the_id_it_was_given()
    {
        var published = (await Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-3", Title = "Three", Description = "Robust" })).Data;

        var read = (await Api.Social.GetFlexCardAsync(published.FlexCardId!)).Data;

        Assert.That((read.RunId, read.Title, read.Description), Is.EqualTo(("run-3", "Three", "Robust")));
    }

    [Test]
    public void WithFailingDeployGate_refuses_publishing_for_that_run()
    {
        Sandbox.WithFailingDeployGate("run-bad");

        var error = Assert.ThrowsAsync<QuantDeskForbiddenException>(() => Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-bad", Title = "Bad" }));

        Assert.That(error!.IsDeployGateFailure, Is.True);
    }

    [Test]
    public async Task WithReferralLoop_flags_that_referrer_only()
    {
        Sandbox.WithReferralLoop("loop-addr");

        var loop = (await Api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "loop-addr" })).Data;
        var safe = (await Api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "safe-addr" })).Data;

        Assert.That((loop.IsLoop, safe.IsLoop), Is.EqualTo(((bool?)true, (bool?)false)));
    }
}
