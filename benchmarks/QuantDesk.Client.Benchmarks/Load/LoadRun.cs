using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Benchmarks.InMemory;
using QuantDesk.Client.Benchmarks.Variants;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// Many calls through the full pipeline (AddQuantDeskClient, real sockets) against Kestrel on 127.0.0.1, with a
/// fixed number in flight: throughput, latency percentiles, errors, and TIME_WAIT sockets on the server port
/// before and after, which stay flat when connections are pooled.
/// </summary>
public static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        await using var server = await LoopbackApiServer.StartAsync();
        await using var services = FullPipeline.Create(server.BaseAddress);
        var client = services.GetRequiredService<IBacktestClient>();

        // Warm-up: JIT, the connection pool and the server, outside the measurement.
        await RunCallsAsync(client, Math.Min(2_000, settings.Calls), settings.Concurrency, new long[Math.Min(2_000, settings.Calls)]);

        var port = server.BaseAddress.Port;
        var timeWaitBefore = TimeWaitSockets.Count(port);
        var latencies = new long[settings.Calls];
        var started = Stopwatch.GetTimestamp();
        var errors = await RunCallsAsync(client, settings.Calls, settings.Concurrency, latencies);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var timeWaitAfter = TimeWaitSockets.Count(port);

        Array.Sort(latencies);
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture, $"QuantDesk load run: {settings.Calls} calls, concurrency {settings.Concurrency}, full pipeline (AddQuantDeskClient) against Kestrel at {server.BaseAddress}"));
        Console.WriteLine(string.Create(culture, $"elapsed      {elapsed.TotalSeconds:0.000} s"));
        Console.WriteLine(string.Create(culture, $"throughput   {settings.Calls / elapsed.TotalSeconds:0} calls/s"));
        Console.WriteLine(string.Create(culture, $"latency p50  {Milliseconds(Percentile(latencies, 0.50)):0.000} ms"));
        Console.WriteLine(string.Create(culture, $"latency p99  {Milliseconds(Percentile(latencies, 0.99)):0.000} ms"));
        Console.WriteLine(string.Create(culture, $"latency max  {Milliseconds(latencies[^1]):0.000} ms"));
        Console.WriteLine(string.Create(culture, $"errors       {errors}"));
        Console.WriteLine(string.Create(culture, $"TIME_WAIT on port {port}: before {timeWaitBefore}, after {timeWaitAfter}"));
        return errors == 0 ? 0 : 1;
    }

    private static async Task<int> RunCallsAsync(IBacktestClient client, int calls, int concurrency, long[] latencies)
    {
        var next = -1;
        var errors = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int call;
            while ((call = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var run = await client.GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false);
                    if (run.Data.RunId != ExampleBodies.RunId)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (QuantDeskException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[call] = Stopwatch.GetTimestamp() - started;
            }
        }));
        await Task.WhenAll(workers);
        return errors;
    }

    private static long Percentile(long[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
