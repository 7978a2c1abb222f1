using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.Tests.Resilience;

public sealed class RetryTests
{
    private const string RunId = "run-retry";

    // A slow answer outlasts every timeout below; "prompt" is well under it, so a call that waited the answer out fails.
    // Kept short because disposing the sandbox waits for answers still being delayed.
    // A server far slower than any timeout below, and a bound between the two with room on both sides: a client that
    // abandons the slow attempt ends well inside Prompt, one that waits it out cannot.
    private static readonly TimeSpan SlowServer = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Prompt = TimeSpan.FromMilliseconds(2500);

    private static IResponseBuilder Ok => Responses.Json(200, QuantDeskSandbox.ExampleRunBody(RunId).ToJsonString());

    private static IResponseBuilder Status(int status) =>
        Responses.Json(status, QuantDeskSandbox.ErrorBody("E" + status.ToString(CultureInfo.InvariantCulture), "Transient.", "req_" + status.ToString(CultureInfo.InvariantCulture)).ToJsonString());

    [Test]
    public void A_Retry_After_longer_than_the_time_the_call_has_left_is_passed_to_the_caller_at_once()
    {
        // 20 s is under MaxRetryAfter (30 s): only the call's deadline (TotalTimeout 10 s) can stop this retry.
        using var fixture = new ClientFixture(options =>
        {
            options.TotalTimeout = TimeSpan.FromSeconds(10);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
        });
        fixture.Sandbox.Server.AnswerRun(RunId, Status(429).WithHeader("Retry-After", "20"));

        var stopwatch = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(9)), "no wait that the total timeout (10 s) would cut short");
        });
    }

    [Test]
    public async Task Handlers_added_by_the_user_run_once_per_attempt_and_see_the_token()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        using var fixture = new ClientFixture(
            options => options.AccessToken = "user-handler-token",
            builder => builder.AddHttpMessageHandler(() => new ObservingHandler(request => seen.Enqueue(request.Headers.Authorization?.Parameter))));
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Status(503), Ok);

        await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.That(seen, Is.EqualTo(new[] { "user-handler-token", "user-handler-token" }));
    }

    [Test]
    public async Task A_503_then_a_200_succeeds_with_exactly_two_requests()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Status(503), Ok);

        var response = await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.That(response.Data.RunId, Is.EqualTo(RunId));
        Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(2));
    }

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task A_transient_status_is_retried(int status)
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Status(status), Ok);

        var response = await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.That(response.Data.RunId, Is.EqualTo(RunId));
        Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(2));
    }

    [Test]
    public void Exhausted_retries_report_the_last_503_after_exactly_one_plus_MaxRetryAttempts_requests()
    {
        using var fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 2);
        fixture.Sandbox.Server.AnswerRun(RunId, Status(503));

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(503));
            Assert.That(exception.ErrorCode, Is.EqualTo("E503"));
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(3));
        });
    }

    [TestCase(400, typeof(QuantDeskApiException))]
    [TestCase(401, typeof(QuantDeskAuthenticationException))]
    [TestCase(403, typeof(QuantDeskForbiddenException))]
    [TestCase(404, typeof(QuantDeskNotFoundException))]
    [TestCase(501, typeof(QuantDeskApiException))]
    public void A_status_that_a_retry_cannot_fix_is_not_retried(int status, Type expected)
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRun(RunId, Status(status));

        Assert.ThrowsAsync(Is.TypeOf(expected), () => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1));
    }

    [TestCase("seconds")]
    [TestCase("HTTP-date")]
    public async Task A_429_with_Retry_After_waits_that_long_then_succeeds(string form)
    {
        using var fixture = new ClientFixture();
        var retryAfter = form == "seconds" ? "1" : DateTimeOffset.UtcNow.AddSeconds(3).ToString("R", CultureInfo.InvariantCulture);
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Status(429).WithHeader("Retry-After", retryAfter), Ok);

        var stopwatch = Stopwatch.StartNew();
        var response = await fixture.Client.GetBacktestRunAsync(RunId);
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(response.Data.RunId, Is.EqualTo(RunId));
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(2));
            Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), $"Retry-After ({form}) was not honoured");
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        });
    }

    [Test]
    public void A_429_asking_for_longer_than_MaxRetryAfter_fails_at_once_with_the_pause_it_asked_for()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRun(RunId, Status(429).WithHeader("Retry-After", "120"));

        var stopwatch = Stopwatch.StartNew();
        var exception = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => fixture.Client.GetBacktestRunAsync(RunId));
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(exception!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(exception.StatusCode, Is.EqualTo(429));
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(25)), "not waited out (MaxRetryAfter is 30 s)");
        });
    }

    [Test]
    public void The_MaxRetryAfter_cap_itself_stops_a_pause_that_the_TotalTimeout_would_allow()
    {
        // 5 s is well within TotalTimeout (60 s): only the 2 s cap can refuse to wait it out.
        using var fixture = new ClientFixture(options =>
        {
            options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(2);
            options.TotalTimeout = TimeSpan.FromSeconds(60);
        });
        fixture.Sandbox.Server.AnswerRun(RunId, Status(429).WithHeader("Retry-After", "5"));

        var exception = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1), "not retried");
        });
    }

    [Test]
    public void A_503_asking_for_longer_than_MaxRetryAfter_is_not_retried()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRun(RunId, Status(503).WithHeader("Retry-After", "120"));

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(503));
            Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_attempt_that_runs_past_AttemptTimeout_is_abandoned_and_retried()
    {
        var attempts = new StrongBox<int>();
        using var fixture = new ClientFixture(
            options =>
            {
                options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxRetryAttempts = 1;
            },
            http => http.AddHttpMessageHandler(() => ObservingHandler.CountingInto(attempts)));
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Ok.WithDelay(SlowServer), Ok);

        var stopwatch = Stopwatch.StartNew();
        var response = await fixture.Client.GetBacktestRunAsync(RunId);
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(response.Data.RunId, Is.EqualTo(RunId));
            Assert.That(attempts.Value, Is.EqualTo(2));
            Assert.That(stopwatch.Elapsed, Is.LessThan(Prompt), "the slow attempt was waited out instead of abandoned");
        });
    }

    [Test]
    public void Attempts_that_always_run_past_AttemptTimeout_end_in_a_timeout_exception()
    {
        var attempts = new StrongBox<int>();
        using var fixture = new ClientFixture(
            options =>
            {
                options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxRetryAttempts = 1;
            },
            http => http.AddHttpMessageHandler(() => ObservingHandler.CountingInto(attempts)));
        fixture.Sandbox.Server.AnswerRun(RunId, Ok.WithDelay(SlowServer));

        var stopwatch = Stopwatch.StartNew();
        var exception = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => fixture.Client.GetBacktestRunAsync(RunId));
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(attempts.Value, Is.EqualTo(2));
            Assert.That(exception!.StatusCode, Is.Null);
            Assert.That(exception.InnerException, Is.Not.Null);
            Assert.That(stopwatch.Elapsed, Is.LessThan(Prompt));
        });
    }

    [Test]
    public void A_call_that_runs_past_TotalTimeout_ends_in_a_timeout_exception_promptly()
    {
        using var fixture = new ClientFixture(options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            options.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });
        fixture.Sandbox.Server.AnswerRun(RunId, Ok.WithDelay(SlowServer));

        var stopwatch = Stopwatch.StartNew();
        var exception = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => fixture.Client.GetBacktestRunAsync(RunId));
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.Null);
            Assert.That(stopwatch.Elapsed, Is.LessThan(Prompt));
        });
    }

    [Test]
    public void A_TotalTimeout_shorter_than_the_retries_ends_them_with_a_timeout_exception()
    {
        var attempts = new StrongBox<int>();
        using var fixture = new ClientFixture(
            options =>
            {
                options.AttemptTimeout = TimeSpan.FromMilliseconds(150);
                options.TotalTimeout = TimeSpan.FromSeconds(1);
                options.Retry.MaxRetryAttempts = 10;
            },
            http => http.AddHttpMessageHandler(() => ObservingHandler.CountingInto(attempts)));
        fixture.Sandbox.Server.AnswerRun(RunId, Ok.WithDelay(SlowServer));

        var stopwatch = Stopwatch.StartNew();
        var exception = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => fixture.Client.GetBacktestRunAsync(RunId));
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            // Fewer than the 11 attempts allowed: the total cut the retries short. Which limit the last attempt met
            // (its own, or what was left of the total) depends on the machine's timing, so the message is not pinned.
            Assert.That(attempts.Value, Is.InRange(2, 10), "attempt timeouts are retried until the total timeout");
            Assert.That(exception!.StatusCode, Is.Null);
            Assert.That(stopwatch.Elapsed, Is.LessThan(Prompt));
        });
    }

    [Test]
    public void A_refused_connection_ends_in_a_connection_exception_after_the_retries()
    {
        var attempts = new StrongBox<int>();
        using var fixture = new ClientFixture(
            options =>
            {
                options.BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/");
                options.Retry.MaxRetryAttempts = 2;
            },
            http => http.AddHttpMessageHandler(() => ObservingHandler.CountingInto(attempts)));

        var exception = Assert.ThrowsAsync<QuantDeskConnectionException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(attempts.Value, Is.EqualTo(3));
            Assert.That(exception!.StatusCode, Is.Null);
            Assert.That(exception.InnerException, Is.InstanceOf<HttpRequestException>());
        });
    }

    [Test]
    public void Cancellation_by_the_caller_is_reported_as_OperationCanceledException_promptly()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRun(RunId, Ok.WithDelay(SlowServer));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var stopwatch = Stopwatch.StartNew();
        var exception = Assert.CatchAsync(() => fixture.Client.GetBacktestRunAsync(RunId, cancellation.Token));
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.InstanceOf<OperationCanceledException>(), exception?.ToString());
            Assert.That(exception, Is.Not.InstanceOf<QuantDeskException>());
            Assert.That(stopwatch.Elapsed, Is.LessThan(Prompt));
        });
    }

    [Test]
    public async Task Cancellation_by_the_caller_during_a_retry_delay_is_reported_as_OperationCanceledException()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRunInSequence(RunId, Status(503).WithHeader("Retry-After", "20"), Ok);
        using var cancellation = new CancellationTokenSource();

        // Cancelled only once the retry's 20 s pause has begun, so it is the pause that the cancellation cuts short.
        var call = fixture.Client.GetBacktestRunAsync(RunId, cancellation.Token);
        await Eventually.TrueAsync(() => fixture.Logs.Entries.Any(entry => entry.EventId.Id == 1002), "the retry was scheduled");
        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var exception = await Calls.CatchAsync(call.WaitAsync(TimeSpan.FromSeconds(30)));
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.InstanceOf<OperationCanceledException>(), exception?.ToString());
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "well before the 20 s pause was over");
        });
    }

    [Test]
    public async Task A_POST_through_the_same_pipeline_is_not_retried_on_503()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server
            .Given(Request.Create().UsingAnyMethod().WithPath("/api/v2/backtest/runs"))
            .AtPriority(0)
            .RespondWith(Status(503));
        var http = fixture.Services.GetRequiredService<IHttpClientFactory>().CreateClient(QuantDeskServiceCollectionExtensions.HttpClientName);

        using var post = await http.PostAsync(new Uri("api/v2/backtest/runs", UriKind.Relative), new StringContent("""{ "strategy": "x" }"""));
        var posts = fixture.Sandbox.Server.LogEntries.Count(entry => entry.RequestMessage!.Method == "POST");

        // The same client retries a GET to the same path: the pipeline is in place, the method is what differs.
        using var get = await http.GetAsync(new Uri("api/v2/backtest/runs", UriKind.Relative));
        var gets = fixture.Sandbox.Server.LogEntries.Count(entry => entry.RequestMessage!.Method == "GET");

        Assert.Multiple(() =>
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(posts, Is.EqualTo(1));
            Assert.That(gets, Is.EqualTo(4), "control: a GET answered 503 is retried 3 times");
        });
    }
}
