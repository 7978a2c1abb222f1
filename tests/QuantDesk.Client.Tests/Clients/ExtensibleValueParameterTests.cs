using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Clients;

/// <summary>
/// A required query parameter that is an extensible value (getCandles' resolution): the generated code used to
/// compare it with null, which converted null through the value's implicit conversion from string and threw
/// ArgumentNullException on every call, whatever the value.
/// </summary>
public sealed class ExtensibleValueParameterTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1767394200000);

    [Test]
    public async Task GetCandles_sends_a_known_resolution_and_reads_the_candles()
    {
        using var sandbox = QuantDeskSandbox.Start()
            .WithCandles("SOL-PERP", CandleResolution.OneHour, QuantDeskModelFactory.Candle(Time, 167.9m, 169.4m, 167.1m, 168.42m, 452100.0m));
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };

        var candles = (await new MarketDataClient(http).GetCandlesAsync("SOL-PERP", CandleResolution.OneHour)).Data;

        Assert.That(candles, Has.Count.EqualTo(1));
        Assert.That((candles[0].Time, candles[0].Close, candles[0].Volume), Is.EqualTo(((DateTimeOffset?)Time, (decimal?)168.42m, (decimal?)452100.0m)));
    }

    [Test]
    public void GetCandles_sends_a_resolution_this_version_does_not_know_as_given()
    {
        using var sandbox = QuantDeskSandbox.Start();
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };

        // The sandbox, like the service, refuses a resolution it does not list: the value reached it as given.
        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => new MarketDataClient(http).GetCandlesAsync("SOL-PERP", new CandleResolution("2h")));

        Assert.That((error!.StatusCode, error.ErrorCode), Is.EqualTo((400, "INVALID_RESOLUTION")));
        Assert.That(error.Message, Does.Contain("'2h'"));
    }
}
