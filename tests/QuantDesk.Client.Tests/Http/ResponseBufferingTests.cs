using System.Diagnostics;
using System.Net.Sockets;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.Tests.Http;

public sealed class ResponseBufferingTests
{
    private const string Head = "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 1000\n\n";

    [Test]
    public void A_body_that_stalls_after_the_headers_is_cut_off_by_the_timeouts()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii(Head + "{\"success\""), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        var client = Client(server.BaseAddress, attemptTimeout: TimeSpan.FromMilliseconds(200), totalTimeout: TimeSpan.FromSeconds(3));

        // A client without a body timeout would hang here: the 30 s limit turns that into a failure.
        Assert.ThrowsAsync<QuantDeskTimeoutException>(() => client.GetBacktestRunAsync("stalled").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.That(server.Connections, Is.GreaterThanOrEqualTo(2), "the stalled attempt was retried before the total timeout");
    }

    [Test]
    public void A_connection_reset_in_the_middle_of_the_body_is_retried_then_typed()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii(Head + "{\"success\": true, \"da"), stop);
            stream.Socket.LingerState = new LingerOption(true, 0);
            stream.Socket.Close();
        });
        var client = Client(server.BaseAddress, maxRetries: 2);

        var error = Assert.ThrowsAsync<QuantDeskConnectionException>(() => client.GetBacktestRunAsync("reset"));

        Assert.That(error!.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(server.Connections, Is.EqualTo(3));
    }

    [Test]
    public void A_body_over_the_size_cap_without_a_content_length_is_refused_and_not_retried()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 200 OK\nContent-Type: application/json\nConnection: close\n\n"), stop);
            await stream.WriteAsync(new byte[8 * 1024], stop);
        });
        var client = Client(server.BaseAddress, maxResponseContentLength: 4096);

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => client.GetBacktestRunAsync("huge"));

        Assert.That(error!.Message, Does.Contain("with a body of more than 4096 bytes, over the 4096 bytes allowed by QuantDeskClientOptions.MaxResponseContentLength"));
        Assert.That((error.StatusCode, server.Connections), Is.EqualTo(((int?)200, 1)));
    }

    [Test]
    public void An_attempt_cut_off_by_its_own_limit_names_AttemptTimeout()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii(Head + "{\"success\""), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        var client = Client(server.BaseAddress, attemptTimeout: TimeSpan.FromMilliseconds(200), totalTimeout: TimeSpan.FromSeconds(20), maxRetries: 0);

        var error = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => client.GetBacktestRunAsync("stalled").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.That(error!.Message, Is.EqualTo("QuantDesk API call GET /api/v2/backtest/runs/stalled timed out: its AttemptTimeout (0.2 s) ran out."));
    }

    [Test]
    public void An_error_body_that_never_ends_is_cut_at_the_cap_without_waiting_for_its_end()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 500 Internal Server Error\nContent-Type: text/plain\nConnection: close\n\n"), stop);
            var chunk = new byte[1024];
            Array.Fill(chunk, (byte)'x');
            while (!stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, stop);
            }
        });
        var client = Client(server.BaseAddress, attemptTimeout: TimeSpan.FromSeconds(20), totalTimeout: TimeSpan.FromSeconds(20), maxRetries: 0);

        // Reading to the end would run into the 20 s attempt timeout (a timeout exception); the cut ends the read at once.
        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => client.GetBacktestRunAsync("endless").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.That(error!.StatusCode, Is.EqualTo(500));
    }

    [Test]
    public void A_refused_connection_keeps_the_socket_error_inside()
    {
        var client = Client(new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/"), maxRetries: 0);

        var error = Assert.ThrowsAsync<QuantDeskConnectionException>(() => client.GetBacktestRunAsync("refused"));

        Assert.That(error!.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(error.InnerException!.InnerException, Is.InstanceOf<SocketException>(), "the transport's own cause, for callers that branch on it");
    }

    [Test]
    public void A_success_whose_compressed_body_does_not_decode_is_refused_at_once()
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(200, "application/json", "not gzip at all"u8.ToArray(), "Content-Encoding: gzip"));
        var client = Client(server.BaseAddress, maxRetries: 2);

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => client.GetBacktestRunAsync("garbled"));

        Assert.That(error!.Message, Is.EqualTo("QuantDesk API call GET /api/v2/backtest/runs/garbled answered 200 with a compressed body that could not be decoded (Content-Encoding does not match the bytes)."));
        Assert.That(server.Requests, Is.EqualTo(1), "the same request would bring the same bytes");
    }

    [Test]
    public void An_error_whose_compressed_body_does_not_decode_keeps_its_status_and_type()
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(404, "application/json", "not gzip at all"u8.ToArray(), "Content-Encoding: gzip"));
        var client = Client(server.BaseAddress);

        var error = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => client.GetBacktestRunAsync("garbled"));

        Assert.That(error!.Message, Is.EqualTo("QuantDesk API call GET /api/v2/backtest/runs/garbled failed with 404 (Status). The response body is empty."));
    }

    [Test]
    public void A_body_announced_over_the_size_cap_is_refused_before_it_is_read()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 10000000\n\n"), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        var client = Client(server.BaseAddress, maxResponseContentLength: 4096);

        // Refused from the header: a client that waited for the body would end in a timeout, not this exception.
        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => client.GetBacktestRunAsync("huge").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.That(error!.Message, Does.Contain("a body of 10000000 bytes"));
        Assert.That(server.Connections, Is.EqualTo(1));
    }

    [Test]
    public void A_body_over_the_size_cap_from_the_sandbox_is_refused_and_not_retried()
    {
        using var fixture = new ClientFixture(options => options.MaxResponseContentLength = 4096);
        fixture.Sandbox.Server.AnswerRun("huge", Response.Create().WithStatusCode(200).WithBody(new string('x', 10_000)));

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync("huge"));

        Assert.That(error!.Message, Does.Contain("QuantDeskClientOptions.MaxResponseContentLength"));
        Assert.That(fixture.Sandbox.Server.RequestsTo("huge"), Is.EqualTo(1));
    }

    [Test]
    public void An_error_body_over_the_size_cap_is_cut_short_and_keeps_its_typed_exception()
    {
        using var fixture = new ClientFixture(options => options.MaxResponseContentLength = 4096);
        var body = "{\"code\": \"SLOW_DOWN\", \"request_id\": \"req_big\", \"padding\": \"" + new string('x', 10_000) + "\"}";
        fixture.Sandbox.Server.AnswerRun("big-429", Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120").WithBody(body));

        var error = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => fixture.Client.GetBacktestRunAsync("big-429"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(error.ResponseBody, Does.StartWith("{\"code\": \"SLOW_DOWN\""));
            Assert.That(error.ResponseBody!.Length, Is.LessThanOrEqualTo(4096));
        });
    }

    [Test]
    public void An_error_body_is_read_up_to_64_KiB_even_under_a_larger_cap()
    {
        using var fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 0);
        fixture.Sandbox.Server.AnswerRun("big-500", Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/plain").WithBody(new string('x', 100_000)));

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync("big-500"));

        Assert.That(error!.Message, Does.EndWith("(text/plain, 65536 characters)."));
    }

    [Test]
    public async Task A_body_exactly_at_the_cap_is_read_whole()
    {
        using var fixture = new ClientFixture(options => options.MaxResponseContentLength = 2048);
        var json = QuantDeskSandbox.ExampleRunBody("run-at-cap").ToJsonString();
        fixture.Sandbox.Server.AnswerRun("run-at-cap", Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(json + new string(' ', 2048 - json.Length)));

        var run = (await fixture.Client.GetBacktestRunAsync("run-at-cap")).Data;

        Assert.That(run.RunId, Is.EqualTo("run-at-cap"));
    }

    [Test]
    public async Task A_body_within_the_cap_is_read_whole()
    {
        using var fixture = new ClientFixture(options => options.MaxResponseContentLength = 1024);

        var run = (await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).Data;

        Assert.That(run.Sharpe, Is.EqualTo(1.84));
    }

    private static BacktestClient Client(Uri baseAddress, TimeSpan? attemptTimeout = null, TimeSpan? totalTimeout = null, int maxRetries = 3, long? maxResponseContentLength = null)
    {
        var options = new QuantDeskClientOptions
        {
            BaseAddress = baseAddress,
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
            TotalTimeout = totalTimeout ?? TimeSpan.FromSeconds(10),
            Retry = { MaxRetryAttempts = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(5) },
        };
        if (maxResponseContentLength is { } cap)
        {
            options.MaxResponseContentLength = cap;
        }

        return new BacktestClient(options);
    }
}
