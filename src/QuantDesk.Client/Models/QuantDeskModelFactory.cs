using System.Net;
using System.Text.Json.Nodes;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// Builds the client's results and exceptions for your own unit tests, so a mocked <see cref="IBacktestClient"/>
/// can return a run or throw a not-found exception without any JSON or HTTP.
/// </summary>
public static partial class QuantDeskModelFactory
{
    /// <summary>A backtest run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="status">The status; <see cref="BacktestRunStatus.Completed"/> when not given.</param>
    /// <param name="sharpe">The Sharpe ratio, if computed.</param>
    /// <param name="dsr">The Deflated Sharpe Ratio, if computed.</param>
    /// <param name="maxDrawdown">The maximum drawdown (a negative fraction), if computed.</param>
    /// <returns>The run.</returns>
    public static BacktestRun BacktestRun(string? runId, BacktestRunStatus? status = null, double? sharpe = null, double? dsr = null, double? maxDrawdown = null) =>
        new() { RunId = runId, Status = status ?? BacktestRunStatus.Completed, Sharpe = sharpe, Dsr = dsr, MaxDrawdown = maxDrawdown };

    /// <summary>The answer of <c>GetBacktestRunAsync</c> for a run.</summary>
    /// <param name="run">The run in <c>data</c>.</param>
    /// <returns>A successful envelope holding the run.</returns>
    public static BacktestRunResponse BacktestRunResponse(BacktestRun run) => new() { Success = true, Data = run };

    /// <summary>A dataset of the catalog.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="version">Its version.</param>
    /// <param name="symbol">Its market symbol.</param>
    /// <param name="resolution">Its bar resolution.</param>
    /// <returns>The dataset.</returns>
    public static BacktestDataset BacktestDataset(string datasetId, string? version = null, string? symbol = null, string? resolution = null) =>
        new() { DatasetId = datasetId, Version = version, Symbol = symbol, Resolution = resolution };

    /// <summary>The answer of <c>ListBacktestDatasetsAsync</c>.</summary>
    /// <param name="datasets">The catalog.</param>
    /// <returns>A successful envelope holding the datasets.</returns>
    public static BacktestDatasetListResponse BacktestDatasetListResponse(params IEnumerable<BacktestDataset> datasets) =>
        new() { Success = true, Data = [.. datasets] };

    /// <summary>The answer of <c>SubmitBacktestRunAsync</c>.</summary>
    /// <param name="runId">The id of the accepted run.</param>
    /// <param name="status">Its status; <see cref="BacktestRunStatus.Queued"/> when not given.</param>
    /// <returns>A successful envelope holding the accepted run.</returns>
    public static BacktestRunSubmissionResponse BacktestRunSubmissionResponse(string runId, BacktestRunStatus? status = null) =>
        new() { Success = true, Data = new BacktestRunSubmission { RunId = runId, Status = status ?? BacktestRunStatus.Queued } };

    /// <summary>
    /// The exception the client throws for an API error status: <see cref="QuantDeskNotFoundException"/> for 404,
    /// <see cref="QuantDeskAuthenticationException"/> for 401, <see cref="QuantDeskForbiddenException"/> for 403, <see cref="QuantDeskRateLimitException"/> for
    /// 429 and <see cref="QuantDeskApiException"/> otherwise, with the same message as a real answer.
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="errorCode">The API's error code, for example <c>RUN_NOT_FOUND</c>.</param>
    /// <param name="serverMessage">The API's explanation.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> the API sent, if any.</param>
    /// <returns>The exception, to throw from a mock.</returns>
    public static QuantDeskApiException ApiException(int statusCode, string? errorCode = null, string? serverMessage = null, string? requestId = null, TimeSpan? retryAfter = null)
    {
        var body = new JsonObject
        {
            ["success"] = false,
            ["error"] = errorCode,
            ["code"] = errorCode,
            ["message"] = serverMessage,
            ["request_id"] = requestId,
        };
        return ErrorFactory.Create(statusCode, body.ToJsonString(), retryAfter, $"QuantDesk API call failed with {statusCode} ({(HttpStatusCode)statusCode})");
    }
}
