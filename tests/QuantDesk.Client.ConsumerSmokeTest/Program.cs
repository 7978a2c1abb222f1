// Registers the packed client the way the README says and calls the sandbox from the packed testing package.
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client;
using QuantDesk.Client.Testing;

using var sandbox = QuantDeskSandbox.Start();
var services = new ServiceCollection();
services.AddQuantDeskClient(options => options.BaseAddress = sandbox.BaseAddress);
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

var version = typeof(IBacktestClient).Assembly.GetName().Version;
foreach (var failure in failures)
{
    Console.Error.WriteLine($"consumer smoke test: {failure}");
}

Console.WriteLine(failures.Count == 0
    ? $"consumer smoke test passed (QuantDesk.Client {version} from the packed package)"
    : "consumer smoke test failed");
return failures.Count == 0 ? 0 : 1;
