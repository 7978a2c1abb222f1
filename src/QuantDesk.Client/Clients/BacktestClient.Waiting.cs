using QuantDesk.Client.Errors;
using QuantDesk.Client.Http;
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

        // The id came from the server: one that cannot be polled is the server's fault, not the caller's argument.
        var runId = submission.Data.RunId;
        if (PathSegment.Problem(runId) is { } problem)
        {
            throw ErrorFactory.UnusableValue(202, submission.Data.RunId, $"QuantDesk API accepted the run but returned a run id that cannot be polled ({problem}); the run may exist on the server, so do not submit it again blindly.");
        }

        return await WaitForCompletionAsync(runId, options, cancellationToken).ConfigureAwait(false);
    }
}
