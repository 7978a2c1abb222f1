using System.Text.Json;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class MarketsCommandTests
{
    [Test]
    public async Task Lists_markets_as_a_table_and_sends_the_asset_class_filter()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "list", "--asset-class", "crypto"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@"SOL-PERP\s+│\s+SOL\s+│\s+USD\s+│\s+crypto\s+│\s+50x\s+│\s+yes\s+│\s+pyth:SOL/USD"));
        Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Url, Does.EndWith("/api/v2/markets?asset_class=crypto"));
    }

    [Test]
    public async Task Markets_as_csv_have_a_header_and_one_line_per_market()
    {
        var result = await Tool.RunAsync("--sandbox", "markets", "list", "--csv");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Is.EqualTo(new[] { "Symbol,Base,Quote,Class,Max leverage,Active,Oracle feed", "SOL-PERP,SOL,USD,crypto,50x,yes,pyth:SOL/USD" }), "no sandbox notice in CSV");
    }

    [Test]
    public async Task One_market_shows_its_registry_entry()
    {
        var result = await Tool.RunAsync("--sandbox", "markets", "get", "SOL-PERP");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@"Max leverage\s+│\s+50x"));
        Assert.That(result.OutputLines, Has.Some.Match(@"Oracle feed\s+│\s+pyth:SOL/USD"));
    }

    [Test]
    public async Task An_unknown_market_exits_with_the_not_found_code()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "markets", "get", "NOPE-PERP"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.StartWith("quantdesk: "));
    }

    [Test]
    public async Task Leverage_tiers_list_each_asset_class_cap()
    {
        var result = await Tool.RunAsync("--sandbox", "markets", "tiers", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.That(json.RootElement.EnumerateArray().Select(tier => tier.GetProperty("asset_class").GetString()), Does.Contain("crypto"));
    }

    [Test]
    public async Task Stats_show_the_change_in_percent_and_keep_decimals_exact_in_json()
    {
        var human = await Tool.RunAsync("--sandbox", "markets", "stats", "SOL-PERP");
        var json = await Tool.RunAsync("--sandbox", "markets", "stats", "SOL-PERP", "--json");

        Assert.That(human.OutputLines, Has.Some.Match(@"24h change\s+│\s+-1\.87%"));
        Assert.That(human.OutputLines, Has.Some.Match(@"Open interest\s+│\s+4820100\.0\b"));
        Assert.That(json.Output, Does.Contain("\"open_interest\": 4820100.0").And.Contain("\"last_price\": 168.42"));
    }
}
