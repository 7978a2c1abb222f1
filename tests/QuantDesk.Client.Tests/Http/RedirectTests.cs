using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using QuantDesk.Client.Http;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Http;

/// <summary>
/// The client's redirect rules, each with two servers on loopback: the API (the sandbox the client is configured
/// for) and another origin. Every test asserts which server saw which request, and with which Authorization.
/// </summary>
public sealed class RedirectTests
{
    private const string Token = "redirect-test-token";
    private const string RunId = "run-redirect";

    [Test]
    public async Task A_GET_redirected_to_another_origin_is_followed_without_the_token()
    {
        using var other = QuantDeskSandbox.Start();
        using var fixture = new ClientFixture(options => options.AccessToken = Token);
        RedirectRun(fixture.Sandbox.Server, 302, new Uri(other.BaseAddress, Responses.RunPath + QuantDeskSandbox.ExampleRunId));

        var run = await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.Multiple(() =>
        {
            Assert.That(run.Data.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(Authorizations(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer " + Token }));
            Assert.That(Authorizations(other.Server), Is.EqualTo(new[] { "(none)" }));
        });
    }

    [Test]
    public void Every_retry_starts_again_at_the_API_and_the_failing_target_never_sees_the_token()
    {
        using var other = QuantDeskSandbox.Start();
        other.Server.AnswerRun(RunId, Responses.Json(503, QuantDeskSandbox.ErrorBody("E503", "Down.", "req_other").ToJsonString()));
        using var fixture = new ClientFixture(options => options.AccessToken = Token);
        RedirectRun(fixture.Sandbox.Server, 302, new Uri(other.BaseAddress, Responses.RunPath + RunId));

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(503));
            Assert.That(Authorizations(fixture.Sandbox.Server), Is.EqualTo(Enumerable.Repeat("Bearer " + Token, 4)), "each of the 4 attempts starts at the API");
            Assert.That(Authorizations(other.Server), Is.EqualTo(Enumerable.Repeat("(none)", 4)));
        });
    }

    [Test]
    public void A_401_from_the_redirect_target_is_not_answered_with_a_refresh_and_never_gets_a_token()
    {
        var refreshes = 0;
        using var other = QuantDeskSandbox.Start();
        other.Server.AnswerRun(RunId, Responses.Json(401, QuantDeskSandbox.ErrorBody("UNAUTHORIZED", "Who are you?", "req_other").ToJsonString()));
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (request, _) =>
        {
            if (request.ForceRefresh)
            {
                Interlocked.Increment(ref refreshes);
            }

            return ValueTask.FromResult<string?>(request.ForceRefresh ? "refreshed-" + Token : Token);
        });
        RedirectRun(fixture.Sandbox.Server, 307, new Uri(other.BaseAddress, Responses.RunPath + RunId));

        var error = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(401));
            Assert.That(refreshes, Is.Zero);
            Assert.That(Authorizations(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer " + Token }));
            Assert.That(Authorizations(other.Server), Is.EqualTo(new[] { "(none)" }));
        });
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    [TestCase(307)]
    [TestCase(308)]
    public void A_POST_is_never_carried_to_another_origin(int status)
    {
        using var other = QuantDeskSandbox.Start();
        using var fixture = new ClientFixture(options => options.AccessToken = Token);
        var target = new Uri(other.BaseAddress, "api/v2/backtest/runs");
        fixture.Sandbox.Server.Given(Request.Create().UsingPost().WithPath("/api/v2/backtest/runs")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", target.ToString()));

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.SubmitBacktestRunAsync(Requests.Submission()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(status));
            Assert.That(error.Message, Does.Contain(target.Authority).And.Contain("another origin"));
            Assert.That(other.Server.LogEntries, Is.Empty, "the other origin never sees the strategy");
            Assert.That(fixture.Sandbox.Server.LogEntries, Has.Count.EqualTo(1), "a submission is sent once");
        });
    }

    [Test]
    public async Task A_303_after_a_POST_on_the_API_origin_is_followed_as_a_GET_without_the_body_and_with_the_token()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = Token);
        fixture.Sandbox.Server.Given(Request.Create().UsingPost().WithPath("/api/v2/backtest/runs")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(303).WithHeader("Location", Responses.RunPath + QuantDeskSandbox.ExampleRunId));
        var http = NamedHttpClient(fixture);

        using var response = await http.PostAsync(new Uri("api/v2/backtest/runs", UriKind.Relative), new StringContent("""{"strategy":"x"}"""));

        var entries = fixture.Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(entries.Select(entry => entry.Method), Is.EqualTo(new[] { "POST", "GET" }));
            Assert.That(entries[1].Body, Is.Null.Or.Empty);
            Assert.That(Authorizations(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer " + Token, "Bearer " + Token }));
        });
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task A_303_turns_any_method_but_HEAD_into_a_GET_that_carries_no_body(string method)
    {
        var hops = new System.Collections.Concurrent.ConcurrentQueue<(string Method, bool HasBody)>();
        using var fixture = new ClientFixture(builder: builder => builder.AddHttpMessageHandler(() => new ObservingHandler(request => hops.Enqueue((request.Method.Method, request.Content is not null)))));
        fixture.Sandbox.Server.Given(Request.Create().UsingMethod(method).WithPath("/api/v2/thing")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(303).WithHeader("Location", "/api/v2/thing-seen"));
        fixture.Sandbox.Server.Given(Request.Create().UsingGet().WithPath("/api/v2/thing-seen")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(204));

        using var response = await NamedHttpClient(fixture).SendAsync(new HttpRequestMessage(new HttpMethod(method), "api/v2/thing") { Content = new StringContent("body-of-the-call") });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(hops, Is.EqualTo(new[] { (method, true), ("GET", false) }));
        });
    }

    [Test]
    public async Task A_307_on_the_API_origin_keeps_the_method_the_body_and_the_token()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = Token);
        fixture.Sandbox.Server.Given(Request.Create().UsingPost().WithPath("/api/v2/backtest/runs")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", "/api/v2/backtest/runs-moved"));
        fixture.Sandbox.Server.Given(Request.Create().UsingPost().WithPath("/api/v2/backtest/runs-moved")).AtPriority(0)
            .RespondWith(Responses.Json(202, """{"success":true,"data":{"run_id":"run-moved","status":"queued"}}"""));

        var submission = await fixture.Client.SubmitBacktestRunAsync(Requests.Submission());

        var entries = fixture.Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(submission.Data.RunId, Is.EqualTo("run-moved"));
            Assert.That(entries.Select(entry => entry.Method + " " + entry.Path), Is.EqualTo(new[] { "POST /api/v2/backtest/runs", "POST /api/v2/backtest/runs-moved" }));
            Assert.That(entries[1].Body, Is.EqualTo(entries[0].Body).And.Contain("sol-perp"));
            Assert.That(Authorizations(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer " + Token, "Bearer " + Token }));
        });
    }

    [Test]
    public void A_401_after_a_POST_was_turned_into_a_GET_is_not_answered_by_resending_the_POST()
    {
        var refreshes = 0;
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (request, _) =>
        {
            if (request.ForceRefresh)
            {
                Interlocked.Increment(ref refreshes);
            }

            return ValueTask.FromResult<string?>(Token);
        });
        fixture.Sandbox.Server.Given(Request.Create().UsingPost().WithPath("/api/v2/backtest/runs")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(303).WithHeader("Location", Responses.RunPath + RunId));
        fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(401, QuantDeskSandbox.ErrorBody("UNAUTHORIZED", "No.", "req_401").ToJsonString()));

        var error = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => fixture.Client.SubmitBacktestRunAsync(Requests.Submission()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(401));
            Assert.That(refreshes, Is.Zero);
            Assert.That(fixture.Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!.Method), Is.EqualTo(new[] { "POST", "GET" }), "the submission is sent once");
        });
    }

    [Test]
    public async Task Another_origin_gets_none_of_the_callers_own_headers_but_what_it_may_answer_in()
    {
        using var other = QuantDeskSandbox.Start();
        using var fixture = new ClientFixture(
            options => options.AccessToken = Token,
            http => http.ConfigureHttpClient(client =>
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", "key-of-the-caller");
                client.DefaultRequestHeaders.Add("Accept-Language", "de-CH");
            }));
        RedirectRun(fixture.Sandbox.Server, 302, new Uri(other.BaseAddress, Responses.RunPath + QuantDeskSandbox.ExampleRunId));

        await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Sandbox.Server.LogEntries.Single().RequestMessage!.Headers!.ContainsKey("X-Api-Key"), Is.True, "control: the API gets it");
            Assert.That(other.Server.LogEntries.Single().RequestMessage!.Headers!.ContainsKey("X-Api-Key"), Is.False);
            Assert.That(other.Server.LogEntries.Single().RequestMessage!.Headers!["User-Agent"].Single(), Does.Contain("QuantDesk.Client/"));
            Assert.That(other.Server.LogEntries.Single().RequestMessage!.Headers!["Accept"].Single(), Is.EqualTo("application/json"));
            Assert.That(other.Server.LogEntries.Single().RequestMessage!.Headers!["Accept-Language"].Single(), Is.EqualTo("de-CH"));
        });
    }

    [Test]
    public async Task A_301_keeps_a_PUT_as_a_PUT_with_its_body()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.Given(Request.Create().UsingPut().WithPath("/api/v2/thing")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "/api/v2/thing-moved"));
        fixture.Sandbox.Server.Given(Request.Create().UsingPut().WithPath("/api/v2/thing-moved")).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(204));

        using var response = await NamedHttpClient(fixture).PutAsync(new Uri("api/v2/thing", UriKind.Relative), new StringContent("body-of-the-put"));

        var entries = fixture.Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(entries.Select(entry => entry.Method), Is.EqualTo(new[] { "PUT", "PUT" }));
            Assert.That(entries[1].Body, Is.EqualTo("body-of-the-put"));
        });
    }

    [Test]
    public void With_MaxRedirects_0_a_redirect_is_not_followed_and_fails_with_its_status()
    {
        using var other = QuantDeskSandbox.Start();
        using var fixture = new ClientFixture(options => options.MaxRedirects = 0);
        RedirectRun(fixture.Sandbox.Server, 302, new Uri(other.BaseAddress, Responses.RunPath + QuantDeskSandbox.ExampleRunId));

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(302));
            Assert.That(error.Message, Does.Contain("failed with 302").And.Not.Contain("redirect number"), "the answer itself, not a refusal to follow it");
            Assert.That(other.Server.LogEntries, Is.Empty);
        });
    }

    [Test]
    public void A_redirect_from_https_to_plain_http_is_refused()
    {
        var seen = new List<Uri>();
        var options = new QuantDeskClientOptions { BaseAddress = new Uri("https://api.quantdesk.test/"), AccessToken = Token };
        var pipeline = new ClientPipeline(() => options, NullLogger.Instance);
        using var http = new HttpClient(pipeline.Chain(new AnsweringHandler(request =>
        {
            seen.Add(request.RequestUri!);
            var response = new HttpResponseMessage(HttpStatusCode.Found) { RequestMessage = request };
            response.Headers.Location = new Uri("http://api.quantdesk.test/api/v2/backtest/runs/" + RunId);
            return response;
        })), disposeHandler: true) { BaseAddress = options.BaseAddress };
        var client = new BacktestClient(http);

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(302));
            Assert.That(error.Message, Does.Contain("from https to plain http"));
            Assert.That(seen, Has.Count.EqualTo(1));
        });
    }

    private static void RedirectRun(WireMockServer server, int status, Uri target) =>
        server.AnswerRun(RunId, Response.Create().WithStatusCode(status).WithHeader("Location", target.ToString()));

    private static HttpClient NamedHttpClient(ClientFixture fixture) =>
        fixture.Services.GetRequiredService<IHttpClientFactory>().CreateClient(QuantDeskServiceCollectionExtensions.HttpClientName);

    private static string[] Authorizations(WireMockServer server) =>
        server.LogEntries
            .Select(entry => entry.RequestMessage!.Headers!.TryGetValue("Authorization", out var values) ? values.Single() : "(none)")
            .ToArray();

    private sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
