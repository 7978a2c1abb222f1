using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Testing;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.AotTests;

/// <summary>The real client, registered and standalone, against the sandbox with reflection-based JSON off.</summary>
public sealed class ReflectionFreeClientTests
{
    private QuantDeskSandbox _sandbox = null!;
    private ServiceProvider _services = null!;
    private IBacktestClient _client = null!;

    [OneTimeSetUp]
    public void StartSandbox()
    {
        _sandbox = QuantDeskSandbox.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantDesk:BaseAddress"] = _sandbox.BaseAddress.ToString(),
            ["QuantDesk:AccessToken"] = "aot-token",
            ["QuantDesk:Retry:MaxRetryAttempts"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(configuration.GetSection("QuantDesk"));
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IBacktestClient>();
    }

    [OneTimeTearDown]
    public void StopSandbox()
    {
        _services.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public void Reflection_based_serialization_is_really_off()
    {
        Assert.That(JsonSerializer.IsReflectionEnabledByDefault, Is.False);
    }

    [Test]
    public async Task Reads_the_example_run()
    {
        var run = (await _client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).Data;

        Assert.Multiple(() =>
        {
            Assert.That(run.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(run.Status, Is.EqualTo(BacktestRunStatus.Completed));
            Assert.That(run.Sharpe, Is.EqualTo(1.84));
            Assert.That(run.Dsr, Is.EqualTo(0.72));
            Assert.That(run.MaxDrawdown, Is.EqualTo(-0.14));
        });
    }

    [Test]
    public async Task The_standalone_client_reads_the_example_run()
    {
        var client = new BacktestClient(new QuantDeskClientOptions { BaseAddress = _sandbox.BaseAddress });

        var run = (await client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).Data;

        Assert.That(run.Sharpe, Is.EqualTo(1.84));
    }

    [Test]
    public async Task Keeps_properties_the_contract_does_not_know_yet()
    {
        const string runId = "run-with-extras";
        Serve(runId, 200, """{ "success": true, "trace": { "shard": 7 }, "data": { "run_id": "run-with-extras", "status": "completed", "sharpe": 1.5, "venue": "perp-dex" } }""");

        var response = await _client.GetBacktestRunAsync(runId);

        Assert.Multiple(() =>
        {
            Assert.That(response.Data.Sharpe, Is.EqualTo(1.5));
            Assert.That(((JsonElement)response.Data.AdditionalProperties["venue"]).GetString(), Is.EqualTo("perp-dex"));
            Assert.That(((JsonElement)response.AdditionalProperties["trace"]).GetProperty("shard").GetInt32(), Is.EqualTo(7));
        });
    }

    [Test]
    public void A_404_becomes_a_typed_not_found_exception_with_the_error_fields()
    {
        var error = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => _client.GetBacktestRunAsync("no-such-run"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(404));
            Assert.That(error.ErrorCode, Is.EqualTo("RUN_NOT_FOUND"));
            Assert.That(error.ServerMessage, Is.EqualTo("Unknown run."));
            Assert.That(error.RequestId, Does.StartWith("req_sandbox_"));
            Assert.That(error.Timestamp, Is.Not.Null);
        });
    }

    [Test]
    public void An_error_body_with_fields_of_other_types_still_gives_the_fields_it_can()
    {
        const string runId = "run-odd-error";
        Serve(runId, 400, """{ "success": false, "code": 42, "message": "Bad id.", "request_id": "req_odd", "timestamp": "yesterday" }""");

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => _client.GetBacktestRunAsync(runId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(400));
            Assert.That(error.ErrorCode, Is.Null);
            Assert.That(error.ServerMessage, Is.EqualTo("Bad id."));
            Assert.That(error.RequestId, Is.EqualTo("req_odd"));
        });
    }

    [TestCase("{ \"success\": true, \"data\": { \"run_id\": ", TestName = "A_truncated_200_body_becomes_an_api_exception_with_a_JsonException_inside")]
    [TestCase("{ \"success\": true, \"data\": null }", TestName = "A_200_with_null_data_becomes_an_api_exception_with_a_JsonException_inside")]
    [TestCase("null", TestName = "A_200_with_a_JSON_null_body_becomes_an_api_exception_with_a_JsonException_inside")]
    [TestCase("<html>gateway</html>", TestName = "A_200_with_an_HTML_body_becomes_an_api_exception_with_a_JsonException_inside")]
    public void An_unusable_200_body_becomes_an_api_exception_with_a_JsonException_inside(string body)
    {
        var runId = "run-unusable-" + body.Length;
        Serve(runId, 200, body);

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => _client.GetBacktestRunAsync(runId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerException, Is.InstanceOf<JsonException>(), error.ToString());
            Assert.That(error.ResponseBody, Is.EqualTo(body));
        });
    }

    [Test]
    public void A_200_with_success_false_carries_the_error_fields()
    {
        const string runId = "run-success-false";
        Serve(runId, 200, """{ "success": false, "code": "RUN_FAILED", "request_id": "req_false", "data": { "run_id": "run-success-false", "status": "failed" } }""");

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => _client.GetBacktestRunAsync(runId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerException, Is.InstanceOf<JsonException>());
            Assert.That(error.ErrorCode, Is.EqualTo("RUN_FAILED"));
            Assert.That(error.RequestId, Is.EqualTo("req_false"));
        });
    }

    private void Serve(string runId, int status, string body) =>
        _sandbox.Server
            .Given(WireMock.RequestBuilders.Request.Create().UsingGet().WithPath("/api/v2/backtest/runs/" + runId))
            .AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
}
