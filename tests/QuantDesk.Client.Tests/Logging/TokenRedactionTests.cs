using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Logging;

public sealed class TokenRedactionTests
{
    // Every token handed out starts with this, so one search finds any of them.
    private const string Secret = "secret-token-3f9a7d2c";
    private const string OldToken = Secret + "-old.payload.signature";
    private const string NewToken = Secret + "-new.payload.signature";

    private const string AuthRunId = "run-needs-fresh-token";
    private const string FlakyRunId = "run-flaky";
    private const string MissingRunId = "run-missing";

    private ClientFixture _fixture = null!;
    private List<Exception> _exceptions = null!;

    [SetUp]
    public void SetUp()
    {
        var current = OldToken;
        _exceptions = [];
        _fixture = new ClientFixture(options => options.AccessTokenProvider = (request, _) =>
        {
            if (request.ForceRefresh)
            {
                current = NewToken;
            }

            return ValueTask.FromResult<string?>(current);
        });
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task No_log_line_at_any_level_contains_the_token()
    {
        await RunEveryFlowAsync();

        var leaks = _fixture.Logs.Entries.Where(entry => entry.Message.Contains(Secret, StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_fixture.Logs.Entries.Any(entry => entry.Level == LogLevel.Trace), Is.True, "Trace logging must be on for this test to mean anything");
            Assert.That(leaks, Is.Empty, string.Join(Environment.NewLine, leaks));
        });
    }

    [Test]
    public async Task Logged_request_headers_show_the_Authorization_header_redacted()
    {
        await RunEveryFlowAsync();

        var headerLines = _fixture.Logs.Entries
            .SelectMany(entry => entry.Message.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.That(headerLines, Is.Not.Empty, "IHttpClientFactory logs request headers at Trace");
        Assert.That(headerLines, Has.All.EqualTo("Authorization: *"));
    }

    [Test]
    public async Task No_exception_message_or_ToString_contains_the_token()
    {
        await RunEveryFlowAsync();
        await CollectAsync(() => RejectEveryTokenAndCallAsync());

        Assert.That(_exceptions, Has.Count.EqualTo(2), "the 404 and the refused fresh token");
        Assert.Multiple(() =>
        {
            foreach (var exception in _exceptions)
            {
                Assert.That(exception.Message, Does.Not.Contain(Secret));
                Assert.That(exception.ToString(), Does.Not.Contain(Secret));
            }
        });
    }

    [Test]
    public void Transport_and_timeout_exceptions_do_not_contain_the_token()
    {
        using var refused = new ClientFixture(options =>
        {
            options.BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/");
            options.AccessToken = OldToken;
            options.Retry.MaxRetryAttempts = 1;
        });
        using var slow = new ClientFixture(options =>
        {
            options.AccessToken = OldToken;
            options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            options.TotalTimeout = TimeSpan.FromMilliseconds(100);
        });
        slow.Sandbox.Server.AnswerRun(FlakyRunId, Responses.Json(200, QuantDeskSandbox.ExampleRunBody(FlakyRunId).ToJsonString()).WithDelay(TimeSpan.FromMilliseconds(800)));

        var connection = Assert.ThrowsAsync<QuantDeskConnectionException>(() => refused.Client.GetBacktestRunAsync(FlakyRunId));
        var timeout = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => slow.Client.GetBacktestRunAsync(FlakyRunId));

        Assert.Multiple(() =>
        {
            Assert.That(connection!.ToString(), Does.Not.Contain(Secret));
            Assert.That(timeout!.ToString(), Does.Not.Contain(Secret));
            Assert.That(refused.Logs.Entries.Concat(slow.Logs.Entries).Where(entry => entry.Message.Contains(Secret, StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void The_options_description_does_not_contain_the_token()
    {
        var options = _fixture.Services.GetRequiredService<IOptions<QuantDeskClientOptions>>().Value;
        var withStatic = new QuantDeskClientOptions { AccessToken = OldToken };

        Assert.Multiple(() =>
        {
            Assert.That(options.ToString(), Does.Not.Contain(Secret));
            Assert.That(withStatic.ToString(), Does.Not.Contain(Secret));
            Assert.That(withStatic.ToString(), Does.Contain("AccessToken = (redacted)"));
        });
    }

    [Test]
    public async Task A_401_refresh_logs_AccessTokenRejected_without_the_token()
    {
        _fixture.Sandbox.Server.AcceptOnlyToken(AuthRunId, NewToken);

        await _fixture.Client.GetBacktestRunAsync(AuthRunId);

        var rejected = _fixture.Logs.Entries.Where(entry => entry.EventId.Id == 1001).ToList();
        Assert.That(rejected, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(rejected[0].EventId.Name, Is.EqualTo("AccessTokenRejected"));
            Assert.That(rejected[0].Category, Is.EqualTo("QuantDesk.Client"));
            Assert.That(rejected[0].Message, Does.Contain(AuthRunId).And.Not.Contain(Secret));
        });
    }

    [Test]
    public async Task A_retry_logs_RetryScheduled_without_the_token()
    {
        _fixture.Sandbox.Server.AnswerRunInSequence(FlakyRunId, Responses.Json(503, "{}"), Responses.Json(200, QuantDeskSandbox.ExampleRunBody(FlakyRunId).ToJsonString()));

        await _fixture.Client.GetBacktestRunAsync(FlakyRunId);

        var retries = _fixture.Logs.Entries.Where(entry => entry.EventId.Id == 1002).ToList();
        Assert.That(retries, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(retries[0].EventId.Name, Is.EqualTo("RetryScheduled"));
            Assert.That(retries[0].Category, Is.EqualTo("QuantDesk.Client"));
            Assert.That(retries[0].Level, Is.EqualTo(LogLevel.Information), "a retry that may still succeed is not a warning");
            Assert.That(retries[0].Message, Does.Contain("503").And.Contain(FlakyRunId).And.Not.Contain(Secret));
        });
    }

    [Test]
    public async Task A_static_token_does_not_reach_the_logs_either()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = OldToken);
        fixture.Sandbox.Server.AnswerRunInSequence(FlakyRunId, Responses.Json(503, "{}"), Responses.Json(200, QuantDeskSandbox.ExampleRunBody(FlakyRunId).ToJsonString()));

        await fixture.Client.GetBacktestRunAsync(FlakyRunId);
        Assert.ThrowsAsync<QuantDeskNotFoundException>(() => fixture.Client.GetBacktestRunAsync(MissingRunId));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Sandbox.Server.LogEntries.First().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + OldToken), "the token was sent");
            Assert.That(fixture.Logs.Entries.Where(entry => entry.Message.Contains(Secret, StringComparison.Ordinal)), Is.Empty);
            Assert.That(fixture.Logs.Entries.Any(entry => entry.Message.Contains("Authorization: *", StringComparison.Ordinal)), Is.True);
        });
    }

    /// <summary>A success, a 401 answered by a refresh, a 404 and a 503 retried into a success.</summary>
    private async Task RunEveryFlowAsync()
    {
        var server = _fixture.Sandbox.Server;
        server.AcceptOnlyToken(AuthRunId, NewToken);
        server.AnswerRunInSequence(FlakyRunId, Responses.Json(503, "{}"), Responses.Json(200, QuantDeskSandbox.ExampleRunBody(FlakyRunId).ToJsonString()));

        await _fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await _fixture.Client.GetBacktestRunAsync(AuthRunId);
        await CollectAsync(() => _fixture.Client.GetBacktestRunAsync(MissingRunId));
        await _fixture.Client.GetBacktestRunAsync(FlakyRunId);

        var sent = server.LogEntries.Select(entry => entry.RequestMessage!.Headers!["Authorization"].Single()).ToList();
        Assert.That(sent, Does.Contain("Bearer " + OldToken).And.Contain("Bearer " + NewToken), "both tokens were really sent");
        Assert.That(_fixture.Logs.Entries.Select(entry => entry.EventId.Id), Does.Contain(1001).And.Contain(1002), "the refresh and the retry happened");
    }

    private Task RejectEveryTokenAndCallAsync()
    {
        const string runId = "run-always-401";
        _fixture.Sandbox.Server.AcceptOnlyToken(runId, "no-such-token");
        return _fixture.Client.GetBacktestRunAsync(runId);
    }

    private async Task CollectAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (QuantDeskException exception)
        {
            _exceptions.Add(exception);
        }
    }
}
