using System.Text.Json.Nodes;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.AotTests;

/// <summary>The whole lifecycle — catalog, submission, waiting — with reflection-based JSON off.</summary>
public sealed class ReflectionFreeLifecycleTests
{
    [Test]
    public async Task Lists_submits_and_waits_without_reflection()
    {
        using var sandbox = QuantDeskSandbox.Start().WithSubmittedRunsCompletingAfter(1);
        var client = new BacktestClient(new QuantDeskClientOptions { BaseAddress = sandbox.BaseAddress, AccessToken = "aot-token" });

        var dataset = (await client.ListBacktestDatasetsAsync()).Data.Single();
        var request = new SubmitBacktestRunRequest
        {
            DatasetId = dataset.DatasetId,
            Strategy = new JsonObject { ["kind"] = "grid", ["levels"] = new JsonArray(1.0, 2.5), ["name"] = "ünïcode" },
            Fees = 5,
            Slippage = 3,
            Funding = true,
        };
        var run = await client.SubmitAndWaitAsync(request, new BacktestWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(10) });

        Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That(run.Sharpe, Is.EqualTo(1.84));
        Assert.That(JsonNode.DeepEquals(sandbox.Submissions.Single().Strategy, request.Strategy), Is.True);
    }

    [Test]
    public void An_invalid_submission_is_refused_before_sending_without_reflection()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var client = new BacktestClient(new QuantDeskClientOptions { BaseAddress = sandbox.BaseAddress });
        var request = new SubmitBacktestRunRequest { DatasetId = " ", Strategy = [], Fees = 5, Slippage = 3, Funding = true };

        Assert.ThrowsAsync<ArgumentException>(() => client.SubmitBacktestRunAsync(request));
        Assert.That(sandbox.ReceivedRequests, Is.Empty);
    }
}
