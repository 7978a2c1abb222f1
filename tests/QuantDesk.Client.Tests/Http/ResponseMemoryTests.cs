using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Http;

/// <summary>A declared <c>Content-Length</c> is a promise, not bytes: memory grows only with what arrives.</summary>
public sealed class ResponseMemoryTests
{
    private const int Answers = 20;
    private const int Declared = 4 * 1024 * 1024;

    [Test]
    public async Task Twenty_answers_that_declare_4_MiB_and_send_nothing_hold_no_4_MiB_buffers()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii($"HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: {Declared}\n\n{{"), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        var client = new BacktestClient(new QuantDeskClientOptions
        {
            BaseAddress = server.BaseAddress,
            AttemptTimeout = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromMilliseconds(500),
            Retry = { MaxRetryAttempts = 0 },
        });
        await Calls.CatchAsync(client.GetBacktestRunAsync("warm-up"));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Answers).Select(i => Calls.CatchAsync(client.GetBacktestRunAsync("run-" + i))));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"{Answers} stalled answers declaring {Declared} bytes each: {allocated / 1024.0:0} KiB allocated in all");
        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Has.All.InstanceOf<QuantDeskTimeoutException>());
            Assert.That(allocated, Is.LessThan(Answers * Declared / 8), "far less than the declared lengths");
        });
    }
}
