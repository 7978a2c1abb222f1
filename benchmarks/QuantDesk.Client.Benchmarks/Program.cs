// Benchmarks of the ways to call QuantDesk from .NET (BenchmarkDotNet), or a load run against Kestrel on loopback.
//   dotnet run -c Release --project benchmarks/QuantDesk.Client.Benchmarks                 (all benchmarks)
//   dotnet run -c Release --project benchmarks/QuantDesk.Client.Benchmarks -- --filter '*'  (BenchmarkDotNet arguments)
//   dotnet run -c Release --project benchmarks/QuantDesk.Client.Benchmarks -- --load [--calls N] [--rounds N] [--concurrency N]...
using BenchmarkDotNet.Running;
using QuantDesk.Client.Benchmarks;
using QuantDesk.Client.Benchmarks.Load;

if (args.Length > 0 && args[0] == "--load")
{
    return await LoadRun.RunAsync(LoadSettings.Parse(args.AsSpan(1)));
}

var switcherArgs = args.Length == 0 ? ["--filter", "*"] : args;
BenchmarkSwitcher.FromAssembly(typeof(GetBacktestRunBenchmarks).Assembly).Run(switcherArgs, BenchmarkConfig.Create());
return 0;
