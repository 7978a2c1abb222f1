using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.Tests.Diagnostics;

public sealed class TelemetryTests
{
    private const string RunId = "run-telemetry";

    private static IResponseBuilder Ok => Responses.Json(200, QuantDeskSandbox.ExampleRunBody(RunId).ToJsonString());

    private static IResponseBuilder Unavailable => Responses.Json(503, QuantDeskSandbox.ErrorBody("UNAVAILABLE", "Try again.", "req_503").ToJsonString());

    [Test]
    public async Task One_span_covers_every_attempt_of_an_operation_and_names_it()
    {
        using var spans = new ActivityRecorder();
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Unavailable, Unavailable, Ok.WithHeader("X-Request-ID", "req_ok"));

        await fixture.Client.GetBacktestRunAsync(RunId);

        var span = spans.Stopped.Single(activity => activity.Source.Name == "QuantDesk.Client");
        var transport = spans.Stopped.Where(activity => activity.ParentSpanId == span.SpanId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("getBacktestRun"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.Source.Version, Is.EqualTo(typeof(BacktestClient).Assembly.GetName().Version!.ToString()));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(span.GetTagItem("quantdesk.operation"), Is.EqualTo("getBacktestRun"));
            Assert.That(span.GetTagItem("quantdesk.run_id"), Is.EqualTo(RunId));
            Assert.That(span.GetTagItem("quantdesk.attempts"), Is.EqualTo(3));
            Assert.That(span.GetTagItem("http.request.resend_count"), Is.EqualTo(2));
            Assert.That(span.GetTagItem("quantdesk.request_id"), Is.EqualTo("req_ok"));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(span.GetTagItem("http.request.method"), Is.EqualTo("GET"));
            Assert.That(span.GetTagItem("server.address"), Is.EqualTo(fixture.Sandbox.BaseAddress.Host));
            Assert.That(span.GetTagItem("server.port"), Is.EqualTo(fixture.Sandbox.BaseAddress.Port));
            Assert.That(span.GetTagItem("url.template"), Is.EqualTo("api/v2/backtest/runs/{id}"));
            Assert.That(span.GetTagItem("url.full"), Is.EqualTo(new Uri(fixture.Sandbox.BaseAddress, "api/v2/backtest/runs/" + RunId).AbsoluteUri));
            Assert.That(span.GetTagItem("error.type"), Is.Null);
            Assert.That(span.Events.Select(e => e.Name), Is.EqualTo(new[] { "quantdesk.retry", "quantdesk.retry" }));
            Assert.That(transport, Has.Count.EqualTo(3), "the transport's per-attempt spans are children of the operation's span");
        });
    }

    [Test]
    public void A_failed_operation_marks_its_span_as_an_error_with_status_and_request_id()
    {
        using var spans = new ActivityRecorder(source => source.Name == "QuantDesk.Client");
        using var fixture = new ClientFixture();

        Assert.ThrowsAsync<QuantDeskNotFoundException>(() => fixture.Client.GetBacktestRunAsync("no-such-run"));

        var span = spans.Stopped.Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.StatusDescription, Does.Contain("404"));
            Assert.That(span.GetTagItem("error.type"), Is.EqualTo("404"));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(404));
            Assert.That(span.GetTagItem("quantdesk.request_id"), Is.EqualTo("req_sandbox_1"));
            Assert.That(span.GetTagItem("quantdesk.run_id"), Is.EqualTo("no-such-run"));
            Assert.That(span.GetTagItem("quantdesk.attempts"), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_transport_failure_is_typed_by_the_exception_the_caller_gets()
    {
        using var spans = new ActivityRecorder(source => source.Name == "QuantDesk.Client");
        using var fixture = new ClientFixture(options =>
        {
            options.BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/");
            options.Retry.MaxRetryAttempts = 1;
        });

        Assert.ThrowsAsync<QuantDeskConnectionException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        var span = spans.Stopped.Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.GetTagItem("error.type"), Is.EqualTo("QuantDesk.Client.QuantDeskConnectionException"));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.Null);
            Assert.That(span.GetTagItem("quantdesk.attempts"), Is.EqualTo(2));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        });
    }

    [Test]
    public async Task Duration_retries_and_failures_are_measured_with_the_operation_and_outcome()
    {
        using var duration = new MetricCollector<double>(null, "QuantDesk.Client", "quantdesk.client.operation.duration");
        using var retries = new MetricCollector<long>(null, "QuantDesk.Client", "quantdesk.client.operation.retries");
        using var failures = new MetricCollector<long>(null, "QuantDesk.Client", "quantdesk.client.operation.failures");
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Unavailable, Ok);

        await fixture.Client.GetBacktestRunAsync(RunId);
        Assert.ThrowsAsync<QuantDeskNotFoundException>(() => fixture.Client.GetBacktestRunAsync("no-such-run"));

        var port = fixture.Sandbox.BaseAddress.Port;
        var durations = duration.GetMeasurementSnapshot().Where(m => Equals(m.Tags["server.port"], port)).ToList();
        var retried = retries.GetMeasurementSnapshot().Where(m => Equals(m.Tags["server.port"], port)).ToList();
        var failed = failures.GetMeasurementSnapshot().Where(m => Equals(m.Tags["server.port"], port)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(durations.Select(m => m.Tags["http.response.status_code"]), Is.EqualTo(new object[] { 200, 404 }));
            Assert.That(durations, Has.All.Matches<CollectedMeasurement<double>>(m => m.Value > 0 && Equals(m.Tags["quantdesk.operation"], "getBacktestRun")));
            Assert.That(durations[1].Tags["error.type"], Is.EqualTo("404"));
            Assert.That(retried.Select(m => (m.Value, m.Tags["error.type"])), Is.EqualTo(new[] { (1L, (object?)"503") }));
            Assert.That(failed.Select(m => (m.Value, m.Tags["http.response.status_code"], m.Tags["error.type"])), Is.EqualTo(new[] { (1L, (object?)404, (object?)"404") }));
            Assert.That(failed.Single().Tags.ContainsKey("quantdesk.run_id"), Is.False, "run ids would make the metric's cardinality unbounded");
        });
    }

    [Test]
    public void A_failure_is_logged_once_with_a_stable_event_id_and_the_request_id()
    {
        using var fixture = new ClientFixture();

        Assert.ThrowsAsync<QuantDeskNotFoundException>(() => fixture.Client.GetBacktestRunAsync("no-such-run"));

        var failure = fixture.Logs.Entries.Single(entry => entry.EventId.Id == 1003);
        Assert.Multiple(() =>
        {
            Assert.That(failure.EventId.Name, Is.EqualTo("CallFailed"));
            Assert.That(failure.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(failure.Category, Is.EqualTo("QuantDesk.Client"));
            Assert.That(failure.Message, Does.Contain("getBacktestRun").And.Contain("404").And.Contain("req_sandbox_1").And.Contain("1 attempt"));
        });
    }

    [Test]
    public void Cancellation_by_the_caller_is_not_counted_or_logged_as_a_failure()
    {
        using var failures = new MetricCollector<long>(null, "QuantDesk.Client", "quantdesk.client.operation.failures");
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRun(RunId, Ok.WithDelay(TimeSpan.FromSeconds(1)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.CatchAsync<OperationCanceledException>(() => fixture.Client.GetBacktestRunAsync(RunId, cancellation.Token));

        Assert.Multiple(() =>
        {
            Assert.That(failures.GetMeasurementSnapshot().Where(m => Equals(m.Tags["server.port"], fixture.Sandbox.BaseAddress.Port)), Is.Empty);
            Assert.That(fixture.Logs.Entries.Where(entry => entry.EventId.Id == 1003), Is.Empty);
        });
    }

    [Test]
    public async Task The_standalone_client_reports_the_same_span()
    {
        using var spans = new ActivityRecorder(source => source.Name == "QuantDesk.Client");
        using var sandbox = QuantDeskSandbox.Start();
        var client = new BacktestClient(new QuantDeskClientOptions { BaseAddress = sandbox.BaseAddress });

        await client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var span = spans.Stopped.Single();
        Assert.That((span.DisplayName, span.GetTagItem("quantdesk.run_id"), span.GetTagItem("quantdesk.attempts")), Is.EqualTo(("getBacktestRun", (object?)QuantDeskSandbox.ExampleRunId, (object?)1)));
    }
}
