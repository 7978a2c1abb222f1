// Registers the packed client the way the README says, reads an area of each kind through the root client and runs
// the backtest lifecycle against the sandbox from the packed testing package.
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client;
using QuantDesk.Client.Testing;

using var sandbox = QuantDeskSandbox.Start();
var services = new ServiceCollection();
services.AddQuantDeskClient(options =>
{
    options.BaseAddress = sandbox.BaseAddress;
    options.AccessToken = "smoke-token";
});
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IBacktestClient>();

var run = (await client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).Data;
var failures = new List<string>();
if (run.RunId != QuantDeskSandbox.ExampleRunId || run.Sharpe != 1.84 || run.Dsr != 0.72 || run.MaxDrawdown != -0.14)
{
    failures.Add($"unexpected run: {run.RunId} sharpe={run.Sharpe} dsr={run.Dsr} maxDrawdown={run.MaxDrawdown}");
}

try
{
    await client.GetBacktestRunAsync("unknown-run");
    failures.Add("an unknown run did not throw");
}
catch (QuantDeskNotFoundException error) when (error.StatusCode == 404)
{
}

// The other areas through the root client: decimals, UTC times, the secured portfolio.
var quantDesk = provider.GetRequiredService<IQuantDeskClient>();
var book = (await quantDesk.Markets.GetOrderbookAsync("SOL-PERP")).Data;
var candle = (await quantDesk.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour)).Data[0];
var positions = (await quantDesk.Portfolio.GetPortfolioPositionsAsync()).Data;
if (book.BestBid?.Price != 168.40m || candle.Time != DateTimeOffset.FromUnixTimeMilliseconds(1767394200000) || positions[0].UnrealizedPnl != 104.0m)
{
    failures.Add($"unexpected areas: bid={book.BestBid?.Price} candle={candle.Time:O} pnl={positions[0].UnrealizedPnl}");
}

// The lifecycle through the packed test kit: a submission that the sandbox completes after one poll.
sandbox.WithSubmittedRunsCompletingAfter(1).FailNextRequests(503);
var datasets = (await client.ListBacktestDatasetsAsync()).Data;
var finished = await client.SubmitAndWaitAsync(
    new SubmitBacktestRunRequest { DatasetId = datasets[0].DatasetId, Strategy = new() { ["kind"] = "smoke" }, Fees = 5, Slippage = 3, Funding = true },
    new BacktestWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(20) });
if (!finished.Status.IsCompleted || finished.Sharpe != 1.84 || sandbox.Submissions.Count != 1)
{
    failures.Add($"unexpected lifecycle: {finished.Status} sharpe={finished.Sharpe} submissions={sandbox.Submissions.Count}");
}

var version = typeof(IBacktestClient).Assembly.GetName().Version;
foreach (var failure in failures)
{
    Console.Error.WriteLine($"consumer smoke test: {failure}");
}

Console.WriteLine(failures.Count == 0
    ? $"consumer smoke test passed (QuantDesk.Client {version} from the packed package)"
    : "consumer smoke test failed");
return failures.Count == 0 ? 0 : 1;
