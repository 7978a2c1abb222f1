using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace QuantDesk.Client.Testing;

/// <summary>
/// A fake QuantDesk API running in-process on a loopback port (WireMock.Net). Out of the box it serves the
/// contract's example backtest run under <see cref="ExampleRunId"/> and the documented 404 error for any other
/// run id. Use <see cref="Server"/> to add answers of your own and to inspect the requests it received.
/// </summary>
public sealed class QuantDeskSandbox : IDisposable
{
    /// <summary>The run id of the contract's example run.</summary>
    public const string ExampleRunId = "b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b";

    private const string RunsPath = "/api/v2/backtest/runs/";

    private QuantDeskSandbox(WireMockServer server)
    {
        Server = server;
        BaseAddress = new Uri(server.Url! + "/");
    }

    /// <summary>The underlying WireMock.Net server, for custom answers and request assertions.</summary>
    public WireMockServer Server { get; }

    /// <summary>The sandbox's address (<c>http://127.0.0.1:port/</c>), for <see cref="QuantDeskClientOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a sandbox on a free loopback port, serving the default answers.</summary>
    /// <returns>The running sandbox; dispose it to stop the server.</returns>
    public static QuantDeskSandbox Start()
    {
        var sandbox = new QuantDeskSandbox(WireMockServer.Start());
        sandbox.ServeDefaults();
        return sandbox;
    }

    /// <summary>The contract's example <c>getBacktestRun</c> body for a run id.</summary>
    /// <param name="runId">The run id to put in the body.</param>
    /// <returns>The JSON envelope with <c>success: true</c> and the run in <c>data</c>.</returns>
    public static JsonObject ExampleRunBody(string runId = ExampleRunId)
    {
        var body = OpenApiExamples.ForSchema("BacktestRunResponse");
        body["data"]!["run_id"] = runId;
        return body;
    }

    /// <summary>A body of the contract's <c>Error</c> schema.</summary>
    /// <param name="code">The error code, used for both <c>error</c> and <c>code</c>.</param>
    /// <param name="message">The human-readable message.</param>
    /// <param name="requestId">The request id to report.</param>
    /// <returns>The JSON error body with <c>success: false</c>.</returns>
    public static JsonObject ErrorBody(string code, string message, string requestId = "req_sandbox") => new()
    {
        ["success"] = false,
        ["error"] = code,
        ["code"] = code,
        ["message"] = message,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["request_id"] = requestId,
    };

    /// <summary>Serves a run with the given JSON <c>data</c> (status and metrics of your choosing) under its id.</summary>
    /// <param name="runId">The run id, matched exactly (as decoded by the server).</param>
    /// <param name="body">The whole response body.</param>
    /// <param name="statusCode">The HTTP status to answer with.</param>
    public void ServeRun(string runId, JsonObject body, int statusCode = 200) =>
        Server
            .Given(Request.Create().UsingGet().WithPath(RunsPath + runId))
            .AtPriority(1)
            .RespondWith(Response.Create()
                .WithStatusCode(statusCode)
                .WithHeader("Content-Type", "application/json")
                .WithBody(body.ToJsonString()));

    /// <inheritdoc />
    public void Dispose() => Server.Stop();

    private void ServeDefaults()
    {
        ServeRun(ExampleRunId, ExampleRunBody());
        Server
            .Given(Request.Create().UsingGet().WithPath(new WildcardMatcher(RunsPath + "*")))
            .AtPriority(100)
            .RespondWith(Response.Create()
                .WithStatusCode(404)
                .WithHeader("Content-Type", "application/json")
                .WithBody(ErrorBody("RUN_NOT_FOUND", "Unknown run.", "req_sandbox_404").ToJsonString()));
    }
}
