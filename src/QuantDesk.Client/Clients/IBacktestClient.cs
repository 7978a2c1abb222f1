namespace QuantDesk.Client;

// The waits built on the generated Backtesting operations; the interface's summary is generated.
public partial interface IBacktestClient
{
    /// <summary>
    /// Polls a run until it is no longer in progress (<c>queued</c>, <c>pending</c> or <c>running</c>) and returns it.
    /// A <c>completed</c> run is a success; any other final status, including one this version does not know, is
    /// returned as it is, so check <see cref="BacktestRunStatus.IsCompleted"/>.
    /// </summary>
    /// <param name="runId">The run to wait for, as returned by <c>SubmitBacktestRunAsync</c>.</param>
    /// <param name="options">Poll intervals, timeout, 404 grace period and progress; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the wait at once.</param>
    /// <returns>The run in its final status.</returns>
    /// <exception cref="QuantDeskTimeoutException">The run was still in progress after <see cref="BacktestWaitOptions.Timeout"/>.</exception>
    /// <exception cref="QuantDeskNotFoundException">The run was still unknown after <see cref="BacktestWaitOptions.NotFoundGracePeriod"/>.</exception>
    /// <exception cref="QuantDeskException">A poll failed after the client's own retries.</exception>
    Task<BacktestRun> WaitForCompletionAsync(string runId, BacktestWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits a run and waits for it: <c>SubmitBacktestRunAsync</c> then <see cref="WaitForCompletionAsync"/>.
    /// The submission is sent once and never retried automatically, because a repeated submission would start a
    /// second simulation.
    /// </summary>
    /// <param name="request">The run to submit.</param>
    /// <param name="options">How to wait; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the submission or the wait at once.</param>
    /// <returns>The run in its final status.</returns>
    Task<BacktestRun> SubmitAndWaitAsync(SubmitBacktestRunRequest request, BacktestWaitOptions? options = null, CancellationToken cancellationToken = default);
}
