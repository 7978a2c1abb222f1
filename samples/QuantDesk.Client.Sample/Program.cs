// Fetches a backtest run's metrics with QuantDesk.Client.
//   dotnet run --project samples/QuantDesk.Client.Sample                      (embedded sandbox, no network)
//   dotnet run --project samples/QuantDesk.Client.Sample -- --base-url https://api.quantdesk.app/ --run-id <id>
// The token comes from --token or the QUANTDESK_TOKEN environment variable; it is never printed.
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantDesk.Client;
using QuantDesk.Client.Sample;
using QuantDesk.Client.Testing;

var arguments = SampleArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: QuantDesk.Client.Sample [--base-url URL] [--token JWT] [--run-id ID]");
    return 2;
}

using var sandbox = arguments.BaseAddress is null ? QuantDeskSandbox.Start() : null;
var baseAddress = arguments.BaseAddress ?? sandbox!.BaseAddress;
Console.WriteLine(sandbox is null ? $"QuantDesk API: {baseAddress}" : $"QuantDesk sandbox (embedded): {baseAddress}");

var services = new ServiceCollection();
// One line per event; only the client's own warnings and errors (a retry that may still succeed is Information),
// and never Polly's internals.
services.AddLogging(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddFilter("Polly", LogLevel.None)
    .SetMinimumLevel(LogLevel.Warning));
services.AddQuantDeskClient(options =>
{
    options.BaseAddress = baseAddress;
    options.AccessToken = arguments.Token;
    options.ApplicationId = "quantdesk-sample/1.0";
});
await using var provider = services.BuildServiceProvider();
var backtests = provider.GetRequiredService<IBacktestClient>();

try
{
    var run = (await backtests.GetBacktestRunAsync(arguments.RunId)).Data;
    Console.WriteLine($"Run        {run.RunId}");
    Console.WriteLine($"Status     {run.Status}");
    Console.WriteLine($"Sharpe     {run.Sharpe:0.00}");
    Console.WriteLine($"DSR        {run.Dsr:0.00}");
    Console.WriteLine($"Max DD     {Percent(run.MaxDrawdown)}");
}
catch (QuantDeskNotFoundException error)
{
    Console.Error.WriteLine($"No such run: {error.ServerMessage} (code {error.ErrorCode}, request id {error.RequestId})");
    return 3;
}
catch (QuantDeskException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

if (sandbox is not null)
{
    // The sandbox also shows what a typed error looks like.
    try
    {
        await backtests.GetBacktestRunAsync("no-such-run");
    }
    catch (QuantDeskNotFoundException error)
    {
        Console.WriteLine($"Unknown run -> {nameof(QuantDeskNotFoundException)}: {error.ErrorCode}, request id {error.RequestId}");
    }
}

return 0;

// -0.14 reads -14.0%, on every machine.
static string Percent(double? fraction) =>
    fraction is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
