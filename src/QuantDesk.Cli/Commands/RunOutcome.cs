using QuantDesk.Cli.Errors;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands;

/// <summary>The end of a wait: the run is shown either way; only a completed run is a success.</summary>
internal static class RunOutcome
{
    public static int Report(Invocation invocation, BacktestRun run)
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
