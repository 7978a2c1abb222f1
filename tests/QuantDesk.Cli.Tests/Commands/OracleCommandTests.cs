namespace QuantDesk.Cli.Tests.Commands;

public sealed class OracleCommandTests
{
    [Test]
    public async Task Shows_every_price_sorted_with_source_and_time()
    {
        var result = await Tool.RunAsync("--sandbox", "oracle", "prices");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@"^Oracle prices from pyth at \d{4}-\d\d-\d\d \d\d:\d\d UTC$"));
        var rows = result.OutputLines.Where(line => line.Contains("-PERP", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0], Does.Match(@"BTC-PERP\s+│\s+64210\.5"));
        Assert.That(rows[1], Does.Match(@"SOL-PERP\s+│\s+168\.42"));
    }

    [Test]
    public async Task Named_symbols_narrow_the_prices()
    {
        var result = await Tool.RunAsync("--sandbox", "oracle", "prices", "SOL-PERP", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("\"SOL-PERP\": 168.42").And.Not.Contain("BTC-PERP").And.Contain("\"source\": \"pyth\""));
    }

    [Test]
    public async Task A_symbol_the_oracle_does_not_price_exits_with_the_not_found_code()
    {
        var result = await Tool.RunAsync("--sandbox", "oracle", "prices", "DOGE-PERP");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.ErrorLines.Single(), Is.EqualTo("quantdesk: the oracle has no price for 'DOGE-PERP'; it prices BTC-PERP, SOL-PERP."));
    }
}
