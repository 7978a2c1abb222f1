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
    public void A_built_exception_carries_the_error_body_an_API_answer_would()
    {
        var exception = QuantDeskModelFactory.ApiException(404, "RUN_NOT_FOUND", "No such run.", "req_7");
        var body = System.Text.Json.Nodes.JsonNode.Parse(exception.ResponseBody!)!;

        Assert.That(
            (body["success"]!.GetValue<bool>(), (string?)body["error"], (string?)body["code"], (string?)body["message"], (string?)body["request_id"]),
            Is.EqualTo((false, "RUN_NOT_FOUND", "RUN_NOT_FOUND", "No such run.", "req_7")));
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

    [Test]
    public void A_run_submission_keeps_the_status_it_is_given()
    {
        var submission = QuantDeskModelFactory.BacktestRunSubmissionResponse("run-9", BacktestRunStatus.Running);
        var run = QuantDeskModelFactory.BacktestRun(null, BacktestRunStatus.Pending);

        Assert.That(submission.Data.Status, Is.EqualTo(BacktestRunStatus.Running));
        Assert.That((run.RunId, run.Status, run.Sharpe, run.Dsr, run.MaxDrawdown), Is.EqualTo(((string?)null, BacktestRunStatus.Pending, (double?)null, (double?)null, (double?)null)));
    }

    [Test]
    public void Every_built_envelope_is_a_successful_answer()
    {
        var run = QuantDeskModelFactory.BacktestRun("run-9");
        var envelopes = new (string Name, bool? Success)[]
        {
            (nameof(QuantDeskModelFactory.BacktestRunResponse), QuantDeskModelFactory.BacktestRunResponse(run).Success),
            (nameof(QuantDeskModelFactory.BacktestDatasetListResponse), QuantDeskModelFactory.BacktestDatasetListResponse().Success),
            (nameof(QuantDeskModelFactory.BacktestRunSubmissionResponse), QuantDeskModelFactory.BacktestRunSubmissionResponse("run-9").Success),
            (nameof(QuantDeskModelFactory.OraclePricesResponse), QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal>()).Success),
            (nameof(QuantDeskModelFactory.ReferralValidationResponse), QuantDeskModelFactory.ReferralValidationResponse(false).Success),
        };

        Assert.That(envelopes.Where(envelope => envelope.Success != true).Select(envelope => envelope.Name), Is.Empty);
    }

    [Test]
    public void A_dataset_keeps_its_version_and_resolution_and_an_empty_catalog_is_empty()
    {
        var dataset = QuantDeskModelFactory.BacktestDataset("d-1", "1.0.0", "SOL-PERP", "1h");
        var bare = QuantDeskModelFactory.BacktestDataset("d-2");

        Assert.That((dataset.DatasetId, dataset.Version, dataset.Symbol, dataset.Resolution), Is.EqualTo(("d-1", "1.0.0", "SOL-PERP", "1h")));
        Assert.That((bare.DatasetId, bare.Version, bare.Symbol, bare.Resolution), Is.EqualTo(("d-2", (string?)null, (string?)null, (string?)null)));
        Assert.That(QuantDeskModelFactory.BacktestDatasetListResponse().Data, Is.Empty);
    }

    [Test]
    public void A_market_defaults_to_an_active_crypto_market_and_keeps_every_value_given()
    {
        var bare = QuantDeskModelFactory.Market("SOL-PERP");
        var full = QuantDeskModelFactory.Market("EURUSD", AssetClass.Index, 50m, "EUR", "USD", false, "pyth:eurusd");
        var tier = QuantDeskModelFactory.LeverageTier(AssetClass.Index, 5m);

        Assert.That((bare.Symbol, bare.AssetClass, bare.MaxLeverage, bare.BaseAsset, bare.QuoteAsset, bare.IsActive, bare.OracleFeed), Is.EqualTo(("SOL-PERP", AssetClass.Crypto, (decimal?)null, (string?)null, (string?)null, (bool?)true, (string?)null)));
        Assert.That((full.Symbol, full.AssetClass, full.MaxLeverage, full.BaseAsset, full.QuoteAsset, full.IsActive, full.OracleFeed), Is.EqualTo(("EURUSD", AssetClass.Index, (decimal?)50m, "EUR", "USD", (bool?)false, "pyth:eurusd")));
        Assert.That((tier.AssetClass, tier.MaxLeverage), Is.EqualTo((AssetClass.Index, 5m)));
    }

    [Test]
    public void An_orderbook_keeps_each_side_s_levels_in_the_order_given()
    {
        var book = QuantDeskModelFactory.Orderbook([(100m, 1m), (101m, 2m)], [(103m, 3m)]);

        Assert.That(book.Bids!.Select(level => (level.Price, level.Size)), Is.EqualTo(new (decimal?, decimal?)[] { (100m, 1m), (101m, 2m) }));
        Assert.That(book.Asks!.Select(level => (level.Price, level.Size)), Is.EqualTo(new (decimal?, decimal?)[] { (103m, 3m) }));
        Assert.That(book.BestBid?.Price, Is.EqualTo(101m));
    }

    [Test]
    public void Oracle_prices_default_to_the_pyth_source_and_keep_a_given_one()
    {
        var readAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var prices = new Dictionary<string, decimal> { ["SOL-PERP"] = 172.5m };
        var pyth = QuantDeskModelFactory.OraclePricesResponse(prices, readAt);
        var other = QuantDeskModelFactory.OraclePricesResponse(prices, source: "switchboard");

        Assert.That((pyth.Data["SOL-PERP"], pyth.Timestamp, pyth.Source), Is.EqualTo((172.5m, (DateTimeOffset?)readAt, "pyth")));
        Assert.That((other.Timestamp, other.Source), Is.EqualTo(((DateTimeOffset?)null, "switchboard")));
    }

    [Test]
    public void A_portfolio_keeps_its_balances_positions_and_orders_and_is_empty_rather_than_null_by_default()
    {
        var balance = QuantDeskModelFactory.Balance("USDC", 1250.75m);
        var position = QuantDeskModelFactory.Position("SOL-PERP", PositionSide.Short, 2m, 170m, 172m, -4m, 3m);
        var order = QuantDeskModelFactory.Order("o-1", "SOL-PERP", OrderSide.Buy, OrderType.Limit, 1.5m, 165m);
        var filled = QuantDeskModelFactory.Order("o-2", "BTC-PERP", OrderSide.Sell, OrderType.Market, 0.1m, status: new OrderStatus("filled"));
        var portfolio = QuantDeskModelFactory.Portfolio([balance], [position], [order, filled]);
        var empty = QuantDeskModelFactory.Portfolio();

        Assert.That((balance.Asset, balance.Amount), Is.EqualTo(("USDC", 1250.75m)));
        Assert.That((position.Market, position.Side, position.Size, position.EntryPrice, position.CurrentPrice, position.UnrealizedPnl, position.Leverage), Is.EqualTo(("SOL-PERP", PositionSide.Short, 2m, (decimal?)170m, (decimal?)172m, (decimal?)(-4m), (decimal?)3m)));
        Assert.That((order.Id, order.Market, order.Side, order.Type, order.Size, order.Price, order.Status), Is.EqualTo(("o-1", "SOL-PERP", OrderSide.Buy, OrderType.Limit, 1.5m, (decimal?)165m, OrderStatus.Open)));
        Assert.That((filled.Price, filled.Status), Is.EqualTo(((decimal?)null, new OrderStatus("filled"))));
        Assert.That((portfolio.Balances, portfolio.Positions, portfolio.Orders), Is.EqualTo((new[] { balance }, new[] { position }, new[] { order, filled })));
        Assert.That((empty.Balances, empty.Positions, empty.Orders), Is.EqualTo((Array.Empty<Balance>(), Array.Empty<Position>(), Array.Empty<Order>())));
    }

    [Test]
    public void Market_stats_and_candles_keep_every_value_given()
    {
        var opens = new DateTimeOffset(2026, 1, 2, 14, 0, 0, TimeSpan.Zero);
        var stats = QuantDeskModelFactory.MarketStats("SOL-PERP", 172.5m, -1.25, 1_000_000m, 250_000m);
        var bareStats = QuantDeskModelFactory.MarketStats("BTC-PERP");
        var candle = QuantDeskModelFactory.Candle(opens, 170m, 173m, 169m, 172m, 4200m);

        Assert.That((stats.Symbol, stats.LastPrice, stats.Change24h, stats.Volume24h, stats.OpenInterest), Is.EqualTo(("SOL-PERP", (decimal?)172.5m, (double?)(-1.25), (decimal?)1_000_000m, (decimal?)250_000m)));
        Assert.That((bareStats.LastPrice, bareStats.Change24h, bareStats.Volume24h, bareStats.OpenInterest), Is.EqualTo(((decimal?)null, (double?)null, (decimal?)null, (decimal?)null)));
        Assert.That((candle.Time, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume), Is.EqualTo((opens, 170m, 173m, 169m, 172m, (decimal?)4200m)));
        Assert.That(QuantDeskModelFactory.Candle(opens, 1m, 1m, 1m, 1m).Volume, Is.Null);
    }

    [Test]
    public void A_leaderboard_row_is_active_and_has_badges_only_when_given()
    {
        var linked = QuantDeskModelFactory.LeaderboardRow("alice", 1234.5m, "vault-1", "momentum", "card-1", "run-9", ["verified", "dsr>0.9"]);
        var plain = QuantDeskModelFactory.LeaderboardRow("bob", -10m);

        Assert.That((linked.Leader, linked.TotalPnl, linked.VaultAddress, linked.Strategy, linked.IsActive, linked.FlexCardId, linked.RunId), Is.EqualTo(("alice", (decimal?)1234.5m, "vault-1", "momentum", (bool?)true, "card-1", "run-9")));
        Assert.That(linked.Badges, Is.EqualTo(new[] { "verified", "dsr>0.9" }));
        Assert.That((plain.VaultAddress, plain.Strategy, plain.IsActive, plain.FlexCardId, plain.RunId, plain.Badges), Is.EqualTo(((string?)null, (string?)null, (bool?)true, (string?)null, (string?)null, (IReadOnlyList<string>?)null)));
    }

    [Test]
    public void A_flex_card_keeps_every_value_given_and_has_badges_only_when_given()
    {
        var card = QuantDeskModelFactory.FlexCard("card-1", "run-9", "Momentum", "Sharpe 1.84", ["verified"]);
        var bare = QuantDeskModelFactory.FlexCard("card-2");

        Assert.That((card.FlexCardId, card.RunId, card.Title, card.Description), Is.EqualTo(("card-1", "run-9", "Momentum", "Sharpe 1.84")));
        Assert.That(card.Badges, Is.EqualTo(new[] { "verified" }));
        Assert.That((bare.RunId, bare.Title, bare.Description, bare.Badges), Is.EqualTo(((string?)null, (string?)null, (string?)null, (IReadOnlyList<string>?)null)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void A_referral_validation_carries_whether_it_would_close_a_loop(bool isLoop)
    {
        Assert.That(QuantDeskModelFactory.ReferralValidationResponse(isLoop).Data.IsLoop, Is.EqualTo(isLoop));
    }
}
