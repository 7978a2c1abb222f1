using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.AotTests;

/// <summary>Every area of the root client against the sandbox, with reflection-based JSON off.</summary>
public sealed class ReflectionFreeAreaTests
{
    private QuantDeskSandbox _sandbox = null!;
    private ServiceProvider _services = null!;
    private IQuantDeskClient _api = null!;

    [OneTimeSetUp]
    public void StartSandbox()
    {
        _sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = _sandbox.BaseAddress;
            options.AccessToken = "aot-token";
        });
        _services = services.BuildServiceProvider();
        _api = _services.GetRequiredService<IQuantDeskClient>();
    }

    [OneTimeTearDown]
    public void StopSandbox()
    {
        _services.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task Markets_and_the_orderbook_read_with_decimals_and_extensible_values()
    {
        var markets = (await _api.Markets.ListMarketsAsync(AssetClass.Crypto)).Data;
        var tiers = (await _api.Markets.GetLeverageTiersAsync()).Data;
        var book = await _api.Markets.GetOrderbookAsync("SOL-PERP");

        Assert.That((markets.Single().Symbol, markets.Single().MaxLeverage, markets.Single().AssetClass), Is.EqualTo(("SOL-PERP", 50m, AssetClass.Crypto)));
        Assert.That((tiers.Single().AssetClass.ToString(), tiers.Single().MaxLeverage), Is.EqualTo(("crypto", 50m)));
        Assert.That((book.Source, book.Data.BestBid!.Price, book.Data.EstimateFill(OrderSide.Buy, 10m).AveragePrice), Is.EqualTo((OrderbookSource.Cache, 168.40m, 168.40m)));
    }

    [Test]
    public async Task Oracle_prices_and_market_data_read_with_decimals_and_utc_times()
    {
        var prices = await _api.Oracle.GetOraclePricesAsync();
        var candle = (await _api.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour)).Data.Single();
        var stats = (await _api.MarketData.GetMarketStatsAsync("SOL-PERP")).Data;

        Assert.That((prices.Prices["BTC-PERP"], prices.Timestamp), Is.EqualTo((64210.5m, DateTimeOffset.FromUnixTimeMilliseconds(1767394200000))));
        Assert.That((candle.Time, candle.Close, candle.Volume), Is.EqualTo((DateTimeOffset.FromUnixTimeMilliseconds(1767394200000), 168.42m, 452100.0m)));
        Assert.That((stats.LastPrice, stats.Change24h, stats.OpenInterest), Is.EqualTo((168.42m, -1.87, 4820100.0m)));
    }

    [Test]
    public async Task The_portfolio_social_and_referral_areas_read_and_write_their_bodies()
    {
        var portfolio = (await _api.Portfolio.GetPortfolioAsync()).Data;
        var orders = (await _api.Portfolio.GetPortfolioOrdersAsync()).Data;
        var card = (await _api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = QuantDeskSandbox.ExampleRunId, Title = "BTC MR — verified" })).Data;
        var fetched = (await _api.Social.GetFlexCardAsync(card.FlexCardId!)).Data;
        var rows = new List<LeaderboardRow>();
        await foreach (var row in _api.Social.GetLeaderboardRowsAsync())
        {
            rows.Add(row);
        }

        var referral = (await _api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "someone" })).Data;

        Assert.That((portfolio.Balances!.Single().Amount, portfolio.Positions!.Single().Side), Is.EqualTo((5000.0m, PositionSide.Long)));
        Assert.That((orders.Single().Type, orders.Single().Status, orders.Single().Price), Is.EqualTo((OrderType.Limit, OrderStatus.Open, 165.0m)));
        Assert.That((fetched.Title, rows.Single().TotalPnl, referral.IsLoop), Is.EqualTo(("BTC MR — verified", 128400.5m, false)));
    }
}
