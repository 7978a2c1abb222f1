using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Input;
using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Backtests;

/// <summary>The wait of <c>runs wait</c> and <c>runs submit --wait</c>: the run is shown either way; only a completed run is a success.</summary>
internal static class RunOutcome
{
    public static async Task<int> WaitAsync(Invocation invocation, string runId, WaitOptions waitOptions, CancellationToken cancellationToken)
    {
        var clock = invocation.Terminal.Clock;
        var started = clock.GetTimestamp();
        BacktestRunStatus? lastStatus = null;
        var options = waitOptions.Create(invocation.ParseResult, invocation.Sandbox, progress: null);
        BacktestRun run;
        try
        {
            run = await invocation.Output.WaitAsync(runId, progress =>
            {
                options.Progress = new StatusTracker(progress, status => lastStatus = status);
                return invocation.Api.Backtests.WaitForCompletionAsync(runId, options, cancellationToken);
            }).ConfigureAwait(false);
        }
        catch (QuantDeskTimeoutException timeout) when (clock.GetElapsedTime(started) >= options.Timeout)
        {
            var status = lastStatus is { } last ? $"its last status was '{TerminalText.Safe(last.ToString())}'" : "it was never found";
            throw new WaitTimeoutException(
                $"run {TerminalText.Safe(runId)} did not finish within --timeout {Duration.Describe(options.Timeout)}; {status}. " +
                $"Raise --timeout to wait longer, or pick it up later with: quantdesk runs wait {TerminalText.Safe(runId)}",
                timeout);
        }

        invocation.Output.Result(run, RunViews.Run);
        if (run.Status.IsCompleted)
        {
            return ExitCodes.Success;
        }

        FailureReport.WriteLine(invocation.Terminal.Error, $"run {TerminalText.Safe(run.RunId)} finished with status '{TerminalText.Safe(run.Status.ToString())}', not 'completed'.", secret: null);
        return ExitCodes.RunNotCompleted;
    }

    /// <summary>Hands each poll on, remembering the status for the timeout message.</summary>
    private sealed class StatusTracker(IProgress<BacktestRun>? inner, Action<BacktestRunStatus> seen) : IProgress<BacktestRun>
    {
        public void Report(BacktestRun value)
        {
            seen(value.Status);
            inner?.Report(value);
        }
    }
}
