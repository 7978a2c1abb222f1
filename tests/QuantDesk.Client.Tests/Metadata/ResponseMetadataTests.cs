using System.Text.Json;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Contract;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Metadata;

/// <summary>Every operation's <c>...WithResponseAsync</c> twin: the plain result plus what the exchange said about it.</summary>
public sealed class ResponseMetadataTests
{
    private static IEnumerable<ContractOperation> Operations() => ContractOperation.All();

    [TestCaseSource(nameof(Operations))]
    public async Task The_twin_of_each_operation_returns_the_plain_result_with_its_status_request_id_headers_and_attempts(ContractOperation operation)
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create()
            .WithStatusCode(operation.SuccessStatus)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-Request-ID", "req_meta_" + operation.Id)
            .WithHeader("X-RateLimit-Remaining", "7")
            .WithBody(QuantDeskSandbox.ContractExample(operation.Id).ToJsonString()));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = new Uri(server.Url! + "/"), AccessToken = "meta-token" });

        var plain = await ContractCalls.InvokeAsync(client, operation);
        var response = await ContractCalls.InvokeAsync(client, operation, operation.MethodName.Replace("Async", "WithResponseAsync", StringComparison.Ordinal));

        var metadata = (dynamic)response!;
        Assert.Multiple(() =>
        {
            Assert.That(response!.GetType().GetGenericTypeDefinition(), Is.EqualTo(typeof(QuantDeskResponse<>)));
            Assert.That(Json(((object)metadata.Value)), Is.EqualTo(Json(plain!)));
            Assert.That((int)metadata.StatusCode, Is.EqualTo(operation.SuccessStatus));
            Assert.That((string?)metadata.RequestId, Is.EqualTo("req_meta_" + operation.Id));
            Assert.That((IEnumerable<string>)metadata.Headers["x-ratelimit-remaining"], Is.EqualTo(new[] { "7" }));
            Assert.That(((IEnumerable<string>)metadata.Headers["Content-Type"]).Single(), Does.StartWith("application/json"));
            Assert.That((int)metadata.Attempts, Is.EqualTo(1));
            Assert.That((TimeSpan)metadata.Elapsed, Is.GreaterThan(TimeSpan.Zero));
            Assert.That((string)metadata.ToString(), Does.StartWith(operation.SuccessStatus + " in ").And.EndWith("after 1 attempt(s), request id req_meta_" + operation.Id));
        });
    }

    [TestCaseSource(nameof(Operations))]
    public void Each_operation_declares_its_twin_on_its_interface_with_the_same_parameters(ContractOperation operation)
    {
        var area = ContractCalls.AreaInterfaceOf(operation);
        var plain = area.GetMethod(operation.MethodName)!;
        var twin = area.GetMethod(operation.MethodName.Replace("Async", "WithResponseAsync", StringComparison.Ordinal));

        Assert.That(twin, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(twin!.GetParameters().Select(parameter => (parameter.Name, parameter.ParameterType, parameter.HasDefaultValue)), Is.EqualTo(plain.GetParameters().Select(parameter => (parameter.Name, parameter.ParameterType, parameter.HasDefaultValue))));
            Assert.That(twin.ReturnType, Is.EqualTo(typeof(Task<>).MakeGenericType(typeof(QuantDeskResponse<>).MakeGenericType(plain.ReturnType.GetGenericArguments()[0]))));
        });
    }

    [Test]
    public async Task Attempts_count_the_retries_and_elapsed_covers_the_answer_that_came_late()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.FailNextRequests(503, 503).WithLatency(TimeSpan.FromMilliseconds(150));

        var response = await fixture.Client.GetBacktestRunWithResponseAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(response.Value.Data.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Attempts, Is.EqualTo(3));
            Assert.That(response.RequestId, Is.EqualTo("req_sandbox_3"), "the request id of the answer that succeeded");

            // Three answers that each waited 150 ms on the server: a lower bound that no machine can beat.
            Assert.That(response.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450)));
        });
    }

    [Test]
    public async Task A_resend_with_a_refreshed_token_is_an_attempt()
    {
        var tokens = new Queue<string>(["stale", "fresh"]);
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (_, _) => new ValueTask<string?>(tokens.Dequeue()));
        fixture.Sandbox.RequireAccessToken("fresh");

        var response = await fixture.Api.Backtests.GetBacktestRunWithResponseAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(response.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task A_redirect_hop_is_an_attempt()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRun("run-moved", Response.Create().WithStatusCode(302).WithHeader("Location", Responses.RunPath + QuantDeskSandbox.ExampleRunId));

        var response = await fixture.Client.GetBacktestRunWithResponseAsync("run-moved");

        Assert.Multiple(() =>
        {
            Assert.That(response.Value.Data.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(response.Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public void An_error_answer_throws_the_same_typed_exception_as_the_plain_method()
    {
        using var fixture = new ClientFixture();

        var failure = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => fixture.Client.GetBacktestRunWithResponseAsync("no-such-run"));

        Assert.That(failure!.ErrorCode, Is.EqualTo("RUN_NOT_FOUND"));
    }

    [TestCase("req_\u001b[31mred\u0007", "req_\\u001B[31mred\\u0007")]
    [TestCase("", null)]
    public async Task The_request_id_is_printable_whatever_the_server_sent(string sent, string? expected)
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(200, "application/json", JsonSerializer.SerializeToUtf8Bytes(QuantDeskSandbox.ExampleRunBody()), "X-Request-ID: " + sent));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress });

        var response = await client.Backtests.GetBacktestRunWithResponseAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(response.RequestId, Is.EqualTo(expected));
    }

    [Test]
    public async Task Without_a_request_id_header_the_request_id_is_null_and_ToString_says_so()
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(200, "application/json", JsonSerializer.SerializeToUtf8Bytes(QuantDeskSandbox.ExampleRunBody())));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress });

        var response = await client.Backtests.GetBacktestRunWithResponseAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(response.RequestId, Is.Null);
            Assert.That(response.Headers.ContainsKey("X-Request-ID"), Is.False);
            Assert.That(response.ToString(), Does.StartWith("200 in ").And.EndWith("after 1 attempt(s), request id (none)"));
        });
    }

    [Test]
    public async Task A_bare_client_without_the_pipeline_reports_one_attempt()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var client = new BacktestClient(new HttpClient { BaseAddress = sandbox.BaseAddress });

        var response = await client.GetBacktestRunWithResponseAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(response.Attempts, Is.EqualTo(1));
            Assert.That(response.RequestId, Is.EqualTo("req_sandbox_1"));
        });
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), ContractCalls.Json);
}
