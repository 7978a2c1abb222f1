using System.Text.Json;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class DatasetsCommandTests
{
    [Test]
    public async Task Lists_the_sandbox_catalog_as_a_table()
    {
        var result = await Tool.RunAsync("--sandbox", "datasets", "list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines[0], Does.StartWith("QuantDesk sandbox (embedded, no network): http://"));
        Assert.That(result.OutputLines, Has.Some.Match(@"Dataset\s+│\s+Version\s+│\s+Symbol\s+│\s+Resolution"));
        Assert.That(result.OutputLines, Has.Some.Match(@"sol-perp-1h-2025\s+│\s+1\.2\.0\s+│\s+SOL-PERP\s+│\s+1h"));
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task Prints_every_dataset_of_the_api_as_json_with_the_api_field_names()
    {
        using var sandbox = QuantDeskSandbox.Start().WithDatasets(
            QuantDeskModelFactory.BacktestDataset("btc-perp-5m-2024", "2.0.1", "BTC-PERP", "5m"),
            QuantDeskModelFactory.BacktestDataset("eth-spot-1d"));

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "datasets", "list", "--json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var datasets = json.RootElement.EnumerateArray().ToList();
        Assert.That(datasets, Has.Count.EqualTo(2));
        Assert.That(datasets[0].GetProperty("dataset_id").GetString(), Is.EqualTo("btc-perp-5m-2024"));
        Assert.That(datasets[0].GetProperty("version").GetString(), Is.EqualTo("2.0.1"));
        Assert.That(datasets[0].GetProperty("symbol").GetString(), Is.EqualTo("BTC-PERP"));
        Assert.That(datasets[0].GetProperty("resolution").GetString(), Is.EqualTo("5m"));
        Assert.That(datasets[1].GetProperty("dataset_id").GetString(), Is.EqualTo("eth-spot-1d"));
        Assert.That(datasets[1].GetProperty("symbol").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Says_so_when_the_catalog_is_empty()
    {
        using var sandbox = QuantDeskSandbox.Start().WithDatasets();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "datasets", "list"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Is.EqualTo(new[] { "No datasets." }));
    }
}
