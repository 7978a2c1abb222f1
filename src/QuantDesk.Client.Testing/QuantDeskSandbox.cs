using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace QuantDesk.Client.Testing;

/// <summary>
/// A fake QuantDesk API running in-process on a loopback port (WireMock.Net), for the tests of code that uses
/// QuantDesk.Client. Out of the box it serves the contract's examples: the dataset catalog, the example run under
/// <see cref="ExampleRunId"/>, submissions that are accepted and complete after two polls, and the documented 404
/// for unknown runs. The <c>With…</c> and <c>…Next…</c> methods change its answers and return the sandbox, so
/// they chain; <see cref="ReceivedRequests"/> and <see cref="Submissions"/> tell what your code sent.
/// </summary>
public sealed class QuantDeskSandbox : IDisposable
{
    /// <summary>The run id of the contract's example run.</summary>
    public const string ExampleRunId = "b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b";

    private const string ApiPath = "/api/v2/backtest/";
    private const string RunsPath = ApiPath + "runs/";

    private readonly SandboxBehaviour _behaviour;

    private QuantDeskSandbox(WireMockServer server)
    {
        Server = server;
        BaseAddress = new Uri(server.Url! + "/");
        var exampleRun = OpenApiExamples.Deserialize(ExampleRunBody(), SandboxJsonContext.Default.BacktestRunResponse).Data;
        var exampleDataset = OpenApiExamples.Deserialize(
            new JsonObject { ["success"] = true, ["data"] = new JsonArray(OpenApiExamples.ForSchema("BacktestDataset")) },
            SandboxJsonContext.Default.BacktestDatasetListResponse).Data[0];
        _behaviour = new SandboxBehaviour(exampleRun, exampleDataset);

        // Lowest priority: answers added through Server take precedence over the sandbox's own.
        server
            .Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher(ApiPath + "*")))
            .AtPriority(int.MaxValue)
            .RespondWith(Response.Create().WithCallback(_behaviour.AnswerAsync));
    }

    /// <summary>The underlying WireMock.Net server, for answers of your own and request assertions.</summary>
    public WireMockServer Server { get; }

    /// <summary>The sandbox's address (<c>http://127.0.0.1:port/</c>), for <see cref="QuantDeskClientOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The contract's example run (<see cref="ExampleRunId"/>, completed, Sharpe 1.84, DSR 0.72, max drawdown -0.14).</summary>
    public BacktestRun ExampleRun => _behaviour.ExampleRun;

    /// <summary>Every request the sandbox received, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> ReceivedRequests =>
        [.. Server.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).Select(entry => new SandboxRequest(entry.RequestMessage!))];

    /// <summary>Every run submission the sandbox received, oldest first, as your code sent it.</summary>
    public IReadOnlyList<SubmitBacktestRunRequest> Submissions =>
        [.. ReceivedRequests
            .Where(request => request.Method == "POST" && request.Path.TrimEnd('/') == RunsPath.TrimEnd('/'))
            .Select(request => SandboxBehaviour.ReadSubmission(request.Body))
            .OfType<SubmitBacktestRunRequest>()];

    /// <summary>Starts a sandbox on a free loopback port, serving the contract's examples.</summary>
    /// <returns>The running sandbox; dispose it to stop the server.</returns>
    public static QuantDeskSandbox Start() => new(WireMockServer.Start());

    /// <summary>Serves a run under its id, on every poll. Build it with <see cref="QuantDeskModelFactory.BacktestRun"/>.</summary>
    /// <param name="run">The run, with any status and metrics.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithRun(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _behaviour.SetRun([run]);
        return this;
    }

    /// <summary>
    /// Serves a run that is <c>queued</c> on the first poll, <c>running</c> on the next ones, and
    /// <paramref name="completedRun"/> (by default completed with the example metrics) after
    /// <paramref name="pollsInProgress"/> polls.
    /// </summary>
    /// <param name="runId">The run id.</param>
    /// <param name="pollsInProgress">How many polls see the run in progress.</param>
    /// <param name="completedRun">What the polls after those see; its id must be <paramref name="runId"/>.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithRunCompletingAfter(string runId, int pollsInProgress, BacktestRun? completedRun = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(pollsInProgress);
        if (completedRun is not null && completedRun.RunId != runId)
        {
            throw new ArgumentException($"The completed run's id '{completedRun.RunId}' is not '{runId}'.", nameof(completedRun));
        }

        _behaviour.SetRun(_behaviour.Progression(runId, pollsInProgress, completedRun));
        return this;
    }

    /// <summary>Answers 404 (<c>RUN_NOT_FOUND</c>) for a run, the example run included.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithoutRun(string runId)
    {
        _behaviour.RemoveRun(runId);
        return this;
    }

    /// <summary>Serves this dataset catalog instead of the contract's example.</summary>
    /// <param name="datasets">The datasets; build them with <see cref="QuantDeskModelFactory.BacktestDataset"/>.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithDatasets(params IEnumerable<BacktestDataset> datasets)
    {
        _behaviour.SetDatasets([.. datasets]);
        return this;
    }

    /// <summary>How many polls a submitted run stays in progress before it completes with the example metrics (2 by default).</summary>
    /// <param name="pollsInProgress">The number of polls; 0 completes at once.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithSubmittedRunsCompletingAfter(int pollsInProgress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pollsInProgress);
        _behaviour.SetSubmittedRunPollsInProgress(pollsInProgress);
        return this;
    }

    /// <summary>Answers 401 (<c>UNAUTHORIZED</c>) to every request that does not carry this Bearer token.</summary>
    /// <param name="token">The only token accepted; <see langword="null"/> accepts any request again.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox RequireAccessToken(string? token)
    {
        _behaviour.RequireToken(token);
        return this;
    }

    /// <summary>Delays every answer of the sandbox by this long.</summary>
    /// <param name="latency">The delay; <see cref="TimeSpan.Zero"/> for none.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        _behaviour.SetLatency(latency);
        return this;
    }

    /// <summary>
    /// Answers the next requests, whatever they ask for, with these error statuses in turn (one request each) and
    /// the documented error body: for example <c>FailNextRequests(503, 502)</c>, or 401, 403, 404, 500.
    /// </summary>
    /// <param name="statusCodes">The statuses, in order.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox FailNextRequests(params IEnumerable<int> statusCodes)
    {
        _behaviour.EnqueueFaults(statusCodes.Select(statusCode => (Func<string, SandboxAnswer>)(requestId => SandboxAnswer.ForStatus(statusCode, requestId))));
        return this;
    }

    /// <summary>Answers the next requests with 429 (<c>RATE_LIMITED</c>) and a <c>Retry-After</c> in seconds.</summary>
    /// <param name="count">How many requests are refused.</param>
    /// <param name="retryAfter">The wait the answers ask for (rounded up to whole seconds).</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox RateLimitNextRequests(int count, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        _behaviour.EnqueueFaults(Enumerable.Repeat<Func<string, SandboxAnswer>>(requestId => SandboxAnswer.ForStatus(429, requestId) with { RetryAfter = retryAfter }, count));
        return this;
    }

    /// <summary>Answers the next requests with 200 and a body that is not valid JSON.</summary>
    /// <param name="count">How many answers are malformed.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox MalformNextResponses(int count = 1)
    {
        _behaviour.EnqueueFaults(Enumerable.Repeat<Func<string, SandboxAnswer>>(_ => new SandboxAnswer(200, "{\"success\": true, \"data\": {\"run_id\": "), count));
        return this;
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

    /// <summary>Serves a raw JSON body (any shape, valid or not) for a run id, ahead of the sandbox's own answers.</summary>
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
}
