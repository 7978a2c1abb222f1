using Polly;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Concurrency;

/// <summary>
/// The caller's cancellation raced against the attempt and total timeouts, hundreds of times with seeded timings,
/// against a loopback server that never answers: every call ends as an <see cref="OperationCanceledException"/>
/// carrying the caller's own token, or as a <see cref="QuantDeskTimeoutException"/> when the timeout came first;
/// no Polly type, and nothing else, ever reaches the caller.
/// </summary>
public sealed class CancellationRaceTests
{
    private const int Seed = 4242;

    [TestCase(40, 1000, 2, TestName = "Cancellation_racing_the_attempt_timeout_surfaces_as_the_callers_cancellation_or_a_timeout")]
    [TestCase(40, 40, 0, TestName = "Cancellation_racing_the_total_timeout_surfaces_as_the_callers_cancellation_or_a_timeout")]
    public async Task Cancellation_racing_a_timeout(int attemptTimeoutMs, int totalTimeoutMs, int retries)
    {
        using var server = new RawHttpServer((_, stop) => Task.Delay(Timeout.Infinite, stop));
        var client = new BacktestClient(new QuantDeskClientOptions
        {
            BaseAddress = server.BaseAddress,
            AttemptTimeout = TimeSpan.FromMilliseconds(attemptTimeoutMs),
            TotalTimeout = TimeSpan.FromMilliseconds(totalTimeoutMs),
            Retry = { MaxRetryAttempts = retries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) },
        });
        const int calls = 300;
        var random = new Random(Seed);
        var delays = Enumerable.Range(0, calls).Select(_ => random.Next(10, 3 * (attemptTimeoutMs + 10))).ToArray();
        var outcomes = new Dictionary<string, int>();
        var wrong = new List<string>();

        using var parallel = new SemaphoreSlim(32);
        await Task.WhenAll(delays.Select(async delay =>
        {
            await parallel.WaitAsync();
            using var release = new Releaser(parallel);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            Exception? caught = null;
            try
            {
                await client.GetBacktestRunAsync("run-race", cancellation.Token);
            }
            catch (Exception exception)
            {
                caught = exception;
            }

            lock (outcomes)
            {
                outcomes[caught?.GetType().Name ?? "result"] = outcomes.GetValueOrDefault(caught?.GetType().Name ?? "result") + 1;
                var right = caught switch
                {
                    OperationCanceledException canceled => canceled.CancellationToken == cancellation.Token && cancellation.IsCancellationRequested,
                    QuantDeskTimeoutException timeout => timeout.InnerException is TimeoutException,
                    _ => false,
                };
                if (!right || ContainsPollyType(caught))
                {
                    wrong.Add(caught?.ToString() ?? "a result from a server that never answers");
                }
            }
        }));

        TestContext.Out.WriteLine($"{calls} calls: " + string.Join(", ", outcomes.Select(pair => $"{pair.Key} {pair.Value}")));
        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty, string.Join("\n\n", wrong.Take(3)));
            Assert.That(outcomes.Keys, Does.Contain(nameof(QuantDeskTimeoutException)), "the race has both sides");
            Assert.That(outcomes.Keys.Where(name => name.EndsWith("CanceledException", StringComparison.Ordinal)), Is.Not.Empty, "the race has both sides");
        });
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    private static bool ContainsPollyType(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.GetType().Assembly == typeof(ResiliencePipeline).Assembly)
            {
                return true;
            }
        }

        return false;
    }
}
