using System.CodeDom.Compiler;
using System.Reflection;
using System.Text.Json;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace QuantDesk.Client.Tests.Serialization;

/// <summary>Money as exact decimals and times as Unix milliseconds, read by a real client from the wire.</summary>
public sealed class DecimalAndTimestampTests
{
    private const string OraclePath = "/api/oracle/prices";
    private const string CandlesPath = "/api/v2/candles";

    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void Only_statistics_are_doubles_every_other_number_of_the_models_is_a_decimal()
    {
        var numbers = typeof(IQuantDeskClient).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema")
            .SelectMany(type => type.GetProperties().Select(property => (Name: $"{type.Name}.{property.Name}", Type: Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)))
            .Where(property => property.Type == typeof(double) || property.Type == typeof(float) || property.Type == typeof(decimal))
            .ToList();

        Assert.That(numbers.Where(property => property.Type != typeof(decimal)).Select(property => property.Name),
            Is.EquivalentTo(new[] { "MarketStats.Change24h", "BacktestRun.Sharpe", "BacktestRun.Dsr", "BacktestRun.MaxDrawdown" }));
        Assert.That(numbers.Select(property => property.Name), Is.SupersetOf(new[] { "OrderbookLevel.Price", "Position.EntryPrice", "Balance.Amount", "LeaderboardRow.TotalPnl", "Candle.Close" }));
    }

    [Test]
    public async Task Decimals_come_through_exactly_never_through_a_double()
    {
        Answer(OraclePath, """
            {"success":true,"data":{"TINY":0.1000000000000000000000000001,"MAX":79228162514264337593543950335,"LONG":12345678901234567.891,"NEG":-0.00000001}}
            """);

        var prices = (await _fixture.Api.Oracle.GetOraclePricesAsync()).Prices;

        Assert.Multiple(() =>
        {
            Assert.That(prices["TINY"], Is.EqualTo(0.1000000000000000000000000001m));
            Assert.That(prices["TINY"], Is.Not.EqualTo(0.1m));
            Assert.That(prices["MAX"], Is.EqualTo(decimal.MaxValue));
            Assert.That(prices["LONG"], Is.EqualTo(12345678901234567.891m));
            Assert.That(prices["NEG"], Is.EqualTo(-0.00000001m));
        });
    }

    [Test]
    public async Task Numbers_sent_as_strings_are_read_as_the_same_numbers()
    {
        Answer("/api/v2/markets/orderbook/SOL-PERP", """{"success":true,"data":{"bids":[{"price":"168.42","size":"0.1000000000000000000000000001"}],"asks":[{"price":"168.5","size":"3"}]}}""");

        var book = (await _fixture.Api.Markets.GetOrderbookAsync("SOL-PERP")).Data;

        Assert.That((book.BestBid?.Price, book.BestBid?.Size, book.BestAsk?.Price, book.Spread), Is.EqualTo(((decimal?)168.42m, (decimal?)0.1000000000000000000000000001m, (decimal?)168.5m, (decimal?)0.08m)));
    }

    [Test]
    public async Task A_decimal_written_by_the_sandbox_reaches_the_client_unchanged()
    {
        _fixture.Sandbox.WithOraclePrices(new Dictionary<string, decimal> { ["SOL-PERP"] = 0.1000000000000000000000000001m, ["BTC-PERP"] = 97123.456789012345678m });

        var prices = (await _fixture.Api.Oracle.GetOraclePricesAsync()).Prices;

        Assert.That((prices["SOL-PERP"], prices["BTC-PERP"]), Is.EqualTo((0.1000000000000000000000000001m, 97123.456789012345678m)));
    }

    [TestCase("1e400", TestName = "A number beyond a decimal is refused as an unusable body")]
    [TestCase("\"1e400\"", TestName = "A quoted number beyond a decimal is refused as an unusable body")]
    [TestCase("\"168,42\"", TestName = "A quoted text that is not an invariant number is refused as an unusable body")]
    [TestCase("true", TestName = "A boolean where a decimal belongs is refused as an unusable body")]
    public void Unusable_decimals_are_typed_errors(string price) =>
        AssertUnusable(OraclePath, $$$"""{"success":true,"data":{"SOL-PERP":{{{price}}}}}""", api => api.Oracle.GetOraclePricesAsync());

    [TestCase("1e400")]
    [TestCase("\"1e400\"")]
    [TestCase("-1e309")]
    public void A_statistic_that_would_read_as_infinity_is_refused_as_an_unusable_body(string change) =>
        AssertUnusable("/api/v2/market-stats", $$$"""{"success":true,"data":{"symbol":"SOL-PERP","change_24h":{{{change}}}}}""", api => api.MarketData.GetMarketStatsAsync("SOL-PERP"));

    [Test]
    public async Task A_candle_time_is_the_UTC_instant_of_its_Unix_milliseconds()
    {
        Answer(CandlesPath, """{"success":true,"data":[{"time":1767394200123,"close":1},{"time":"1767394200124","close":2},{"time":1767394200123.4567,"close":3},{"time":0,"close":4}]}""");

        var times = (await _fixture.Api.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour)).Data.Select(candle => candle.Time!.Value).ToList();

        var expected = new DateTimeOffset(2026, 1, 2, 22, 50, 0, 123, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(times[0].UtcTicks, Is.EqualTo(expected.UtcTicks));
            Assert.That(times[1].UtcTicks, Is.EqualTo(expected.AddMilliseconds(1).UtcTicks), "a numeric string");
            Assert.That(times[2].UtcTicks, Is.EqualTo(expected.UtcTicks + 4567), "fractions of a millisecond down to 100 ns");
            Assert.That(times[3], Is.EqualTo(DateTimeOffset.UnixEpoch));
            Assert.That(times.Select(time => time.Offset), Is.All.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task The_oracle_timestamp_is_read_the_same_way()
    {
        Answer(OraclePath, """{"success":true,"data":{},"timestamp":1767394200123}""");

        var timestamp = (await _fixture.Api.Oracle.GetOraclePricesAsync()).Timestamp;

        Assert.That(timestamp, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 22, 50, 0, 123, TimeSpan.Zero)));
        Assert.That(timestamp!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task Times_round_trip_through_the_sandbox_as_the_same_instant_in_UTC()
    {
        var candleTime = new DateTimeOffset(2026, 1, 2, 23, 50, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        var oracleTime = new DateTimeOffset(2025, 6, 30, 8, 0, 0, 1, TimeSpan.FromHours(-5));
        _fixture.Sandbox
            .WithCandles("SOL-PERP", CandleResolution.OneHour, QuantDeskModelFactory.Candle(candleTime, 1m, 2m, 0.5m, 1.5m, 10m))
            .WithOraclePrices(new Dictionary<string, decimal> { ["SOL-PERP"] = 1m }, oracleTime);

        var candle = (await _fixture.Api.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour)).Data.Single();
        var timestamp = (await _fixture.Api.Oracle.GetOraclePricesAsync()).Timestamp!.Value;

        Assert.Multiple(() =>
        {
            Assert.That((candle.Time!.Value.UtcTicks, candle.Time.Value.Offset), Is.EqualTo((candleTime.UtcTicks, TimeSpan.Zero)));
            Assert.That((timestamp.UtcTicks, timestamp.Offset), Is.EqualTo((oracleTime.UtcTicks, TimeSpan.Zero)));
        });
    }

    [Test]
    public void A_time_is_written_as_its_Unix_milliseconds()
    {
        var candle = QuantDeskModelFactory.Candle(new DateTimeOffset(2026, 1, 2, 23, 50, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567), 1m, 1m, 1m, 1m);

        var json = JsonSerializer.SerializeToElement(candle);

        Assert.That(json.GetProperty("time").GetRawText(), Is.EqualTo("1767394200123.4567"));
    }

    [TestCase("253402300799999", "9999-12-31T23:59:59.9990000+00:00")]
    [TestCase("-62135596800000", "0001-01-01T00:00:00.0000000+00:00")]
    public async Task The_first_and_last_millisecond_of_the_calendar_are_read(string milliseconds, string expected)
    {
        Answer(CandlesPath, $$$"""{"success":true,"data":[{"time":{{{milliseconds}}}}]}""");

        var time = (await _fixture.Api.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneDay)).Data.Single().Time;

        Assert.That(time, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("253402300800000", TestName = "A time after the year 9999 is refused as an unusable body")]
    [TestCase("-62135596800001", TestName = "A time before the year 1 is refused as an unusable body")]
    [TestCase("1e400", TestName = "A time beyond any number is refused as an unusable body")]
    [TestCase("\"soon\"", TestName = "A quoted time that is not a number is refused as an unusable body")]
    [TestCase("true", TestName = "A boolean time is refused as an unusable body")]
    public void Unusable_times_are_typed_errors(string time) =>
        AssertUnusable(CandlesPath, $$"""{"success":true,"data":[{"time":{{time}},"close":1}]}""", api => api.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour));

    private void AssertUnusable(string path, string body, Func<IQuantDeskClient, Task> call)
    {
        Answer(path, body);

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => call(_fixture.Api));

        Assert.Multiple(() =>
        {
            Assert.That(error!.GetType(), Is.EqualTo(typeof(QuantDeskApiException)));
            Assert.That(error.InnerException, Is.InstanceOf<JsonException>());
            Assert.That(error.StatusCode, Is.EqualTo(200));
            Assert.That(error.ResponseBody, Is.EqualTo(body));
            Assert.That(_fixture.Sandbox.Server.LogEntries, Has.Count.EqualTo(1), "an unusable body is not asked for again");
        });
    }

    private void Answer(string path, string body) =>
        _fixture.Sandbox.Server.Given(Request.Create().UsingGet().WithPath(path)).AtPriority(0).RespondWith(Responses.Json(200, body.Trim()));
}
