using System.Text;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Security;

/// <summary>
/// A server that writes the token it was sent back into its answers (error texts, request ids, headers, an unusable
/// body) cannot make the client hand it on: not in an exception, a span, a log line or the response metadata.
/// </summary>
public sealed class EchoedTokenTests
{
    private const string Token = "qd_live_SECRET-7f3a9c5e";

    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 40);

    [TestCaseSource(nameof(Seeds))]
    public async Task An_answer_that_echoes_the_token_leaves_no_trace_of_it(int seed)
    {
        var random = new Random(seed);
        var echo = new Func<string, string>(text => random.Next(3) == 0 ? text : text + " " + Token);
        var status = new[] { 200, 200, 400, 401, 403, 404, 429, 500, 503 }[random.Next(9)];
        var malformed = status == 200 && random.Next(2) == 0;
        var body = status == 200
            ? malformed ? $"{{\"success\": true, \"data\": \"{Token}\"" : QuantDeskSandbox.ExampleRunBody().ToJsonString()
            : QuantDeskSandbox.ErrorBody(echo("CODE"), echo("The server says"), echo("req")).ToJsonString();
        var headers = new List<string> { "X-Request-ID: " + echo("req_header") };
        if (random.Next(2) == 0)
        {
            headers.Add("X-Debug: " + Token);
        }

        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(status, "application/json", Encoding.UTF8.GetBytes(body), [.. headers]));
        using var spans = new ActivityRecorder(source => source.Name == QuantDeskTelemetry.ActivitySourceName);
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var client = new QuantDeskClient(
            new QuantDeskClientOptions { BaseAddress = server.BaseAddress, AccessToken = Token, SendAccessTokenOnEveryCall = true, Retry = { MaxRetryAttempts = 0 } },
            loggerFactory);

        var seen = new List<string>();
        try
        {
            var response = await client.Backtests.GetBacktestRunWithResponseAsync(QuantDeskSandbox.ExampleRunId);
            seen.Add(response.ToString());
            seen.Add(response.RequestId ?? string.Empty);
        }
        catch (QuantDeskApiException failure)
        {
            seen.Add(failure.ToString());
            seen.AddRange(new[] { failure.ServerMessage, failure.RequestId, failure.ErrorCode, failure.Error, failure.ResponseBody }.OfType<string>());
        }

        seen.AddRange(spans.Stopped.Where(span => span.GetTagItem("server.port") is int port && port == server.BaseAddress.Port).SelectMany(ActivityRecorder.TextOf));
        seen.AddRange(logs.Entries.Select(entry => entry.Message));

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.EqualTo(1), "the token was sent, so there was something to echo");
            Assert.That(seen, Is.Not.Empty);
            Assert.That(seen.Where(text => text.Contains(Token, StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void A_token_echoed_after_enough_text_to_be_cut_short_leaves_no_part_of_itself()
    {
        var body = QuantDeskSandbox.ErrorBody("BAD", new string('m', 1015) + " " + Token, new string('r', 500) + " " + Token).ToJsonString();
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(400, "application/json", Encoding.UTF8.GetBytes(body), "X-Request-ID: " + new string('r', 500) + " " + Token));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, AccessToken = Token, SendAccessTokenOnEveryCall = true, Retry = { MaxRetryAttempts = 0 } });

        var failure = Assert.CatchAsync<QuantDeskApiException>(() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId))!;

        Assert.That(new[] { failure.RequestId, failure.Message, failure.ServerMessage, failure.ResponseBody, failure.ToString() }, Has.None.Contains(Token[..11]));
    }

    [Test]
    public void A_header_line_the_transport_refuses_cannot_carry_the_token_into_the_exception()
    {
        var body = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(200, "application/json", body, "Echo " + Token));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, AccessToken = Token, SendAccessTokenOnEveryCall = true, Retry = { MaxRetryAttempts = 0 } });

        var failure = Assert.CatchAsync<QuantDeskConnectionException>(() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId))!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.ToString(), Does.Not.Contain(Token));
            Assert.That(failure.Message, Does.Contain(SentTokenRedacted), "the transport's reason is kept, with the token taken out");
            Assert.That(failure.InnerException, Is.InstanceOf<HttpRequestException>());
        });
    }

    [Test]
    public async Task Response_headers_that_echo_the_token_have_it_redacted()
    {
        var body = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(200, "application/json", body, "X-Debug: seen " + Token, "X-Other: plain"));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, AccessToken = Token, SendAccessTokenOnEveryCall = true });

        var response = await client.Backtests.GetBacktestRunWithResponseAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers["X-Debug"], Is.EqualTo(new[] { "seen " + SentTokenRedacted }));
            Assert.That(response.Headers["X-Other"], Is.EqualTo(new[] { "plain" }));
        });
    }

    private const string SentTokenRedacted = "(redacted)";
}
