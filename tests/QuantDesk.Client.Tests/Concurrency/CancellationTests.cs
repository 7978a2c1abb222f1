using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Concurrency;

public sealed class CancellationTests
{
    private const string RunId = "run-cancel";

    [Test]
    public async Task Cancelling_during_a_retry_delay_ends_the_call_without_waiting_out_the_delay()
    {
        // The fake clock never moves: the 10 s retry delay (and every timeout) lasts until the caller cancels, so a
        // call that ends at all was ended by the cancellation. The wall-clock limit only says "does not hang".
        using var fixture = new ClientFixture(options =>
        {
            options.TimeProvider = new FakeTimeProvider();
            options.Retry.BaseDelay = options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        });
        fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(503, "{}"));
        using var cancellation = new CancellationTokenSource();

        var call = fixture.Client.GetBacktestRunAsync(RunId, cancellation.Token);
        await WaitUntilAsync(() => fixture.Logs.Entries.Any(entry => entry.EventId.Id == 1002));
        await cancellation.CancelAsync();
        var exception = await Calls.CatchAsync(call.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.InstanceOf<OperationCanceledException>().And.Property(nameof(OperationCanceledException.CancellationToken)).EqualTo(cancellation.Token), exception?.ToString());
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
