using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;

namespace QuantDesk.Cli.Commands.Backtests;

/// <summary><c>quantdesk runs get ID</c>: one read of a run, whatever its status.</summary>
internal static class RunsGetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var runId = RunId();
        var get = new Command("get", "Show a run's status and metrics (Sharpe, DSR, max drawdown) as they are now.") { runId };
        runner.SetAction(get, async (invocation, cancellationToken) =>
        {
            var run = (await invocation.Api.Backtests.GetBacktestRunAsync(invocation.ParseResult.GetRequiredValue(runId), cancellationToken).ConfigureAwait(false)).Data;
            return invocation.Show(run, RunViews.Run);
        });

        return get;
    }

    public static Argument<string> RunId() => TextArgument.Create("ID", "The run id, as printed by 'runs submit'.");
}
