using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Models;

public sealed class OraclePricesTests
{
    [Test]
    public void Prices_is_the_map_the_service_sent()
    {
        var response = QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal> { ["SOL-PERP"] = 168.42m, ["BTC-PERP"] = 97000.5m });

        Assert.That(response.Prices, Is.EquivalentTo(new Dictionary<string, decimal> { ["SOL-PERP"] = 168.42m, ["BTC-PERP"] = 97000.5m }));
        Assert.That(response.Prices, Is.SameAs(response.Data));
    }

    [Test]
    public void Finds_a_symbol_by_its_exact_key()
    {
        var response = QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal> { ["SOL-PERP"] = 168.42m });

        Assert.That(response.TryGetPrice("SOL-PERP", out var price), Is.True);
        Assert.That(price, Is.EqualTo(168.42m));
    }

    [TestCase("sol-perp")]
    [TestCase("Sol-Perp")]
    public void Finds_a_symbol_spelled_in_another_case(string symbol)
    {
        var response = QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal> { ["BTC-PERP"] = 97000m, ["SOL-PERP"] = 168.42m });

        Assert.That(response.TryGetPrice(symbol, out var price), Is.True);
        Assert.That(price, Is.EqualTo(168.42m));
    }

    [Test]
    public void The_exact_key_wins_over_one_that_differs_only_in_case()
    {
        // Whatever the order of the map, the exact spelling is the one asked for.
        var lowerFirst = QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal> { ["sol-perp"] = 1m, ["SOL-PERP"] = 2m });
        var upperFirst = QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal> { ["SOL-PERP"] = 2m, ["sol-perp"] = 1m });

        Assert.Multiple(() =>
        {
            Assert.That(lowerFirst.TryGetPrice("SOL-PERP", out var fromLowerFirst) ? fromLowerFirst : -1, Is.EqualTo(2m));
            Assert.That(upperFirst.TryGetPrice("sol-perp", out var fromUpperFirst) ? fromUpperFirst : -1, Is.EqualTo(1m));
        });
    }

    [TestCase("ETH-PERP")]
    [TestCase("SOL")]
    [TestCase("SOL-PERP ")]
    [TestCase("")]
    public void A_symbol_the_map_does_not_have_is_not_found(string symbol)
    {
        var response = QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal> { ["SOL-PERP"] = 168.42m });

        Assert.That(response.TryGetPrice(symbol, out var price), Is.False);
        Assert.That(price, Is.Zero);
    }

    [Test]
    public void A_null_symbol_is_refused()
    {
        var response = QuantDeskModelFactory.OraclePricesResponse(new Dictionary<string, decimal> { ["SOL-PERP"] = 168.42m });

        Assert.Throws<ArgumentNullException>(() => response.TryGetPrice(null!, out _));
    }

    [Test]
    public async Task Prices_read_from_the_API_are_found_in_any_case()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.WithOraclePrices(new Dictionary<string, decimal> { ["SOL-PERP"] = 168.42m, ["Jup-Perp"] = 0.8123m });

        var response = await fixture.Api.Oracle.GetOraclePricesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.Prices.Keys, Is.EquivalentTo(new[] { "SOL-PERP", "Jup-Perp" }), "the keys are kept as sent");
            Assert.That(response.TryGetPrice("sol-perp", out var sol) ? sol : -1, Is.EqualTo(168.42m));
            Assert.That(response.TryGetPrice("JUP-PERP", out var jup) ? jup : -1, Is.EqualTo(0.8123m));
            Assert.That(response.TryGetPrice("ETH-PERP", out _), Is.False);
        });
    }
}
