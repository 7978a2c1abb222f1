using System.Globalization;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Clients;

/// <summary>Query parameters as they go on the wire (the raw query WireMock received): escaped, invariant, absent when not given.</summary>
public sealed class QueryParameterTests
{
    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task Markets_without_an_asset_class_send_no_query_at_all()
    {
        await _fixture.Api.Markets.ListMarketsAsync();

        Assert.That(Sent(), Is.EqualTo(("/api/v2/markets", string.Empty)));
    }

    [TestCase("crypto", "asset_class=crypto")]
    [TestCase("index", "asset_class=index")]
    [TestCase("Equity & FX", "asset_class=Equity%20%26%20FX")]
    [TestCase("a+b=c", "asset_class=a%2Bb%3Dc")]
    public async Task The_asset_class_is_sent_as_its_escaped_wire_text(string assetClass, string query)
    {
        await _fixture.Api.Markets.ListMarketsAsync(new AssetClass(assetClass));

        Assert.That(Sent(), Is.EqualTo(("/api/v2/markets", query)));
        Assert.That(Decoded("asset_class"), Is.EqualTo(assetClass));
    }

    [TestCase("SOL-PERP", "symbol=SOL-PERP")]
    [TestCase("SOL PERP", "symbol=SOL%20PERP")]
    [TestCase("SOL&limit=1", "symbol=SOL%26limit%3D1")]
    [TestCase("1+1", "symbol=1%2B1")]
    [TestCase("a/b?c#d%e", "symbol=a%2Fb%3Fc%23d%25e")]
    [TestCase("é-运行", "symbol=%C3%A9-%E8%BF%90%E8%A1%8C")]
    [TestCase("🚀", "symbol=%F0%9F%9A%80")]
    [TestCase("~_.-", "symbol=~_.-")]
    public async Task A_symbol_is_escaped_into_one_query_value_that_decodes_back_to_it(string symbol, string query)
    {
        var stats = (await _fixture.Api.MarketData.GetMarketStatsAsync(symbol)).Data;

        Assert.That(Sent(), Is.EqualTo(("/api/v2/market-stats", query)));
        Assert.That(Decoded("symbol"), Is.EqualTo(symbol));
        Assert.That(stats.Symbol, Is.EqualTo(symbol), "the sandbox echoes the symbol it decoded");
    }

    // Built in code: an attribute argument is stored as UTF-8, where an unpaired surrogate is already U+FFFD.
    [TestCase("SOL", 0xD800, "")]
    [TestCase("", 0xDC00, "-PERP")]
    public void A_symbol_with_an_unpaired_surrogate_is_refused_before_anything_is_sent(string before, int surrogate, string after)
    {
        var symbol = before + (char)surrogate + after;

        // Escaping would send U+FFFD in its place: data for another symbol, silently.
        Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.MarketData.GetMarketStatsAsync(symbol));
        Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.MarketData.GetCandlesAsync(symbol, CandleResolution.OneHour));
        Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.Markets.ListMarketsAsync(new AssetClass(symbol)));

        Assert.That(_fixture.Sandbox.Server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Candles_send_the_symbol_then_the_resolution_as_its_wire_text()
    {
        await _fixture.Api.MarketData.GetCandlesAsync("BTC PERP", CandleResolution.FifteenMinutes);

        Assert.That(Sent(), Is.EqualTo(("/api/v2/candles", "symbol=BTC%20PERP&resolution=15m")));
    }

    [Test]
    public void A_resolution_this_version_does_not_know_is_sent_as_it_is_escaped()
    {
        Assert.ThrowsAsync<QuantDeskApiException>(() => _fixture.Api.MarketData.GetCandlesAsync("SOL-PERP", new CandleResolution("2H+")));

        Assert.That(Sent(), Is.EqualTo(("/api/v2/candles", "symbol=SOL-PERP&resolution=2H%2B")));
    }

    [TestCase(null, null, "")]
    [TestCase(5, null, "limit=5")]
    [TestCase(null, 7, "offset=7")]
    [TestCase(1000000, 0, "limit=1000000&offset=0")]
    [TestCase(int.MaxValue, int.MaxValue, "limit=2147483647&offset=2147483647")]
    public async Task Leaderboard_paging_sends_only_the_parameters_given(int? limit, int? offset, string query)
    {
        await _fixture.Api.Social.GetLeaderboardAsync(limit, offset);

        Assert.That(Sent(), Is.EqualTo(("/api/v2/leaderboard", query)));
    }

    [Test]
    public void Numbers_are_formatted_invariantly_whatever_the_current_culture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.NumberGroupSeparator = "\u00a0";
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            Assert.That((-3).ToString(culture), Is.EqualTo("\u22123"), "the culture would change the text");

            // The sandbox refuses a negative limit: what matters is what was sent.
            Assert.ThrowsAsync<QuantDeskApiException>(() => _fixture.Api.Social.GetLeaderboardAsync(-3, 1234567));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        Assert.That(Sent(), Is.EqualTo(("/api/v2/leaderboard", "limit=-3&offset=1234567")));
    }

    private (string Path, string Query) Sent()
    {
        var request = _fixture.Sandbox.Server.LogEntries.Single().RequestMessage!;
        return (request.Path, request.RawQuery?.TrimStart('?') ?? string.Empty);
    }

    private string? Decoded(string name) =>
        _fixture.Sandbox.Server.LogEntries.Single().RequestMessage!.Query![name].Single();
}
