using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Concurrency;

public sealed class ConcurrentFaultTests
{
    private const int Calls = 1000;
    private const int Seed = 20250611;
    private const double FaultRate = 0.3;
    private const int MaxAttempts = 4;

    [Test]
    public async Task A_thousand_concurrent_calls_under_thirty_percent_injected_503s_all_complete_with_the_outcome_the_seed_dictates()
    {
        var attemptsPerRun = new ConcurrentDictionary<string, int>();
        var runBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());
        var errorBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ErrorBody("UNAVAILABLE", "Injected fault.").ToJsonString());
        using var server = new LoopbackHttpServer(request =>
        {
            var call = int.Parse(request.Target[(request.Target.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
            var attempt = attemptsPerRun.AddOrUpdate(request.Target, 1, (_, count) => count + 1);
            return Fails(call, attempt)
                ? new LoopbackAnswer(503, "application/json", errorBody)
                : new LoopbackAnswer(200, "application/json", runBody);
        });
        var client = new BacktestClient(new QuantDeskClientOptions
        {
            BaseAddress = server.BaseAddress,

            // Generous timeouts: an attempt slowed by a loaded machine must not add a retry the exact counts do not expect.
            AttemptTimeout = TimeSpan.FromSeconds(60),
            TotalTimeout = TimeSpan.FromSeconds(60),
            Retry = { MaxRetryAttempts = MaxAttempts - 1, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) },
        });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Calls).Select(call => Task.Run(async () =>
        {
            try
            {
                await client.GetBacktestRunAsync($"run-{call}");
                return "succeeded";
            }
            catch (QuantDeskApiException error) when (error.StatusCode == 503)
            {
                return "QuantDeskApiException (503)";
            }
        }))).WaitAsync(TimeSpan.FromSeconds(90));

        var expectedFailures = Enumerable.Range(0, Calls).Count(call => Enumerable.Range(1, MaxAttempts).All(attempt => Fails(call, attempt)));
        var expectedRequests = Enumerable.Range(0, Calls).Sum(call => Enumerable.Range(1, MaxAttempts).TakeWhile(attempt => Fails(call, attempt)).Count() is var failed && failed == MaxAttempts ? MaxAttempts : failed + 1);
        var counts = outcomes.GroupBy(outcome => outcome).ToDictionary(group => group.Key, group => group.Count());
        TestContext.Out.WriteLine($"{Calls} concurrent calls, {FaultRate:P0} injected 503s (seed {Seed}): {string.Join(", ", counts.Select(pair => $"{pair.Value} {pair.Key}"))}; {server.Requests} requests");
        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Has.Length.EqualTo(Calls), "every call completed");
            Assert.That(counts.GetValueOrDefault("QuantDeskApiException (503)"), Is.EqualTo(expectedFailures), "calls whose four attempts all drew a 503");
            Assert.That(counts.GetValueOrDefault("succeeded"), Is.EqualTo(Calls - expectedFailures));
            Assert.That(server.Requests, Is.EqualTo(expectedRequests), "a retry for every 503 until success or four attempts");
        });
    }

    /// <summary>
    /// Whether the server answers 503 to this attempt of this call: a fixed draw per (call, attempt), so the outcome
    /// does not depend on the order in which concurrent requests arrive. SplitMix64 mixes the key, because
    /// <see cref="Random"/> seeded with neighbouring numbers gives correlated first draws.
    /// </summary>
    private static bool Fails(int call, int attempt)
    {
        var mixed = unchecked((ulong)Seed << 32 ^ (ulong)(call * MaxAttempts + attempt)) + 0x9E3779B97F4A7C15UL;
        mixed = unchecked((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL);
        mixed = unchecked((mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL);
        mixed ^= mixed >> 31;
        return (mixed >> 11) * (1.0 / (1UL << 53)) < FaultRate;
    }
}
