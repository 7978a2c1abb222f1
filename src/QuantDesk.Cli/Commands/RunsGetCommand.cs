using System.CommandLine;
using QuantDesk.Cli.Errors;

namespace QuantDesk.Cli.Commands;

/// <summary><c>quantdesk runs get ID</c>: one read of a run, whatever its status.</summary>
internal static class RunsGetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var runId = RunIdArgument.Create();
        var get = new Command("get", "Show a run's status and metrics (Sharpe, DSR, max drawdown) as they are now.") { runId };
        runner.SetAction(get, async (invocation, cancellationToken) =>
        {
            var run = (await invocation.Client.GetBacktestRunAsync(invocation.ParseResult.GetRequiredValue(runId), cancellationToken).ConfigureAwait(false)).Data;
            invocation.Output.Run(run);
            return ExitCodes.Success;
        });

        return get;
    }
}
