using System.Diagnostics;
using OpenTelemetry.Metrics;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Diagnostics;

/// <summary>
/// The client's telemetry as the real OpenTelemetry SDK exports it, registered as docs/observability.md shows:
/// AddOpenTelemetry().WithTracing(AddSource).WithMetrics(AddMeter), read back from the SDK's in-memory exporters.
/// </summary>
public sealed class OpenTelemetrySdkTests
{
    private const string Duration = "quantdesk.client.operation.duration";
    private const string Retries = "quantdesk.client.operation.retries";
    private const string Failures = "quantdesk.client.operation.failures";
    private const string RunTemplate = "api/v2/backtest/runs/{id}";
    private const string MissingRun = "no-such-run";

    private static readonly TimeSpan Limit = OpenTelemetryApplication.Limit;

    [Test]
    public async Task A_successful_call_is_exported_as_one_client_span_named_after_its_operation()
    {
        await using var app = new OpenTelemetryApplication();
        await app.StartAsync();

        await app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit);

        var exported = app.Flush().To(app.Sandbox.BaseAddress);
        var span = exported.Spans.Single();
        var duration = exported.Metric(Duration);
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("getBacktestRun"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.Source.Name, Is.EqualTo(QuantDeskTelemetry.ActivitySourceName));
            Assert.That(span.Source.Version, Is.EqualTo(typeof(BacktestClient).Assembly.GetName().Version!.ToString()));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(span.Recorded, Is.True, "the SDK's default sampler records it");
            Assert.That(TagsOf(span), Is.EquivalentTo(SpanTags(app, "getBacktestRun", QuantDeskSandbox.ExampleRunId, attempts: 1, status: 200, requestId: "req_sandbox_1")));
            Assert.That(span.Events, Is.Empty);

            Assert.That((duration.Type, duration.Unit, duration.MeterName), Is.EqualTo((MetricType.Histogram, "s", QuantDeskTelemetry.MeterName)));
            Assert.That(duration.Points, Has.Count.EqualTo(1));
            Assert.That(duration.Points[0].Tags, Is.EquivalentTo(MetricTags(app, status: 200)));
            Assert.That(duration.Points[0].Count, Is.EqualTo(1));
            Assert.That(duration.Points[0].Sum, Is.GreaterThan(0), "a duration was measured, in seconds");
            Assert.That(Points(exported, Retries).Concat(Points(exported, Failures)), Is.Empty, "no retry, no failure");
        });
    }

    [Test]
    public async Task A_call_retried_into_success_carries_a_retry_event_and_counts_a_retry_but_no_failure()
    {
        await using var app = new OpenTelemetryApplication();
        await app.StartAsync();
        app.Sandbox.FailNextRequests(503);

        await app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit);

        var exported = app.Flush().To(app.Sandbox.BaseAddress);
        var span = exported.Spans.Single();
        var retry = span.Events.Single();
        var retries = exported.Metric(Retries);
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(TagsOf(span), Is.EquivalentTo(SpanTags(app, "getBacktestRun", QuantDeskSandbox.ExampleRunId, attempts: 2, status: 200, requestId: "req_sandbox_2")));
            Assert.That(retry.Name, Is.EqualTo("quantdesk.retry"));
            Assert.That(RetryTagsOf(retry), Is.EquivalentTo(RetryTags(app, retryNumber: 1, status: 503)));
            Assert.That(retry.Tags.Single(tag => tag.Key == "quantdesk.retry_delay_ms").Value, Is.TypeOf<double>().And.GreaterThanOrEqualTo(0));

            Assert.That((retries.Type, retries.Unit), Is.EqualTo((MetricType.LongSum, "{retry}")));
            Assert.That(retries.Points.Select(point => (point.Sum, point.Tags)), Is.EquivalentTo(new[] { (1.0, MetricTags(app, status: 503, errorType: "503")) }));
            Assert.That(Points(exported, Failures), Is.Empty, "a call that ends in success is no failure");
            Assert.That(exported.Metric(Duration).Points.Single().Tags, Is.EquivalentTo(MetricTags(app, status: 200)));
        });
    }

    [Test]
    public async Task Calls_that_fail_after_retries_or_at_once_are_exported_as_errors_with_their_counts()
    {
        await using var app = new OpenTelemetryApplication(options => options.Retry.MaxRetryAttempts = 2);
        await app.StartAsync();
        app.Sandbox.FailNextRequests(503, 503, 503);

        var unavailable = Assert.CatchAsync<QuantDeskApiException>(() => app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit));
        var notFound = Assert.CatchAsync<QuantDeskNotFoundException>(() => app.Backtests.GetBacktestRunAsync(MissingRun).WaitAsync(Limit));

        var exported = app.Flush().To(app.Sandbox.BaseAddress);
        Assert.That(exported.Spans, Has.Count.EqualTo(2));
        var (retried, missing) = (exported.Spans[0], exported.Spans[1]);
        Assert.Multiple(() =>
        {
            Assert.That(unavailable!.StatusCode, Is.EqualTo(503), "the retries ran out on the third 503");
            Assert.That(retried.DisplayName, Is.EqualTo("getBacktestRun"));
            Assert.That(retried.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(retried.StatusDescription, Is.EqualTo(unavailable.Message));
            Assert.That(unavailable.RequestId, Is.Not.Null, "the sandbox's error body names its request");
            Assert.That(
                TagsOf(retried),
                Is.EquivalentTo(SpanTags(app, "getBacktestRun", QuantDeskSandbox.ExampleRunId, attempts: 3, status: 503, errorType: "503", requestId: unavailable.RequestId)));
            Assert.That(retried.Events.Select(e => e.Name), Is.EqualTo(new[] { "quantdesk.retry", "quantdesk.retry" }));
            Assert.That(retried.Events.Select(RetryTagsOf), Is.EqualTo(new[] { RetryTags(app, 1, 503), RetryTags(app, 2, 503) }));

            Assert.That(missing.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(missing.StatusDescription, Is.EqualTo(notFound!.Message));
            Assert.That(TagsOf(missing), Is.EquivalentTo(SpanTags(app, "getBacktestRun", MissingRun, attempts: 1, status: 404, errorType: "404", requestId: notFound.RequestId)));
            Assert.That(missing.Events, Is.Empty, "a 404 is not retried");

            var retries = exported.Metric(Retries);
            Assert.That(retries.Points.Select(point => (point.Sum, point.Tags)), Is.EquivalentTo(new[] { (2.0, MetricTags(app, status: 503, errorType: "503")) }));

            var failures = exported.Metric(Failures);
            Assert.That((failures.Type, failures.Unit), Is.EqualTo((MetricType.LongSum, "{failure}")));
            Assert.That(
                failures.Points.Select(point => (point.Sum, point.Tags)),
                Is.EquivalentTo(new[] { (1.0, MetricTags(app, status: 503, errorType: "503")), (1.0, MetricTags(app, status: 404, errorType: "404")) }));

            var duration = exported.Metric(Duration);
            Assert.That((duration.Type, duration.Unit), Is.EqualTo((MetricType.Histogram, "s")));
            Assert.That(
                duration.Points.Select(point => (point.Count, point.Tags)),
                Is.EquivalentTo(new[] { ((long?)1, MetricTags(app, status: 503, errorType: "503")), (1, MetricTags(app, status: 404, errorType: "404")) }));
            Assert.That(duration.Points, Has.All.Matches<ExportedPoint>(point => point.Sum > 0));
        });
    }

    [Test]
    public async Task The_access_token_is_in_nothing_the_SDK_exports()
    {
        // With HttpClient's own source too, as many applications trace it: its per-attempt spans are scanned as well.
        await using var app = new OpenTelemetryApplication(options => options.Retry.MaxRetryAttempts = 1, "System.Net.Http");
        await app.StartAsync();

        await app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit);
        app.Sandbox.FailNextRequests(503);
        await app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit);
        app.Sandbox.FailNextRequests(503, 502);
        Assert.CatchAsync<QuantDeskApiException>(() => app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit));
        Assert.CatchAsync<QuantDeskNotFoundException>(() => app.Backtests.GetBacktestRunAsync(MissingRun).WaitAsync(Limit));
        app.Sandbox.RequireAccessToken("the-token-the-api-wants");
        Assert.CatchAsync<QuantDeskAuthenticationException>(() => app.Api.Portfolio.GetPortfolioAsync().WaitAsync(Limit));

        // Everything the providers exported, not only what this test's calls made: a leak anywhere counts.
        var exported = app.Flush();
        var texts = exported.Texts().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(app.Sandbox.ReceivedRequests, Has.Count.EqualTo(7).And.All.Matches<SandboxRequest>(request => request.HasBearerToken(OpenTelemetryApplication.AccessToken)), "every request carried the token");

            // The scan reads every kind of place a value can be exported in: without these it could pass by reading nothing.
            Assert.That(texts, Has.Some.StartsWith("getBacktestRun tag url.full=http://"), "span tags");
            Assert.That(texts, Has.Some.StartsWith("getPortfolio tag error.type=401"), "the rejected call's span");
            Assert.That(texts, Has.Some.EqualTo("getBacktestRun event quantdesk.retry error.type=503"), "event tags");
            Assert.That(texts, Has.Some.Matches<string>(text => text.StartsWith("status Error ", StringComparison.Ordinal) && text.Contains("401", StringComparison.Ordinal)), "status descriptions");
            Assert.That(texts, Has.Some.EqualTo($"{Failures} tag error.type=401"), "metric point tags");
            Assert.That(texts, Has.Some.StartsWith("resource service.name="), "the resource");
            Assert.That(exported.To(app.Sandbox.BaseAddress).Spans.Where(span => span.Source.Name == "System.Net.Http").ToList(), Has.Count.EqualTo(7), "the transport's spans, one per request");

            Assert.That(texts.Where(text => text.Contains(OpenTelemetryApplication.AccessToken, StringComparison.OrdinalIgnoreCase)), Is.Empty);
            Assert.That(texts.Where(text => text.Contains("Bearer", StringComparison.OrdinalIgnoreCase)), Is.Empty);
        });
    }

    [Test]
    public async Task An_application_that_also_traces_HttpClient_sees_each_attempt_as_a_child_of_the_operation_span()
    {
        await using var app = new OpenTelemetryApplication(null, "System.Net.Http");
        await app.StartAsync();
        app.Sandbox.FailNextRequests(503);

        await app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit);

        var exported = app.Flush().To(app.Sandbox.BaseAddress);
        var operation = exported.Spans.Single(span => span.Source.Name == QuantDeskTelemetry.ActivitySourceName);
        var attempts = exported.Spans.Where(span => span.Source.Name == "System.Net.Http").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(span => span.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
            Assert.That(attempts, Has.All.Matches<Activity>(span => span.ParentSpanId == operation.SpanId && span.TraceId == operation.TraceId));
            Assert.That(operation.GetTagItem("quantdesk.attempts"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Without_a_host_calls_are_exported_only_once_the_providers_are_built()
    {
        await using var app = new OpenTelemetryApplication();

        await app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit);

        // Flushing resolves TracerProvider and MeterProvider, which builds them; the hosted service is never started.
        var before = app.Flush().To(app.Sandbox.BaseAddress);
        await app.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId).WaitAsync(Limit);
        var after = app.Flush().To(app.Sandbox.BaseAddress);

        Assert.Multiple(() =>
        {
            Assert.That(before.Spans, Is.Empty, "nothing listened to the first call");
            Assert.That(before.Metrics.SelectMany(metric => metric.Points), Is.Empty);
            Assert.That(after.Spans.Select(span => span.DisplayName), Is.EqualTo(new[] { "getBacktestRun" }), "the call after the providers were resolved");
            Assert.That(after.Metric(Duration).Points.Single().Count, Is.EqualTo(1));
        });
    }

    private static IEnumerable<ExportedPoint> Points(ExportedTelemetry exported, string name) =>
        exported.Metrics.Where(metric => metric.Name == name).SelectMany(metric => metric.Points);

    private static Dictionary<string, object?> TagsOf(Activity span) => span.TagObjects.ToDictionary(tag => tag.Key, tag => tag.Value);

    private static Dictionary<string, object?> RetryTagsOf(ActivityEvent retry) =>
        retry.Tags.Where(tag => tag.Key != "quantdesk.retry_delay_ms").ToDictionary(tag => tag.Key, tag => tag.Value);

    private static Dictionary<string, object?> MetricTags(OpenTelemetryApplication app, int status, string? errorType = null)
    {
        var tags = new Dictionary<string, object?>
        {
            ["quantdesk.operation"] = "getBacktestRun",
            ["http.request.method"] = "GET",
            ["server.address"] = app.Sandbox.BaseAddress.Host,
            ["server.port"] = app.Sandbox.BaseAddress.Port,
            ["http.response.status_code"] = status,
        };
        if (errorType is not null)
        {
            tags["error.type"] = errorType;
        }

        return tags;
    }

    private static Dictionary<string, object?> RetryTags(OpenTelemetryApplication app, int retryNumber, int status)
    {
        var tags = MetricTags(app, status, errorType: status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        tags["quantdesk.retry_number"] = retryNumber;
        return tags;
    }

    private static Dictionary<string, object?> SpanTags(
        OpenTelemetryApplication app, string operation, string runId, int attempts, int status, string? errorType = null, string? requestId = null)
    {
        var tags = MetricTags(app, status, errorType);
        tags["quantdesk.operation"] = operation;
        tags["quantdesk.run_id"] = runId;
        tags["url.full"] = new Uri(app.Sandbox.BaseAddress, "api/v2/backtest/runs/" + Uri.EscapeDataString(runId)).AbsoluteUri;
        tags["url.template"] = RunTemplate;
        tags["quantdesk.attempts"] = attempts;
        if (attempts > 1)
        {
            tags["http.request.resend_count"] = attempts - 1;
        }

        if (requestId is not null)
        {
            tags["quantdesk.request_id"] = requestId;
        }

        return tags;
    }
}
