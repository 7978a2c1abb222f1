using QuantDesk.Cli.Errors;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands;

/// <summary>The wait of <c>runs wait</c> and <c>runs submit --wait</c>: the run is shown either way; only a completed run is a success.</summary>
internal static class RunOutcome
{
    public static async Task<int> WaitAsync(Invocation invocation, string runId, WaitOptions waitOptions, CancellationToken cancellationToken)
    {
        var run = await invocation.Output.WaitAsync(
            runId,
            progress => invocation.Client.WaitForCompletionAsync(runId, waitOptions.Create(invocation.ParseResult, invocation.Sandbox, progress), cancellationToken)).ConfigureAwait(false);
        return Report(invocation, run);
    }

    private static int Report(Invocation invocation, BacktestRun run)
    {
        invocation.Output.Run(run);
        if (run.Status.IsCompleted)
        {
            return ExitCodes.Success;
        }

        FailureReport.WriteLine(invocation.Terminal.Error, $"run {run.RunId} finished with status '{run.Status}', not 'completed'.", secret: null);
        return ExitCodes.RunNotCompleted;
    }
}
