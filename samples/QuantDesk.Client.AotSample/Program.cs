// Reads every area of the API (markets, orderbook, oracle, portfolio, market data, social, referrals), then fetches a
// backtest run's metrics, lists the datasets, submits a strategy and waits for it, from a Native AOT application.
//   dotnet publish samples/QuantDesk.Client.AotSample -c Release -r linux-x64 -o artifacts/aot-sample
//   artifacts/aot-sample/QuantDesk.Client.AotSample --base-url http://127.0.0.1:PORT/ [--run-id ID]
// Run samples/QuantDesk.Client.SandboxHost for a local address. The token comes from QUANTDESK_TOKEN; never printed.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantDesk.Client;

if (args is not ["--base-url", var url, ..] || !Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
{
    Console.Error.WriteLine("usage: QuantDesk.Client.AotSample --base-url URL [--run-id ID]");
    return 2;
}

var runId = args is [_, _, "--run-id", var id] ? id : "b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b";
Console.WriteLine($"QuantDesk API: {baseAddress} (Native AOT: {!RuntimeFeature.IsDynamicCodeSupported})");

// Options bound from configuration, as most applications do; the binding is generated at compile time.
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["QuantDesk:BaseAddress"] = baseAddress.ToString(),
    ["QuantDesk:ApplicationId"] = "quantdesk-aot-sample/1.0",
    ["QuantDesk:Retry:MaxRetryAttempts"] = "2",
}).Build();

var services = new ServiceCollection();
services.AddLogging(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddFilter("Polly", LogLevel.None)
    .SetMinimumLevel(LogLevel.Warning));
services.AddQuantDeskClient(configuration.GetSection("QuantDesk"), options => options.AccessToken = Environment.GetEnvironmentVariable("QUANTDESK_TOKEN"));
await using var provider = services.BuildServiceProvider();
var api = provider.GetRequiredService<IQuantDeskClient>();
var backtests = provider.GetRequiredService<IBacktestClient>();

// Every area, through the same generated metadata; money is decimal, times are UTC.
try
{
    var markets = (await api.Markets.ListMarketsAsync(AssetClass.Crypto)).Data;
    var book = (await api.Markets.GetOrderbookAsync(markets[0].Symbol!)).Data;
    var prices = await api.Oracle.GetOraclePricesAsync();
    var candles = (await api.MarketData.GetCandlesAsync(markets[0].Symbol!, CandleResolution.OneHour)).Data;
    var stats = (await api.MarketData.GetMarketStatsAsync(markets[0].Symbol!)).Data;
    var positions = (await api.Portfolio.GetPortfolioPositionsAsync()).Data;
    var leaders = new List<LeaderboardRow>();
    await foreach (var row in api.Social.GetLeaderboardRowsAsync(pageSize: 5))
    {
        leaders.Add(row);
    }

    var loop = (await api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin" })).Data;
    Console.WriteLine($"Markets    {markets.Count}: {markets[0].Symbol} max leverage {markets[0].MaxLeverage}");
    Console.WriteLine($"Orderbook  bid {book.BestBid?.Price} ask {book.BestAsk?.Price} spread {book.Spread}");
    Console.WriteLine($"Oracle     SOL-PERP {(prices.TryGetPrice("SOL-PERP", out var sol) ? sol : null)} at {prices.Timestamp:O}");
    Console.WriteLine($"Candles    {candles.Count}: {candles[0].Time:O} close {candles[0].Close}");
    Console.WriteLine($"Stats      last {stats.LastPrice} volume {stats.Volume24h}");
    Console.WriteLine($"Positions  {positions.Count}: {positions[0].Market} {positions[0].Side} {positions[0].Size} PnL {positions[0].UnrealizedPnl}");
    Console.WriteLine($"Leaders    {leaders.Count}: {leaders[0].Leader} {leaders[0].TotalPnl}");
    Console.WriteLine($"Referral   loop {loop.IsLoop}");
}
catch (QuantDeskException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

try
{
    var run = (await backtests.GetBacktestRunAsync(runId)).Data;
    Console.WriteLine($"Run        {run.RunId}");
    Console.WriteLine($"Status     {run.Status}");
    Console.WriteLine($"Sharpe     {run.Sharpe:0.00}");
    Console.WriteLine($"DSR        {run.Dsr:0.00}");
    Console.WriteLine($"Max DD     {Percent(run.MaxDrawdown)}");
}
catch (QuantDeskException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

// A typed error, read through the same generated metadata.
try
{
    await backtests.GetBacktestRunAsync("no-such-run");
    Console.Error.WriteLine("An unknown run was found.");
    return 1;
}
catch (QuantDeskNotFoundException error)
{
    Console.WriteLine($"Unknown run -> {nameof(QuantDeskNotFoundException)}: {error.ErrorCode}, request id {error.RequestId}");
}

// The lifecycle: the catalog, a submission (a free-form JSON strategy card) and the wait, all without reflection.
try
{
    var dataset = (await backtests.ListBacktestDatasetsAsync()).Data[0];
    var strategy = new JsonObject { ["kind"] = "mean_reversion", ["lookback"] = 24, ["entry_z"] = 2.0 };
    var request = new SubmitBacktestRunRequest { DatasetId = dataset.DatasetId, Strategy = strategy, Fees = 5, Slippage = 3, Funding = true };
    var finished = await backtests.SubmitAndWaitAsync(request, new BacktestWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(100) });
    Console.WriteLine($"Lifecycle  {dataset.DatasetId} -> {finished.RunId} {finished.Status}, Sharpe {finished.Sharpe:0.00}");
}
catch (QuantDeskException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

return 0;

// -0.14 reads -14.0%, on every machine.
static string Percent(double? fraction) =>
    fraction is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
