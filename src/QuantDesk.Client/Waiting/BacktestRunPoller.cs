namespace QuantDesk.Client.Waiting;

/// <summary>Polls <c>getBacktestRun</c> until the run leaves the in-progress statuses.</summary>
internal sealed class BacktestRunPoller(IBacktestClient client, TimeProvider clock)
{
    public async Task<BacktestRun> WaitAsync(string runId, BacktestWaitOptions options, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        using var deadline = new CancellationTokenSource(options.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        var interval = options.InitialPollInterval;
        BacktestRun? lastSeen = null;
        try
        {
            while (true)
            {
                TimeSpan? retryAfter = null;
                try
                {
                    var run = (await client.GetBacktestRunAsync(runId, linked.Token).ConfigureAwait(false)).Data;
                    options.Progress?.Report(run);
                    if (!run.Status.IsInProgress)
                    {
                        return run;
                    }

                    lastSeen = run;
                }
                catch (QuantDeskNotFoundException) when (lastSeen is null && clock.GetElapsedTime(started) < options.NotFoundGracePeriod)
                {
                    // A run read right after its submission may not be visible yet.
                }
                catch (QuantDeskApiException exception) when (IsThrottled(exception))
                {
                    // The retries inside the call are used up, but a wait may go on as long as its own timeout allows.
                    retryAfter = exception.RetryAfter;
                }

                await Task.Delay(NextPause(interval, retryAfter), clock, linked.Token).ConfigureAwait(false);
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, options.MaxPollInterval.Ticks));
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception.CancellationToken != cancellationToken)
        {
            // Surfaces with the caller's own token, whichever linked token the cancellation came through.
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var status = lastSeen is null ? "it was never found" : $"its last status was '{Errors.ServerText.Printable(lastSeen.Status.ToString(), 128)}'";
            throw new QuantDeskTimeoutException(
                $"Backtest run '{Errors.ServerText.Printable(runId, 256)}' did not finish within the wait timeout of {options.Timeout}; {status}. Raise BacktestWaitOptions.Timeout to wait longer.",
                exception);
        }
    }

    private static bool IsThrottled(QuantDeskApiException exception) =>
        exception is QuantDeskRateLimitException || (exception.StatusCode == 503 && exception.RetryAfter is not null);

    // The server's Retry-After stretches the pause; the wait's own timeout cancels a pause that would outlast it. A
    // day at most: a test double's Retry-After of months would exceed what a timer can hold.
    private static TimeSpan NextPause(TimeSpan interval, TimeSpan? retryAfter) =>
        TimeSpan.FromTicks(Math.Min(Math.Max(retryAfter?.Ticks ?? 0, interval.Ticks), MaxPause.Ticks));

    private static readonly TimeSpan MaxPause = TimeSpan.FromDays(1);
}
