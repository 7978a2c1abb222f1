using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Clients;

public sealed class ListBacktestDatasetsContractTests
{
    [Test]
    public async Task Maps_the_contract_example_field_by_field()
    {
        using var fixture = new ClientFixture();

        var response = await fixture.Client.ListBacktestDatasetsAsync();

        var dataset = response.Data.Single();
        Assert.That(
            (dataset.DatasetId, dataset.Version, dataset.Symbol, dataset.Resolution),
            Is.EqualTo(("sol-perp-1h-2025", "1.2.0", "SOL-PERP", "1h")));
        Assert.That(fixture.Sandbox.ReceivedRequests.Single().ToString(), Is.EqualTo("GET /api/v2/backtest/datasets"));
    }

    [Test]
    public async Task Reads_a_catalog_with_only_the_ids()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.WithDatasets(QuantDeskModelFactory.BacktestDataset("btc-perp-1m-2024"), QuantDeskModelFactory.BacktestDataset("eth-perp-5m-2025"));

        var response = await fixture.Client.ListBacktestDatasetsAsync();

        Assert.That(response.Data.Select(dataset => dataset.DatasetId), Is.EqualTo(new[] { "btc-perp-1m-2024", "eth-perp-5m-2025" }));
        Assert.That(response.Data.Select(dataset => dataset.Version), Is.All.Null);
    }

    [Test]
    public async Task A_failing_catalog_request_is_retried_like_any_read()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.FailNextRequests(503, 502);

        var response = await fixture.Client.ListBacktestDatasetsAsync();

        Assert.That(response.Data, Has.Count.EqualTo(1));
        Assert.That(fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(3));
    }
}
