using QuantDesk.Client;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace QuantDesk.Cli.Output;

/// <summary>A run's metrics as a two-column table: one row per figure, so a full run id fits an 80-column terminal.</summary>
internal static class RunTable
{
    public static Table For(BacktestRun run)
    {
        var table = new Table().HideHeaders().AddColumn("Metric").AddColumn("Value");
        AddRow(table, "Run", new Text(run.RunId ?? string.Empty));
        AddRow(table, "Status", new Text(run.Status.ToString(), StatusStyle(run.Status)));
        AddRow(table, "Sharpe", new Text(MetricFormat.Ratio(run.Sharpe)));
        AddRow(table, "DSR", new Text(MetricFormat.Ratio(run.Dsr)));
        AddRow(table, "Max drawdown", new Text(MetricFormat.Percent(run.MaxDrawdown)));
        return table;
    }

    public static Style StatusStyle(BacktestRunStatus status) =>
        status.IsCompleted ? new Style(Color.Green) : status.IsInProgress ? new Style(Color.Yellow) : new Style(Color.Red);

    private static void AddRow(Table table, string name, IRenderable value) => table.AddRow(new Text(name), value);
}
