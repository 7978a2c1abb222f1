using QuantDesk.Client.Waiting;

namespace QuantDesk.Client;

public partial class BacktestClient
{
    /// <inheritdoc />
    public virtual Task<BacktestRun> WaitForCompletionAsync(string runId, BacktestWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        options ??= new BacktestWaitOptions();
        options.Validate();
        return new BacktestRunPoller(this, _timeProvider).WaitAsync(runId, options, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<BacktestRun> SubmitAndWaitAsync(SubmitBacktestRunRequest request, BacktestWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options?.Validate();
        var submission = await SubmitBacktestRunAsync(request, cancellationToken).ConfigureAwait(false);
        return await WaitForCompletionAsync(submission.Data.RunId, options, cancellationToken).ConfigureAwait(false);
    }
}
