using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Http;

public sealed class StandaloneClientTests : SandboxPerTest
{
    [Test]
    public async Task Without_a_container_the_client_authenticates_retries_and_maps_errors()
    {
        Sandbox.Server.AnswerRunInSequence(
            "flaky",
            Responses.Json(503, "{}"),
            Responses.Json(200, QuantDeskSandbox.ExampleRunBody("flaky").ToJsonString()));
        var client = new BacktestClient(Options(token: "standalone-token"));

        var run = (await client.GetBacktestRunAsync("flaky")).Data;

        Assert.Multiple(() =>
        {
            Assert.That(run.RunId, Is.EqualTo("flaky"));
            Assert.That(Sandbox.Server.RequestsTo("flaky"), Is.EqualTo(2));
            Assert.That(Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!.Headers!["Authorization"].Single()), Is.All.EqualTo("Bearer standalone-token"));
            Assert.ThrowsAsync<QuantDeskNotFoundException>(() => client.GetBacktestRunAsync("missing"));
        });
    }

    [Test]
    public async Task Without_a_container_the_token_provider_is_refreshed_once_on_401()
    {
        Sandbox.Server.Given(Responses.GetRun("guarded").WithHeader("Authorization", "Bearer stale")).AtPriority(0)
            .RespondWith(Responses.Json(401, QuantDeskSandbox.ErrorBody("TOKEN_EXPIRED", "Token expired.").ToJsonString()));
        Sandbox.ServeRun("guarded", QuantDeskSandbox.ExampleRunBody("guarded"));
        var refreshes = 0;
        var client = new BacktestClient(new QuantDeskClientOptions
        {
            BaseAddress = Sandbox.BaseAddress,
            SendAccessTokenOnEveryCall = true,
            AccessTokenProvider = (request, _) =>
            {
                if (request.ForceRefresh)
                {
                    refreshes++;
                }

                return ValueTask.FromResult<string?>(refreshes == 0 ? "stale" : "fresh");
            },
        });

        var run = (await client.GetBacktestRunAsync("guarded")).Data;

        Assert.That((run.RunId, refreshes, Sandbox.Server.RequestsTo("guarded")), Is.EqualTo(("guarded", 1, 2)));
    }

    [Test]
    public void Without_a_container_transport_failures_are_typed()
    {
        var client = new BacktestClient(new QuantDeskClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/"),
            Retry = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });

        var error = Assert.ThrowsAsync<QuantDeskConnectionException>(() => client.GetBacktestRunAsync("any"));

        Assert.That(error!.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(error.StatusCode, Is.Null);
    }

    [Test]
    public async Task A_client_keeps_the_settings_it_was_created_with()
    {
        var options = Options(token: "tenant-a");
        var client = new BacktestClient(options);
        options.AccessToken = "tenant-b";

        await client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(Sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo("Bearer tenant-a"));
    }

    [Test]
    public async Task Standalone_clients_share_one_connection_pool()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());
        using var server = new Support.LoopbackHttpServer(_ => new Support.LoopbackAnswer(200, "application/json", body));
        var first = new BacktestClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, AccessToken = "a", SendAccessTokenOnEveryCall = true });
        var second = new BacktestClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, AccessToken = "b", SendAccessTokenOnEveryCall = true });

        // One after the other: one idle pooled connection can serve every call, whichever client makes it.
        await first.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await second.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await first.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.EqualTo(3));
            Assert.That(server.Connections, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Clients_send_no_cookie_a_server_set()
    {
        Sandbox.Server.AnswerRun("cookie", WireMock.ResponseBuilders.Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Set-Cookie", "session=tenant-a; Path=/")
            .WithBody(QuantDeskSandbox.ExampleRunBody("cookie").ToJsonString()));
        var first = new BacktestClient(Options(token: "a"));
        var second = new BacktestClient(Options(token: "b"));

        await first.GetBacktestRunAsync("cookie");
        await second.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await first.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!.Headers!.ContainsKey("Cookie")), Is.All.False);
    }

    private QuantDeskClientOptions Options(string? token = null) => new()
    {
        BaseAddress = Sandbox.BaseAddress,
        AccessToken = token,
        SendAccessTokenOnEveryCall = true,
        Retry = { BaseDelay = TimeSpan.FromMilliseconds(5) },
    };
}
