using System.Diagnostics;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Security;

/// <summary>
/// Thousands of seeded hostile answers over a real loopback socket, against every kind of call the client makes:
/// each ends in a result or a documented <see cref="QuantDeskException"/>, quickly, with no server-sent control
/// character in its message, and never blames the caller with an <see cref="ArgumentException"/>.
/// </summary>
public sealed class HostileServerTests
{
    private const int Seed = 20261201;
    private const int Cases = 3000;

    [Test]
    public async Task Every_hostile_answer_ends_in_a_result_or_a_typed_exception()
    {
        var answers = new HostileAnswers(Seed);
        using var server = new RawHttpServer((stream, stop) => stream.WriteAsync(answers.Next(), stop).AsTask());
        var client = new BacktestClient(new QuantDeskClientOptions
        {
            BaseAddress = server.BaseAddress,
            AccessToken = "hostile-test-token",
            AttemptTimeout = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromSeconds(1),
            Retry = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2), MaxRetryAfter = TimeSpan.FromMilliseconds(20) },
        });
        var wait = new BacktestWaitOptions { Timeout = TimeSpan.FromMilliseconds(300), InitialPollInterval = TimeSpan.FromMilliseconds(5), NotFoundGracePeriod = TimeSpan.FromMilliseconds(20) };
        Func<Task>[] calls =
        [
            () => client.GetBacktestRunAsync("run-hostile"),
            () => client.ListBacktestDatasetsAsync(),
            () => client.SubmitBacktestRunAsync(Requests.Submission()),
            () => client.WaitForCompletionAsync("run-hostile", wait),
            () => client.SubmitAndWaitAsync(Requests.Submission(), wait),
        ];

        var outcomes = new Dictionary<string, int>();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var next = -1;
        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Cases)
            {
                var stopwatch = Stopwatch.StartNew();
                Exception? caught = null;
                try
                {
                    await calls[index % calls.Length]();
                }
                catch (Exception exception)
                {
                    caught = exception;
                }

                stopwatch.Stop();
                lock (outcomes)
                {
                    var name = caught?.GetType().Name ?? "result";
                    outcomes[name] = outcomes.GetValueOrDefault(name) + 1;
                    slowest = stopwatch.Elapsed > slowest ? stopwatch.Elapsed : slowest;
                    if (caught is not null and not QuantDeskException || caught?.Message.IndexOfAny(['\r', '\n', '\u0000', '\u0001', '\u001b']) >= 0)
                    {
                        failures.Add($"case {index}: {caught}");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkAsync)));

        TestContext.Out.WriteLine($"{Cases} hostile answers, seed {Seed}, slowest call {slowest.TotalMilliseconds:0} ms: " +
            string.Join(", ", outcomes.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}")));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Where(failure => !failure.Contains("could not be decoded", StringComparison.Ordinal)).Take(3)));
            Assert.That(slowest, Is.LessThan(TimeSpan.FromSeconds(30)), "no call hangs");
            Assert.That(outcomes.Keys, Has.Count.GreaterThan(3), "the generator reaches several outcomes");
        });
    }
}
