using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Http;

/// <summary>
/// Answers whose headers are there at once but whose body comes later, from a stream of the caller's own making (a
/// cache, a test double, a decompressing wrapper): the body is still read whole, and cut off by the attempt timeout.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SlowBodyTests
{
    private static readonly byte[] RunBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody("run-slow-body").ToJsonString());

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task A_body_that_arrives_after_its_headers_is_read_whole()
    {
        using var fixture = Fixture(() => new LaterStream(RunBody));

        var run = await fixture.Client.GetBacktestRunAsync("run-slow-body").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(run.Data.RunId, Is.EqualTo("run-slow-body"));
    }

    [Test]
    public async Task A_stream_that_reports_the_attempt_timeout_as_a_broken_read_still_ends_in_the_timeout()
    {
        var stream = new StallingStream();
        using var fixture = Fixture(() => stream);

        var call = fixture.Client.GetBacktestRunAsync("run-slow-body");
        await Eventually.TrueAsync(() => stream.IsReading, "the body is being read");
        _clock.Advance(TimeSpan.FromSeconds(5));

        var timedOut = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.That(timedOut!.Message, Does.Contain("AttemptTimeout (5 s)"));
    }

    private ClientFixture Fixture(Func<Stream> body) => new(
        options =>
        {
            options.TimeProvider = _clock;
            options.Retry.MaxRetryAttempts = 0;
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.TotalTimeout = TimeSpan.FromSeconds(30);
        },
        builder => builder.AddHttpMessageHandler(() => new AnswerAtOnce(HttpStatusCode.OK, () => new StreamContent(body()))));

    // Gives its bytes only after yielding, so no read completes at once.
    private sealed class LaterStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }

    // Never gives a byte; when the read is cancelled it fails as a broken stream would, with an IOException.
    private sealed class StallingStream : MemoryStream
    {
        private int _reading;

        public bool IsReading => Volatile.Read(ref _reading) == 1;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Volatile.Write(ref _reading, 1);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException exception)
            {
                throw new IOException("The stream was closed.", exception);
            }

            return 0;
        }
    }
}
