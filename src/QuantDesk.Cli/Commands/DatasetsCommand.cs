using System.CommandLine;
using QuantDesk.Cli.Errors;

namespace QuantDesk.Cli.Commands;

/// <summary><c>quantdesk datasets list</c>.</summary>
internal static class DatasetsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var list = new Command("list", "List the datasets runs can be submitted against (id, version, symbol, resolution).");
        runner.SetAction(list, async (invocation, cancellationToken) =>
        {
            var datasets = (await invocation.Client.ListBacktestDatasetsAsync(cancellationToken).ConfigureAwait(false)).Data;
            invocation.Output.Datasets(datasets);
            return ExitCodes.Success;
        });

        return new Command("datasets", "Backtest datasets.") { list };
    }
}
