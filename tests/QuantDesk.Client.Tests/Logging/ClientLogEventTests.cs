using Microsoft.Extensions.Logging;
using QuantDesk.Client.Logging;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Logging;

/// <summary>The client's own events: their ids, levels, one-line messages and structured values.</summary>
public sealed class ClientLogEventTests
{
    private const string Uri = "https://api.quantdesk.app/api/v2/backtest/runs/run-1";
    private const string Start = "QuantDesk API call getBacktestRun GET " + Uri + " failed after 2 attempt(s): ";

    [Test]
    public void A_scheduled_retry_is_information_with_the_delay_in_whole_milliseconds()
    {
        var logger = new StateLogger();

        ClientLog.RetryScheduled(logger, HttpMethod.Get, Uri, "503", 1, 275.7656);

        var entry = logger.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That((entry.EventId.Id, entry.EventId.Name, entry.Level), Is.EqualTo((1002, "RetryScheduled", LogLevel.Information)));
            Assert.That(entry.Message, Is.EqualTo("QuantDesk API call GET " + Uri + " failed (503); retry 1 in 276 ms"));
            Assert.That(entry.Values["DelayMilliseconds"], Is.EqualTo(276L));
            Assert.That(entry.Values["RetryNumber"], Is.EqualTo(1));
        });
    }

    [Test]
    public void A_failed_call_with_an_answer_names_its_status_and_request_id()
    {
        var logger = new StateLogger();

        ClientLog.CallFailed(logger, "getBacktestRun", HttpMethod.Get, Uri, 2, "404", 404, "req_1");

        var entry = logger.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That((entry.EventId.Id, entry.EventId.Name, entry.Level), Is.EqualTo((1003, "CallFailed", LogLevel.Warning)));
            Assert.That(entry.Message, Is.EqualTo(Start + "404 (status 404, request id req_1)"));
            Assert.That((entry.Values["StatusCode"], entry.Values["RequestId"], entry.Values["Attempts"]), Is.EqualTo(((object?)404, (object?)"req_1", (object?)2)));
        });
    }

    [Test]
    public void A_failed_call_whose_answer_had_no_request_id_says_so_instead_of_an_empty_value()
    {
        var logger = new StateLogger();

        ClientLog.CallFailed(logger, "getBacktestRun", HttpMethod.Get, Uri, 2, "502", 502, requestId: null);

        var entry = logger.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That((entry.EventId.Id, entry.EventId.Name, entry.Level), Is.EqualTo((1003, "CallFailed", LogLevel.Warning)));
            Assert.That(entry.Message, Is.EqualTo(Start + "502 (status 502, no request id)"));
            Assert.That(entry.Values["StatusCode"], Is.EqualTo(502));
            Assert.That(entry.Values.ContainsKey("RequestId"), Is.False);
        });
    }

    [Test]
    public void A_failed_call_without_an_answer_says_so_instead_of_an_empty_status_and_request_id()
    {
        var logger = new StateLogger();

        ClientLog.CallFailed(logger, "getBacktestRun", HttpMethod.Get, Uri, 2, "QuantDesk.Client.QuantDeskConnectionException", statusCode: null, requestId: null);

        var entry = logger.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That((entry.EventId.Id, entry.EventId.Name, entry.Level), Is.EqualTo((1003, "CallFailed", LogLevel.Warning)));
            Assert.That(entry.Message, Is.EqualTo(Start + "QuantDesk.Client.QuantDeskConnectionException (no response)"));
            Assert.That(entry.Values.Keys, Is.SupersetOf(new[] { "Operation", "Method", "RequestUri", "Attempts", "ErrorType" }));
            Assert.That(entry.Values.Keys, Has.None.EqualTo("StatusCode").And.None.EqualTo("RequestId"));
        });
    }

    [Test]
    public void A_refused_connection_logs_its_retries_as_information_and_the_failure_once_without_empty_values()
    {
        using var fixture = new ClientFixture(options =>
        {
            options.BaseAddress = new System.Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/");
            options.Retry.MaxRetryAttempts = 2;
        });

        Assert.ThrowsAsync<QuantDeskConnectionException>(() => fixture.Client.GetBacktestRunAsync("run-refused"));

        var own = fixture.Logs.Entries.Where(entry => entry.Category == ClientLog.Category && entry.Level != LogLevel.None).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(own.Select(entry => (entry.EventId.Id, entry.Level)), Is.EqualTo(new[]
            {
                (1002, LogLevel.Information),
                (1002, LogLevel.Information),
                (1003, LogLevel.Warning),
            }));
            Assert.That(own[0].Message, Does.Match(@"^QuantDesk API call GET http://127\.0\.0\.1:\d+/api/v2/backtest/runs/run-refused failed \(HttpRequestException\); retry 1 in \d+ ms$"));
            Assert.That(own[2].Message, Does.EndWith("failed after 3 attempt(s): QuantDesk.Client.QuantDeskConnectionException (no response)"));
        });
    }

    /// <summary>Keeps each event with its structured values, as a structured-logging provider sees them.</summary>
    private sealed class StateLogger : ILogger
    {
        public List<(LogLevel Level, EventId EventId, string Message, Dictionary<string, object?> Values)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value)
                : [];
            Entries.Add((logLevel, eventId, formatter(state, exception), values));
        }
    }
}
