using System.CommandLine;

namespace QuantDesk.Cli.Commands.Backtests;

/// <summary><c>quantdesk runs</c>: submit, get and wait.</summary>
internal static class RunsCommand
{
    public static Command Create(CommandRunner runner) =>
        new("runs", "Backtest runs: submit a strategy, read a run, wait for one.")
        {
            RunsSubmitCommand.Create(runner),
            RunsGetCommand.Create(runner),
            RunsWaitCommand.Create(runner),
        };
}
