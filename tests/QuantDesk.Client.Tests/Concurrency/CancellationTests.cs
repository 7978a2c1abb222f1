using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Concurrency;

public sealed class CancellationTests
{
    private const string RunId = "run-cancel";

    [Test]
    public async Task Cancelling_during_a_retry_delay_ends_the_call_within_100_ms()
    {
        // The fake clock never moves: the 10 s retry delay (and every timeout) lasts until the caller cancels.
        using var fixture = new ClientFixture(options =>
        {
            options.TimeProvider = new FakeTimeProvider();
            options.Retry.BaseDelay = options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        });
        fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(503, "{}"));
        using var cancellation = new CancellationTokenSource();

        var call = fixture.Client.GetBacktestRunAsync(RunId, cancellation.Token);
        await WaitUntilAsync(() => fixture.Logs.Entries.Any(entry => entry.EventId.Id == 1002));
        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var exception = await Calls.CatchAsync(call);
        stopwatch.Stop();

        TestContext.Out.WriteLine($"cancelled in the retry delay: ended {stopwatch.Elapsed.TotalMilliseconds:0.0} ms after Cancel");
        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.InstanceOf<OperationCanceledException>(), exception?.ToString());
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(100)));
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1), "no retry was sent");
        });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the retry was never scheduled");
            await Task.Delay(5);
        }
    }
}
