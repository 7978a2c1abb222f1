using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace QuantDesk.Client.Testing;

/// <summary>
/// What the sandbox answers, and the state behind it: the runs and how they progress, the dataset catalog,
/// the faults queued for the next requests, and the token it requires. Thread-safe: the server calls it from
/// many requests at once.
/// </summary>
internal sealed class SandboxBehaviour
{
    private const string DatasetsPath = "/api/v2/backtest/datasets";
    private const string RunsPath = "/api/v2/backtest/runs";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<BacktestRun>> _runs = new(StringComparer.Ordinal);
    private readonly Queue<Func<string, SandboxAnswer>> _faults = new();
    private IReadOnlyList<BacktestDataset> _datasets;
    private int _submittedRunPollsInProgress = 2;
    private string? _requiredToken;
    private TimeSpan _latency;
    private int _requestCount;

    public SandboxBehaviour(BacktestRun exampleRun, BacktestDataset exampleDataset)
    {
        ExampleRun = exampleRun;
        _datasets = [exampleDataset];
        SetRun([exampleRun]);
    }

    public BacktestRun ExampleRun { get; }

    public void SetRun(IEnumerable<BacktestRun> polls)
    {
        var queue = new Queue<BacktestRun>(polls);
        lock (_lock)
        {
            _runs[queue.Peek().RunId] = queue;
        }
    }

    public void RemoveRun(string runId)
    {
        lock (_lock)
        {
            _runs.Remove(runId);
        }
    }

    public void SetDatasets(IReadOnlyList<BacktestDataset> datasets)
    {
        lock (_lock)
        {
            _datasets = datasets;
        }
    }

    public void SetSubmittedRunPollsInProgress(int polls)
    {
        lock (_lock)
        {
            _submittedRunPollsInProgress = polls;
        }
    }

    public void RequireToken(string? token)
    {
        lock (_lock)
        {
            _requiredToken = token;
        }
    }

    public void SetLatency(TimeSpan latency)
    {
        lock (_lock)
        {
            _latency = latency;
        }
    }

    public void EnqueueFaults(IEnumerable<Func<string, SandboxAnswer>> faults)
    {
        lock (_lock)
        {
            foreach (var fault in faults)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    public async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        TimeSpan latency;
        SandboxAnswer answer;
        lock (_lock)
        {
            latency = _latency;
            answer = Answer(request, $"req_sandbox_{++_requestCount}");
        }

        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency).ConfigureAwait(false);
        }

        return answer.ToResponseMessage();
    }

    private SandboxAnswer Answer(IRequestMessage request, string requestId)
    {
        if (_requiredToken is not null && !HasToken(request, _requiredToken))
        {
            return SandboxAnswer.ForStatus(401, requestId);
        }

        if (_faults.TryDequeue(out var fault))
        {
            return fault(requestId);
        }

        var path = request.Path.TrimEnd('/');
        return (request.Method, path) switch
        {
            ("GET", DatasetsPath) => Json(200, new BacktestDatasetListResponse { Success = true, Data = _datasets }, SandboxJsonContext.Default.BacktestDatasetListResponse),
            ("POST", RunsPath) => Submit(request, requestId),
            ("GET", _) when path.StartsWith(RunsPath + "/", StringComparison.Ordinal) => Poll(path[(RunsPath.Length + 1)..], requestId),
            _ => SandboxAnswer.Error(404, "NOT_FOUND", $"No route {request.Method} {request.Path}.", requestId),
        };
    }

    private SandboxAnswer Poll(string runId, string requestId)
    {
        if (!_runs.TryGetValue(runId, out var polls))
        {
            return SandboxAnswer.ForStatus(404, requestId);
        }

        var run = polls.Count > 1 ? polls.Dequeue() : polls.Peek();
        return Json(200, new BacktestRunResponse { Success = true, Data = run }, SandboxJsonContext.Default.BacktestRunResponse);
    }

    private SandboxAnswer Submit(IRequestMessage request, string requestId)
    {
        if (ReadSubmission(request.Body) is null)
        {
            return SandboxAnswer.Error(400, "INVALID_REQUEST", "dataset_id, strategy, fees, slippage and funding are required.", requestId);
        }

        var runId = Guid.NewGuid().ToString();
        _runs[runId] = new Queue<BacktestRun>(Progression(runId, _submittedRunPollsInProgress, completedRun: null));

        var submission = new BacktestRunSubmissionResponse { Success = true, Data = new BacktestRunSubmission { RunId = runId, Status = BacktestRunStatus.Queued } };
        return Json(202, submission, SandboxJsonContext.Default.BacktestRunSubmissionResponse);
    }

    /// <summary>
    /// The polls of a run that is <c>queued</c> on the first, <c>running</c> on the next ones, and
    /// <paramref name="completedRun"/> (by default completed with the example metrics) after
    /// <paramref name="pollsInProgress"/> polls.
    /// </summary>
    public IEnumerable<BacktestRun> Progression(string runId, int pollsInProgress, BacktestRun? completedRun)
    {
        for (var poll = 0; poll < pollsInProgress; poll++)
        {
            yield return QuantDeskModelFactory.BacktestRun(runId, poll == 0 ? BacktestRunStatus.Queued : BacktestRunStatus.Running);
        }

        yield return completedRun ?? QuantDeskModelFactory.BacktestRun(runId, BacktestRunStatus.Completed, ExampleRun.Sharpe, ExampleRun.Dsr, ExampleRun.MaxDrawdown);
    }

    /// <summary>A received submission body, or null when it is not a complete <c>SubmitBacktestRunRequest</c>.</summary>
    public static SubmitBacktestRunRequest? ReadSubmission(string? body)
    {
        try
        {
            return body is null ? null : JsonSerializer.Deserialize(body, SandboxJsonContext.Default.SubmitBacktestRunRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HasToken(IRequestMessage request, string token) =>
        request.Headers is { } headers
        && headers.TryGetValue("Authorization", out var values)
        && values.Contains("Bearer " + token, StringComparer.Ordinal);

    private static SandboxAnswer Json<T>(int statusCode, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        SandboxAnswer.Json(statusCode, JsonSerializer.SerializeToNode(value, typeInfo)!);
}
