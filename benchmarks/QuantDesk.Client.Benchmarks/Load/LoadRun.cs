using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Benchmarks.InMemory;
using QuantDesk.Client.Benchmarks.Variants;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// Many calls against Kestrel on 127.0.0.1 with a fixed number in flight, through four clients interleaved round by
/// round so each meets the same machine: raw HttpClient (the baseline), ours (AddQuantDeskClient, every feature on),
/// ours as four named clients in one container with the calls spread over them, and the hand-rolled peer (typed
/// HttpClient, static Bearer handler, AddStandardResilienceHandler). Reports calls/s (the median round, and its ratio
/// to raw and to the peer), latency percentiles, errors, the connections each client holds after the run and
/// TIME_WAIT sockets on the server port, and checks that the named clients send on one connection pool.
/// </summary>
public static class LoadRun
{
    private const int Raw = 0;
    private const int Named = 2;
    private const int HandRolled = 3;

    public static async Task<int> RunAsync(LoadSettings settings)
    {
        await using var server = await LoopbackApiServer.StartAsync();
        await using var ours = FullPipeline.Create(server.BaseAddress);
        await using var named = NamedPipelines.Create(server.BaseAddress);
        await using var handRolled = PeerPipelines.HandRolled(server.BaseAddress);
        using var rawHttp = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        var raw = new RawHttpClientApi(rawHttp);
        var oursClient = ours.GetRequiredService<IBacktestClient>();
        var namedClient = RoundRobin(NamedPipelines.Names.Select(name => named.GetRequiredKeyedService<IBacktestClient>(name)).ToArray());
        var namedPortfolio = RoundRobin(NamedPipelines.Names.Select(name => named.GetRequiredKeyedService<IPortfolioClient>(name)).ToArray());
        var handRolledClient = handRolled.GetRequiredService<RawHttpClientApi>();
        (string Name, Func<Task<bool>> Call)[] variants =
        [
            ("raw HttpClient", async () => (await raw.GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false)).Data?.RunId == ExampleBodies.RunId),
            ("ours, full pipeline", async () => (await oursClient.GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false)).Data.RunId == ExampleBodies.RunId),
            ($"ours, {NamedPipelines.Names.Count} named clients", async () => (await namedClient().GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false)).Data.RunId == ExampleBodies.RunId),
            ("hand-rolled + standard resilience", async () => (await handRolledClient.GetBacktestRunAsync(ExampleBodies.RunId).ConfigureAwait(false)).Data?.RunId == ExampleBodies.RunId),
        ];

        var culture = CultureInfo.InvariantCulture;
        var port = server.BaseAddress.Port;
        Console.WriteLine(string.Create(culture, $"QuantDesk load run against Kestrel at {server.BaseAddress}: {settings.Calls} calls per variant per round, {settings.Rounds} rounds, variants interleaved"));
        var owners = new ConnectionOwners(port);
        var highestConcurrency = 0;
        var failed = false;
        foreach (var concurrency in settings.Concurrency)
        {
            highestConcurrency = Math.Max(highestConcurrency, concurrency);

            // Warm-up: the JIT's tiers (with dynamic PGO, thousands of calls), the connection pools and the server,
            // twice over, outside the measurement.
            for (var pass = 0; pass < 2; pass++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    await RunCallsAsync(variants[v].Call, WarmUpCalls, concurrency, new long[WarmUpCalls]);
                    owners.AfterTurnOf(v);
                }
            }

            var timeWaitBefore = TcpSockets.TimeWaitCount(port);
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
                    owners.AfterTurnOf(v);
                    Array.Sort(latencies);
                    results[v].Add((settings.Calls / elapsed.TotalSeconds, latencies, errors));
                }
            }

            var timeWaitAfter = TcpSockets.TimeWaitCount(port);
            var (established, unattributed) = owners.Established(variants.Length);
            var rawMedian = Median(results[Raw]).CallsPerSecond;
            var handRolledMedian = Median(results[HandRolled]).CallsPerSecond;
            Console.WriteLine(string.Create(culture, $"\nconcurrency {concurrency}"));
            Console.WriteLine("| Variant | calls/s (median round) | vs raw | vs hand-rolled | rounds (calls/s) | p50 ms | p99 ms | errors | allocated per call (client and server) | connections after |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (var v = 0; v < variants.Length; v++)
            {
                var median = Median(results[v]);
                var errors = results[v].Sum(result => result.Errors);
                failed |= errors > 0;
                Console.WriteLine(string.Create(culture,
                    $"| {variants[v].Name} | {median.CallsPerSecond:0} | {median.CallsPerSecond / rawMedian:0.00}× | {median.CallsPerSecond / handRolledMedian:0.00}× | {string.Join(" / ", results[v].Select(result => result.CallsPerSecond.ToString("0", culture)))} | {Milliseconds(Percentile(median.Latencies, 0.50)):0.00} | {Milliseconds(Percentile(median.Latencies, 0.99)):0.00} | {errors} | {allocated[v] / (double)(settings.Calls * settings.Rounds) / 1024:0.00} KB | {established[v]} |"));
            }

            Console.WriteLine(string.Create(culture, $"TIME_WAIT on port {port}: before {timeWaitBefore}, after {timeWaitAfter}"));
            Console.WriteLine(string.Create(culture, $"ESTABLISHED client connections to port {port} after the run: {established.Sum() + unattributed} ({unattributed} opened by none of the variants)"));
            failed |= !await CheckOnePoolAsync(server.Tokens, variants[Named].Name, NamedAuthenticatedCall(namedPortfolio), established[Named], concurrency, highestConcurrency);
        }

        return failed ? 1 : 0;
    }

    private const int WarmUpCalls = 10_000;
    private const int PoolCheckCalls = 4_000;

    // One pool holds at most as many connections as calls were ever in flight; a pool per name could hold that many
    // each. The server's view decides it: only on a shared pool does one connection carry several names' tokens.
    private static async Task<bool> CheckOnePoolAsync(ConnectionTokens tokens, string name, Func<Task<bool>> call, int established, int concurrency, int highestConcurrency)
    {
        tokens.Start();
        var errors = await RunCallsAsync(call, PoolCheckCalls, concurrency, new long[PoolCheckCalls]);
        tokens.Stop();
        var onePool = errors == 0
            && established <= highestConcurrency
            && tokens.Tokens == NamedPipelines.Names.Count
            && tokens.ConnectionsWithSeveralTokens > 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {established} connections after the run (one pool holds at most {highestConcurrency}); a further {PoolCheckCalls} calls ({errors} errors) brought {tokens.Tokens} distinct tokens to the server on {tokens.Connections} connections, {tokens.ConnectionsWithSeveralTokens} of which carried more than one name's token: {(onePool ? "one shared pool" : "FAILED, not one shared pool")}"));
        return onePool;
    }

    // The run the load fetches is a public operation, which carries no token; the portfolio declares security, so
    // each name puts its own token on the wire.
    private static Func<Task<bool>> NamedAuthenticatedCall(Func<IPortfolioClient> portfolio) =>
        async () => (await portfolio().GetPortfolioAsync().ConfigureAwait(false)).Success == true;

    // In turn across all the workers, so each name carries an equal share of the calls however they are scheduled.
    private static Func<T> RoundRobin<T>(T[] items)
    {
        var next = -1;
        return () => items[(int)((uint)Interlocked.Increment(ref next) % (uint)items.Length)];
    }

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
