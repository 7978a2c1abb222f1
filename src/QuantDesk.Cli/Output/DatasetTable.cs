using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output;

/// <summary>The dataset catalog as a table, one dataset per row.</summary>
internal static class DatasetTable
{
    public static Table For(IReadOnlyList<BacktestDataset> datasets)
    {
        var table = new Table().AddColumn("Dataset").AddColumn("Version").AddColumn("Symbol").AddColumn("Resolution");
        foreach (var dataset in datasets)
        {
            table.AddRow(Cell(dataset.DatasetId), Cell(dataset.Version), Cell(dataset.Symbol), Cell(dataset.Resolution));
        }

        return table;
    }

    private static Text Cell(string? value) => new(value ?? string.Empty);
}
