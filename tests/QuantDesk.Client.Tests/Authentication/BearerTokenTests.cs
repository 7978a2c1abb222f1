using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Authentication;

public sealed class BearerTokenTests
{
    private const string RunId = "run-auth";

    [Test]
    public async Task The_provider_is_asked_for_every_request_so_tokens_can_rotate()
    {
        var calls = 0;
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (request, _) =>
            ValueTask.FromResult<string?>($"token-{Interlocked.Increment(ref calls)}-{request.ForceRefresh}"));

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer token-1-False", "Bearer token-2-False" }));
    }

    [Test]
    public async Task A_401_makes_the_provider_refresh_once_and_the_request_is_retried_with_the_new_token()
    {
        var provider = new RefreshingProvider("old-token", "new-token");
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = provider.GetAsync);
        fixture.Sandbox.Server.AcceptOnlyToken(RunId, "new-token");

        var response = await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.Multiple(() =>
        {
            Assert.That(response.Data.RunId, Is.EqualTo(RunId));
            Assert.That(provider.ForcedRefreshes, Is.EqualTo(1));
            Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer old-token", "Bearer new-token" }));
        });
    }

    [Test]
    public void A_refreshed_token_that_is_refused_too_ends_in_an_authentication_exception_after_one_refresh()
    {
        var provider = new RefreshingProvider("old-token", "new-token");
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = provider.GetAsync);
        fixture.Sandbox.Server.AcceptOnlyToken(RunId, "some-other-token");

        var exception = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(401));
            Assert.That(provider.ForcedRefreshes, Is.EqualTo(1));
            Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer old-token", "Bearer new-token" }));
        });
    }

    [TestCase("same-token", TestName = "A_refresh_that_brings_the_same_token_is_not_resent")]
    [TestCase(null, TestName = "A_refresh_that_brings_no_token_is_not_resent")]
    public void A_refresh_without_a_new_token_ends_in_the_401_without_a_second_request(string? refreshed)
    {
        var refreshes = 0;
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (request, _) =>
        {
            if (request.ForceRefresh)
            {
                Interlocked.Increment(ref refreshes);
                return ValueTask.FromResult(refreshed);
            }

            return ValueTask.FromResult<string?>("same-token");
        });
        fixture.Sandbox.Server.AcceptOnlyToken(RunId, "some-other-token");

        var exception = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.That((exception!.StatusCode, refreshes), Is.EqualTo(((int?)401, 1)));
        Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer same-token" }));
    }

    [Test]
    public void A_static_token_refused_with_401_ends_in_an_authentication_exception_without_a_second_request_or_a_refresh_logged()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "static-token");
        fixture.Sandbox.Server.AcceptOnlyToken(RunId, "some-other-token");

        var exception = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(401));
            Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer static-token" }));
            Assert.That(fixture.Logs.Entries.Select(entry => entry.EventId.Name), Does.Not.Contain("AccessTokenRejected"), "no refresh to announce");
        });
    }

    [Test]
    public void A_403_is_not_answered_with_a_token_refresh()
    {
        var provider = new RefreshingProvider("old-token", "new-token");
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = provider.GetAsync);
        fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(403, QuantDeskSandbox.ErrorBody("FORBIDDEN", "No access.").ToJsonString()));

        Assert.ThrowsAsync<QuantDeskForbiddenException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(provider.ForcedRefreshes, Is.Zero);
            Assert.That(fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Fifty_concurrent_calls_rejected_together_share_one_refresh_and_all_succeed()
    {
        const int calls = 50;
        var allIssued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var issued = 0;
        var forced = 0;
        var current = "old-token";
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = async (request, cancellationToken) =>
        {
            if (request.ForceRefresh)
            {
                Interlocked.Increment(ref forced);

                // A slow identity provider: the other rejected calls pile up behind this refresh.
                await Task.Delay(100, cancellationToken);
                Volatile.Write(ref current, "new-token");
                return "new-token";
            }

            var token = Volatile.Read(ref current);
            if (Interlocked.Increment(ref issued) == calls)
            {
                allIssued.SetResult();
            }

            // Every call holds the old token before any of them is sent, so all fifty are rejected.
            if (token == "old-token")
            {
                await allIssued.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return token;
        });
        fixture.Sandbox.Server.AcceptOnlyToken(RunId, "new-token");

        var responses = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(() => fixture.Client.GetBacktestRunAsync(RunId))));

        var headers = AuthorizationHeaders(fixture.Sandbox.Server);
        Assert.Multiple(() =>
        {
            Assert.That(responses, Has.All.Matches<BacktestRunResponse>(response => response.Data.RunId == RunId));
            Assert.That(Volatile.Read(ref forced), Is.EqualTo(1), "concurrent 401s must share one refresh");
            Assert.That(headers.Count(header => header == "Bearer old-token"), Is.EqualTo(calls));
            Assert.That(headers.Count(header => header == "Bearer new-token"), Is.EqualTo(calls));
        });
    }

    [Test]
    public async Task A_provider_returning_null_sends_no_Authorization_header()
    {
        var calls = 0;
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return ValueTask.FromResult<string?>(null);
        });

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var request = fixture.Sandbox.Server.LogEntries.Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(1));
            Assert.That(request.Headers!.ContainsKey("Authorization"), Is.False);
        });
    }

    [TestCase("static")]
    [TestCase("provider")]
    public void A_token_with_a_plain_http_address_to_another_host_is_refused_by_options_validation(string kind)
    {
        const string token = "secret-token-do-not-show-7c1e";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = new Uri("http://example.com/");
            if (kind == "static")
            {
                options.AccessToken = token;
            }
            else
            {
                options.AccessTokenProvider = (_, _) => ValueTask.FromResult<string?>(token);
            }
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBacktestClient>());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("https"));
            Assert.That(exception.Message, Does.Contain("example.com"));
            Assert.That(exception.ToString(), Does.Not.Contain(token));
        });
    }

    [Test]
    public void The_standalone_client_refuses_a_token_with_a_plain_http_address_to_another_host()
    {
        const string token = "secret-token-do-not-show-7c1e";
        var options = new QuantDeskClientOptions { BaseAddress = new Uri("http://example.com/"), AccessToken = token };

        var exception = Assert.Throws<OptionsValidationException>(() => _ = new BacktestClient(options));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("https"));
            Assert.That(exception.ToString(), Does.Not.Contain(token));
        });
    }

    [Test]
    public async Task A_token_over_plain_http_to_loopback_is_allowed()
    {
        using var fixture = new ClientFixture(options =>
        {
            options.BaseAddress = new Uri($"http://127.0.0.1:{options.BaseAddress.Port}/");
            options.AccessToken = "loopback-token";
        });

        var response = await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(response.Success, Is.True);
            Assert.That(fixture.Sandbox.Server.LogEntries.Single().RequestMessage!.Url, Does.StartWith("http://127.0.0.1:"), "sent over plain http to the loopback address");
            Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer loopback-token" }));
        });
    }

    [Test]
    public void A_failing_token_provider_is_a_credential_error_sent_nowhere_and_not_retried()
    {
        var calls = 0;
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (_, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new HttpRequestException("login.identity.example is unreachable");
        });

        var error = Assert.ThrowsAsync<QuantDeskCredentialException>(() => fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(calls, Is.EqualTo(1));
            Assert.That(fixture.Sandbox.Server.LogEntries, Is.Empty);
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task A_blank_token_from_the_provider_sends_no_authorization_header(string token)
    {
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (_, _) => ValueTask.FromResult<string?>(token));

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "(none)" }));
    }

    [TestCase("abc\r\nX-Injected: 1")]
    [TestCase(" padded")]
    public void A_token_that_cannot_travel_in_a_header_is_a_credential_error_that_does_not_echo_it(string token)
    {
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (_, _) => ValueTask.FromResult<string?>(token));

        var error = Assert.ThrowsAsync<QuantDeskCredentialException>(() => fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.That(error!.ToString(), Does.Not.Contain(token.Trim()));
        Assert.That(fixture.Sandbox.Server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task A_retry_after_the_token_is_withdrawn_sends_no_stale_authorization_header()
    {
        var tokens = new Queue<string?>(["first", ""]);
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (_, _) => ValueTask.FromResult(tokens.Dequeue()));
        fixture.Sandbox.Server.AnswerRunInSequence(
            RunId,
            Responses.Json(503, "{}"),
            Responses.Json(200, QuantDeskSandbox.ExampleRunBody(RunId).ToJsonString()));

        await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer first", "(none)" }));
    }

    private static string[] AuthorizationHeaders(WireMockServer server) =>
        server.LogEntries
            .OrderBy(entry => entry.RequestMessage!.DateTime)
            .Select(entry => entry.RequestMessage!.Headers!.TryGetValue("Authorization", out var values) ? values.Single() : "(none)")
            .ToArray();

    /// <summary>Hands out one token until asked to refresh, then another; counts forced refreshes.</summary>
    private sealed class RefreshingProvider(string first, string refreshed)
    {
        private readonly ConcurrentQueue<AccessTokenRequest> _requests = new();
        private volatile string _current = first;

        public int ForcedRefreshes => _requests.Count(request => request.ForceRefresh);

        public ValueTask<string?> GetAsync(AccessTokenRequest request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request);
            if (request.ForceRefresh)
            {
                _current = refreshed;
            }

            return ValueTask.FromResult<string?>(_current);
        }
    }
}
