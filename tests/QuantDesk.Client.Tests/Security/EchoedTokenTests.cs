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
}
