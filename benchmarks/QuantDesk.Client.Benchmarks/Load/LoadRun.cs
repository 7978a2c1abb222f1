using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Benchmarks.InMemory;
using QuantDesk.Client.Benchmarks.Variants;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// Many calls against Kestrel on 127.0.0.1 with a fixed number in flight, through three clients interleaved round by
/// round so each meets the same machine: raw HttpClient (the baseline), ours (AddQuantDeskClient, every feature on)
/// and the hand-rolled peer (typed HttpClient, static Bearer handler, AddStandardResilienceHandler). Reports calls/s
/// (the median round, and its ratio to raw), latency percentiles, errors, and TIME_WAIT sockets on the server port.
/// </summary>
public static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        await using var server = await LoopbackApiServer.StartAsync();
        await using var ours = FullPipeline.Create(server.BaseAddress);
        await using var handRolled = PeerPipelines.HandRolled(server.BaseAddress);
        using var rawHttp = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        var raw = new RawHttpClientApi(rawHttp);
        var oursClient = ours.GetRequiredService<IBacktestClient>();
        var handRolledClient = handRolled.GetRequiredService<RawHttpClientApi>();
        (string Name, Func<Task<bool>> Call)[] variants =
        [
            ("raw HttpClient", async () => (await raw.GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false)).Data?.RunId == ExampleBodies.RunId),
            ("ours, full pipeline", async () => (await oursClient.GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false)).Data.RunId == ExampleBodies.RunId),
            ("hand-rolled + standard resilience", async () => (await handRolledClient.GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false)).Data?.RunId == ExampleBodies.RunId),
        ];

        var culture = CultureInfo.InvariantCulture;
        var port = server.BaseAddress.Port;
        Console.WriteLine(string.Create(culture, $"QuantDesk load run against Kestrel at {server.BaseAddress}: {settings.Calls} calls per variant per round, {settings.Rounds} rounds, variants interleaved"));
        var failed = false;
        foreach (var concurrency in settings.Concurrency)
        {
            // Warm-up: the JIT's tiers (with dynamic PGO, thousands of calls), the connection pools and the server,
            // twice over, outside the measurement.
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var (_, call) in variants)
                {
                    await RunCallsAsync(call, WarmUpCalls, concurrency, new long[WarmUpCalls]);
                }
            }

            var timeWaitBefore = TimeWaitSockets.Count(port);
            var results = variants.Select(_ => new List<(double CallsPerSecond, long[] Latencies, int Errors)>()).ToArray();
            var allocated = new long[variants.Length];
            for (var round = 0; round < settings.Rounds; round++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    var latencies = new long[settings.Calls];
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
                    var started = Stopwatch.GetTimestamp();
                    var errors = await RunCallsAsync(variants[v].Call, settings.Calls, concurrency, latencies);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    allocated[v] += GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore - (latencies.Length * sizeof(long));
                    Array.Sort(latencies);
                    results[v].Add((settings.Calls / elapsed.TotalSeconds, latencies, errors));
                }
            }

            var timeWaitAfter = TimeWaitSockets.Count(port);
            var rawMedian = Median(results[0]).CallsPerSecond;
            Console.WriteLine(string.Create(culture, $"\nconcurrency {concurrency}"));
            Console.WriteLine("| Variant | calls/s (median round) | vs raw | rounds (calls/s) | p50 ms | p99 ms | errors | allocated per call (client and server) |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            for (var v = 0; v < variants.Length; v++)
            {
                var median = Median(results[v]);
                var errors = results[v].Sum(result => result.Errors);
                failed |= errors > 0;
                Console.WriteLine(string.Create(culture,
                    $"| {variants[v].Name} | {median.CallsPerSecond:0} | {median.CallsPerSecond / rawMedian:0.00}× | {string.Join(" / ", results[v].Select(result => result.CallsPerSecond.ToString("0", culture)))} | {Milliseconds(Percentile(median.Latencies, 0.50)):0.00} | {Milliseconds(Percentile(median.Latencies, 0.99)):0.00} | {errors} | {allocated[v] / (double)(settings.Calls * settings.Rounds) / 1024:0.00} KB |"));
            }

            Console.WriteLine(string.Create(culture, $"TIME_WAIT on port {port}: before {timeWaitBefore}, after {timeWaitAfter}"));
        }

        return failed ? 1 : 0;
    }

    private const int WarmUpCalls = 10_000;

    private static (double CallsPerSecond, long[] Latencies, int Errors) Median(List<(double CallsPerSecond, long[] Latencies, int Errors)> rounds) =>
        rounds.OrderBy(round => round.CallsPerSecond).ElementAt(rounds.Count / 2);

    private static async Task<int> RunCallsAsync(Func<Task<bool>> call, int calls, int concurrency, long[] latencies)
    {
        var next = -1;
        var errors = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (!await call().ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception exception) when (exception is QuantDeskException or HttpRequestException or RawApiException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = Stopwatch.GetTimestamp() - started;
            }
        }));
        await Task.WhenAll(workers);
        return errors;
    }

    private static long Percentile(long[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
