using System.Text.Json;
using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>Backtesting: the dataset catalog, runs and how each progresses from poll to poll.</summary>
internal sealed class BacktestArea : SandboxArea
{
    private readonly Dictionary<string, Queue<BacktestRun>> _runs = new(StringComparer.Ordinal);
    private IReadOnlyList<BacktestDataset> _datasets;

    public BacktestArea()
    {
        ExampleRun = Example("BacktestRunResponse", SandboxJsonContext.Default.BacktestRunResponse).Data;
        _datasets = Example("BacktestDatasetListResponse", SandboxJsonContext.Default.BacktestDatasetListResponse).Data;
        SetRun([ExampleRun]);
        Answers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>
        {
            ["listBacktestDatasets"] = _ => SandboxAnswer.Of(200, new BacktestDatasetListResponse { Success = true, Data = _datasets }, SandboxJsonContext.Default.BacktestDatasetListResponse),
            ["submitBacktestRun"] = Submit,
            ["getBacktestRun"] = call => Poll(call.Path("id"), call.RequestId),
        };
    }

    public override IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    public BacktestRun ExampleRun { get; }

    public int SubmittedRunPollsInProgress { get; set; } = 2;

    public void SetDatasets(IReadOnlyList<BacktestDataset> datasets) => _datasets = datasets;

    public void SetRun(IEnumerable<BacktestRun> polls)
    {
        var queue = new Queue<BacktestRun>(polls);
        _runs[queue.Peek().RunId ?? string.Empty] = queue;
    }

    public void RemoveRun(string runId) => _runs.Remove(runId);

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

    private SandboxAnswer Poll(string runId, string requestId)
    {
        if (!_runs.TryGetValue(runId, out var polls))
        {
            return SandboxAnswer.Error(404, "RUN_NOT_FOUND", "Unknown run.", requestId);
        }

        var run = polls.Count > 1 ? polls.Dequeue() : polls.Peek();
        return SandboxAnswer.Of(200, new BacktestRunResponse { Success = true, Data = run }, SandboxJsonContext.Default.BacktestRunResponse);
    }

    private SandboxAnswer Submit(SandboxCall call)
    {
        var runId = Guid.NewGuid().ToString();
        _runs[runId] = new Queue<BacktestRun>(Progression(runId, SubmittedRunPollsInProgress, completedRun: null));
        var submission = new BacktestRunSubmissionResponse { Success = true, Data = new BacktestRunSubmission { RunId = runId, Status = BacktestRunStatus.Queued } };
        return SandboxAnswer.Of(202, submission, SandboxJsonContext.Default.BacktestRunSubmissionResponse);
    }
}
