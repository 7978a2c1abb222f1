using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;

namespace QuantDesk.Cli.Commands.Backtests;

/// <summary><c>quantdesk datasets list</c>.</summary>
internal static class DatasetsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var list = new Command("list", "List the datasets runs can be submitted against (id, version, symbol, resolution).");
        runner.SetAction(list, async (invocation, cancellationToken) =>
        {
            return invocation.Show((await invocation.Api.Backtests.ListBacktestDatasetsAsync(cancellationToken).ConfigureAwait(false)).Data, RunViews.Datasets);
        });

        return new Command("datasets", "Backtest datasets.") { list };
    }
}
