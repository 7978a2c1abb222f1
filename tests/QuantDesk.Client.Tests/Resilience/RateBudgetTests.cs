using Microsoft.Extensions.Configuration;
using System.Text;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>The client-side rate budget, on a fake clock: permits per window, waiting or failing, sharing, and 429 pauses.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RateBudgetTests
{
    private static readonly byte[] RunBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());
    private static readonly byte[] RateLimitedBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ErrorBody("RATE_LIMITED", "Too many requests.").ToJsonString());

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task Waiting_calls_go_out_as_windows_open_and_their_time_in_line_is_measured()
    {
        using var server = RunServer();
        using var waits = new MetricCollector<double>(null, QuantDeskTelemetry.MeterName, "quantdesk.client.rate_budget.wait_duration");
        var client = Client(server, budget => budget.PermitLimit = 2);

        var calls = Enumerable.Range(0, 5).Select(_ => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).ToArray();
        await Eventually.TrueAsync(() => server.Requests == 2, "the window's two permits are spent");
        await Task.Delay(50);
        var sentInTheFirstWindow = server.Requests;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => server.Requests == 4, "the second window lets two more go");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        var measured = waits.GetMeasurementSnapshot().Where(measurement => measurement.Tags["server.port"] is int port && port == server.BaseAddress.Port).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sentInTheFirstWindow, Is.EqualTo(2));
            Assert.That(server.Requests, Is.EqualTo(5));
            Assert.That(measured.Select(measurement => measurement.Value).Order(), Is.EqualTo(new[] { 0d, 0d, 1d, 1d, 2d }));
            Assert.That(measured.Select(measurement => measurement.Tags[RateBudgetOutcomeTag]), Is.All.EqualTo("acquired"));
            Assert.That(measured.Select(measurement => measurement.Tags["quantdesk.operation"]), Is.All.EqualTo("getBacktestRun"));
        });
    }

    [Test]
    public async Task In_fail_mode_a_call_past_the_budget_throws_a_client_side_rate_limit_without_sending()
    {
        using var server = RunServer();
        var client = Client(server, budget =>
        {
            budget.PermitLimit = 1;
            budget.Window = TimeSpan.FromSeconds(2);
            budget.WhenExhausted = QuantDeskRateBudgetBehavior.Fail;
        });

        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var refused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));
        _clock.Advance(TimeSpan.FromSeconds(2));
        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(refused!.IsClientSide, Is.True);
            Assert.That(refused.StatusCode, Is.Null);
            Assert.That(refused.RequestId, Is.Null);
            Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(refused.Message, Does.Contain("GET /api/v2/backtest/runs/").And.Contain("was not sent").And.Contain("rate budget (1 per 2 s)").And.Contain("WhenExhausted is Fail"));
            Assert.That(refused.InnerException, Is.Null, "no Polly type leaves the client");
            Assert.That(server.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Retries_spend_permits_too()
    {
        using var server = FirstThenRuns(new LoopbackAnswer(503, "application/json", RateLimitedBody, "Retry-After: 0"));
        var client = Client(server, budget =>
        {
            budget.PermitLimit = 2;
            budget.WhenExhausted = QuantDeskRateBudgetBehavior.Fail;
        }, retries: 2);

        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var refused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.IsClientSide, Is.True);
            Assert.That(server.Requests, Is.EqualTo(2), "the first call's two attempts took the window's two permits");
        });
    }

    [Test]
    public async Task A_full_queue_refuses_the_next_call_at_once()
    {
        using var server = RunServer();
        var client = Client(server, budget =>
        {
            budget.PermitLimit = 1;
            budget.QueueLimit = 1;
        });

        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var waiting = client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var refused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.IsClientSide, Is.True);
            Assert.That(refused.Message, Does.Contain("1 calls are already waiting"));
            Assert.That(server.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_wait_may_not_outlast_the_calls_total_timeout()
    {
        using var server = RunServer();
        var client = Client(server, budget =>
        {
            budget.PermitLimit = 1;
            budget.Window = TimeSpan.FromHours(1);
        }, totalTimeoutSeconds: 5);

        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var waiting = client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await Task.Delay(50);
        _clock.Advance(TimeSpan.FromSeconds(5));

        var refused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Multiple(() =>
        {
            Assert.That(refused!.IsClientSide, Is.True);
            Assert.That(refused.Message, Does.Contain("TotalTimeout (5 s)"));
            Assert.That(server.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Cancelling_a_waiting_call_is_the_callers_cancellation()
    {
        using var server = RunServer();
        var client = Client(server, budget => budget.PermitLimit = 1);
        using var cancel = new CancellationTokenSource();

        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var waiting = client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId, cancel.Token);
        await cancel.CancelAsync();

        var canceled = Assert.CatchAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Multiple(() =>
        {
            Assert.That(canceled!.CancellationToken, Is.EqualTo(cancel.Token));
            Assert.That(server.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Names_with_one_shared_key_draw_on_one_budget_and_others_keep_their_own()
    {
        using var server = RunServer();
        await using var provider = Container(server, ("wallet-a", "gateway"), ("wallet-b", "gateway"), ("wallet-c", null));
        var factory = provider.GetRequiredService<IQuantDeskClientFactory>();

        await factory.CreateClient("wallet-a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await factory.CreateClient("wallet-b").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var refused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => factory.CreateClient("wallet-a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));
        await factory.CreateClient("wallet-c").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await factory.CreateClient("wallet-c").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(refused!.IsClientSide, Is.True);
            Assert.That(refused.Message, Does.Contain("shared"));
            Assert.That(server.Requests, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task A_429s_Retry_After_pauses_the_budget_for_every_client_that_shares_it()
    {
        using var server = FirstThenRuns(new LoopbackAnswer(429, "application/json", RateLimitedBody, "Retry-After: 5"));
        await using var provider = Container(server, ("wallet-a", "gateway"), ("wallet-b", "gateway"));
        var factory = provider.GetRequiredService<IQuantDeskClientFactory>();

        var limited = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => factory.CreateClient("wallet-a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));
        var paused = factory.CreateClient("wallet-b").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await Task.Delay(50);
        _clock.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        var sentDuringThePause = server.Requests;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var result = await paused.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(limited!.IsClientSide, Is.False, "the API's own 429");
            Assert.That(limited.StatusCode, Is.EqualTo(429));
            Assert.That(sentDuringThePause, Is.EqualTo(1), "wallet B waited out wallet A's Retry-After");
            Assert.That(result.Data.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(server.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public void Clients_that_share_a_key_with_different_limits_are_told_so()
    {
        using var server = RunServer();
        var services = new ServiceCollection();
        services.AddQuantDeskClient("wallet-a", options => Configure(options, server.BaseAddress, budget => { budget.PermitLimit = 2; budget.SharedKey = "gateway"; }));
        services.AddQuantDeskClient("wallet-b", options => Configure(options, server.BaseAddress, budget => { budget.PermitLimit = 3; budget.SharedKey = "gateway"; }));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IQuantDeskClientFactory>();

        Assert.DoesNotThrowAsync(() => factory.CreateClient("wallet-a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));
        var mismatch = Assert.ThrowsAsync<OptionsValidationException>(() => factory.CreateClient("wallet-b").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.Multiple(() =>
        {
            Assert.That(mismatch!.OptionsName, Is.EqualTo("wallet-b"));
            Assert.That(mismatch.Message, Does.Contain("'gateway'").And.Contain("same PermitLimit"));
        });
    }

    [Test]
    public async Task A_call_that_waited_for_a_permit_still_ends_at_its_TotalTimeout()
    {
        using var stalled = new ManualResetEventSlim();
        var answered = 0;
        using var server = new LoopbackHttpServer(_ =>
        {
            if (Interlocked.Increment(ref answered) == 2)
            {
                stalled.Wait(TimeSpan.FromSeconds(30));
            }

            return new LoopbackAnswer(200, "application/json", RunBody);
        });
        var client = Client(server, budget =>
        {
            budget.PermitLimit = 1;
            budget.Window = TimeSpan.FromSeconds(8);
        }, totalTimeoutSeconds: 10);

        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var second = client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await Task.Delay(50);
        _clock.Advance(TimeSpan.FromSeconds(8));
        await Eventually.TrueAsync(() => server.Requests == 2, "the second call got the next window's permit at 8 s");
        _clock.Advance(TimeSpan.FromSeconds(2));

        var timedOut = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => second.WaitAsync(TimeSpan.FromSeconds(30)));
        stalled.Set();
        Assert.That(timedOut!.Message, Does.Contain("TotalTimeout (10 s)"), "2 s were left of the call when it was sent, not the 5 s AttemptTimeout");
    }

    [Test]
    public async Task Reloaded_limits_of_a_shared_budget_apply_to_every_client_that_shares_it()
    {
        using var server = RunServer();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["A:BaseAddress"] = server.BaseAddress.ToString(), ["A:RateBudget:PermitLimit"] = "100", ["A:RateBudget:SharedKey"] = "gateway",
            ["B:BaseAddress"] = server.BaseAddress.ToString(), ["B:RateBudget:PermitLimit"] = "100", ["B:RateBudget:SharedKey"] = "gateway",
        }).Build();
        var services = new ServiceCollection();
        services.AddQuantDeskClient("a", configuration.GetSection("A"), options => options.TimeProvider = _clock);
        services.AddQuantDeskClient("b", configuration.GetSection("B"), options => options.TimeProvider = _clock);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IQuantDeskClientFactory>();
        await factory.CreateClient("a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await factory.CreateClient("b").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        configuration["A:RateBudget:PermitLimit"] = "2";
        configuration["B:RateBudget:PermitLimit"] = "2";
        configuration["A:RateBudget:WhenExhausted"] = "Fail";
        configuration["B:RateBudget:WhenExhausted"] = "Fail";
        configuration.Reload();
        await factory.CreateClient("a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await factory.CreateClient("b").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        var refused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => factory.CreateClient("a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.IsClientSide, Is.True, "the new limit of 2 is shared by a and b");
            Assert.That(server.Requests, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Calls_waiting_out_a_pause_count_against_the_queue_limit()
    {
        using var server = FirstThenRuns(new LoopbackAnswer(429, "application/json", RateLimitedBody, "Retry-After: 5"));
        var client = Client(server, budget =>
        {
            budget.PermitLimit = 100;
            budget.QueueLimit = 2;
        });

        Assert.ThrowsAsync<QuantDeskRateLimitException>(() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));
        var calls = Enumerable.Range(0, 5).Select(_ => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).ToArray();
        await Eventually.TrueAsync(() => calls.Count(call => call.IsFaulted) == 3, "the three calls past the queue limit are refused at once");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(calls.Where(call => !call.IsFaulted)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(calls.Where(call => call.IsFaulted).Select(call => call.Exception!.InnerException), Is.All.InstanceOf<QuantDeskRateLimitException>().And.Property(nameof(QuantDeskRateLimitException.IsClientSide)).True);
            Assert.That(server.Requests, Is.EqualTo(3), "the 429, then the two calls that waited");
        });
    }

    [Test]
    public async Task A_refusal_says_when_the_window_turns()
    {
        using var server = RunServer();
        var client = Client(server, budget =>
        {
            budget.PermitLimit = 1;
            budget.Window = TimeSpan.FromSeconds(10);
            budget.WhenExhausted = QuantDeskRateBudgetBehavior.Fail;
        });

        await client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var refused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.That(refused!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task The_window_timer_of_a_budget_nobody_holds_stops()
    {
        var clock = new CountingTimeProvider();
        CreateAndDrop(clock, count: 20);

        // Timers tick every 10 ms; each finds its budget gone once the collector has run, and stops.
        await Eventually.TrueAsync(
            () =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                return clock.LiveTimers == 0;
            },
            "every budget's timer stopped after its client was dropped");

        static void CreateAndDrop(TimeProvider clock, int count)
        {
            for (var i = 0; i < count; i++)
            {
                _ = new QuantDeskClient(new QuantDeskClientOptions { TimeProvider = clock, RateBudget = { PermitLimit = 5, Window = TimeSpan.FromMilliseconds(10) } });
            }
        }
    }

    [TestCase(-1, 1000, 1000, "PermitLimit")]
    [TestCase(1, 0, 1000, "Window")]
    [TestCase(1, 7_200_000, 1000, "Window")]
    [TestCase(1, 1000, -1, "QueueLimit")]
    public void Invalid_budget_settings_are_refused_by_name(int permits, int windowMilliseconds, int queue, string setting)
    {
        var options = new QuantDeskClientOptions { RateBudget = { PermitLimit = permits, Window = TimeSpan.FromMilliseconds(windowMilliseconds), QueueLimit = queue } };

        var failure = Assert.Throws<OptionsValidationException>(() => _ = new QuantDeskClient(options));

        Assert.That(failure!.Message, Does.Contain("QuantDesk:RateBudget:" + setting));
    }

    [Test]
    public async Task Off_by_default_every_call_goes_out_at_once()
    {
        using var server = RunServer();
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, TimeProvider = _clock });

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(new QuantDeskClientOptions().RateBudget.PermitLimit, Is.Zero);
            Assert.That(server.Requests, Is.EqualTo(50));
        });
    }

    private const string RateBudgetOutcomeTag = "quantdesk.rate_budget.outcome";

    private static LoopbackHttpServer RunServer() => new(_ => new LoopbackAnswer(200, "application/json", RunBody));

    // Answers the first request with first, and every later one with the example run.
    private static LoopbackHttpServer FirstThenRuns(LoopbackAnswer first)
    {
        var answered = 0;
        return new LoopbackHttpServer(_ => Interlocked.Increment(ref answered) == 1 ? first : new LoopbackAnswer(200, "application/json", RunBody));
    }

    private QuantDeskClient Client(LoopbackHttpServer server, Action<QuantDeskRateBudgetOptions> budget, int retries = 0, int totalTimeoutSeconds = 30)
    {
        var options = new QuantDeskClientOptions();
        Configure(options, server.BaseAddress, budget);
        options.Retry.MaxRetryAttempts = retries;
        options.TotalTimeout = TimeSpan.FromSeconds(totalTimeoutSeconds);
        return new QuantDeskClient(options);
    }

    private ServiceProvider Container(LoopbackHttpServer server, params (string Name, string? SharedKey)[] clients)
    {
        var services = new ServiceCollection();
        foreach (var (name, sharedKey) in clients)
        {
            services.AddQuantDeskClient(name, options => Configure(options, server.BaseAddress, budget =>
            {
                budget.PermitLimit = 2;
                budget.Window = TimeSpan.FromMinutes(1);
                budget.SharedKey = sharedKey;
                budget.WhenExhausted = sharedKey is null || clients.Length == 2 ? QuantDeskRateBudgetBehavior.Wait : QuantDeskRateBudgetBehavior.Fail;
            }));
        }

        return services.BuildServiceProvider();
    }

    private void Configure(QuantDeskClientOptions options, Uri baseAddress, Action<QuantDeskRateBudgetOptions> budget)
    {
        options.BaseAddress = baseAddress;
        options.TimeProvider = _clock;
        options.TotalTimeout = TimeSpan.FromSeconds(30);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.Retry.MaxRetryAttempts = 0;
        budget(options.RateBudget);
    }
}
