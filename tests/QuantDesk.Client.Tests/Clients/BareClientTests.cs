using System.Text.Json;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Clients;

/// <summary>
/// The generated constructor over the caller's own HttpClient: no handlers of ours, the body read straight from
/// the connection, and still typed results and errors.
/// </summary>
public sealed class BareClientTests
{
    private const string RunId = "run-bare";

    private QuantDeskSandbox _sandbox = null!;
    private HttpClient _http = null!;
    private BacktestClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = QuantDeskSandbox.Start();
        _http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        _client = new BacktestClient(_http);
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task Reads_the_example_run()
    {
        var run = (await _client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).Data;

        Assert.That((run.RunId, run.Sharpe, run.Dsr), Is.EqualTo((QuantDeskSandbox.ExampleRunId, 1.84, 0.72)));
    }

    [Test]
    public void A_404_becomes_a_typed_not_found_exception_with_the_request_id()
    {
        var error = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => _client.GetBacktestRunAsync("no-such-run"));

        Assert.That(error!.ErrorCode, Is.EqualTo("RUN_NOT_FOUND"));
        Assert.That(error.RequestId, Does.StartWith("req_sandbox_"));
    }

    [TestCase("{ \"success\": true, \"data\": { \"run_id\": ", TestName = "A_truncated_200_body_read_from_the_connection_is_kept_in_the_exception")]
    [TestCase("null", TestName = "A_JSON_null_200_body_read_from_the_connection_is_kept_in_the_exception")]
    public void An_unusable_200_body_read_from_the_connection_is_kept_in_the_exception(string body)
    {
        _sandbox.Server.AnswerRun(RunId, Responses.Json(200, body).WithHeader("X-Request-ID", "req_bare"));

        var error = Assert.ThrowsAsync<QuantDeskApiException>(() => _client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(200));
            Assert.That(error.InnerException, Is.InstanceOf<JsonException>());
            Assert.That(error.ResponseBody, Is.EqualTo(body));
            Assert.That(error.RequestId, Is.EqualTo("req_bare"), "headers are still there when an exception reads them");
        });
    }
}
