using System.Globalization;
using Spectre.Console;

namespace QuantDesk.Cli.Output.Rendering;

/// <summary>Rows of one kind as a table for people and as CSV for spreadsheets, from one list of columns.</summary>
internal sealed class TableView<TRow>(string emptyMessage, params IReadOnlyList<Column<TRow>> columns)
{
    public IReadOnlyList<Column<TRow>> Columns => columns;

    public Spectre.Console.Rendering.IRenderable Render(IReadOnlyList<TRow> rows)
    {
        if (rows.Count == 0)
        {
            return new Text(emptyMessage);
        }

        var table = new Table();
        var shown = columns.Where(column => !column.CsvOnly).ToList();
        foreach (var column in shown)
        {
            table.AddColumn(new TableColumn(column.Header) { Alignment = column.IsNumber ? Justify.Right : Justify.Left });
        }

        foreach (var row in rows)
        {
            table.AddRow([.. shown.Select(column => new Text(TerminalText.Safe(column.Text(row)), column.Style?.Invoke(row) ?? Style.Plain))]);
        }

        return table;
    }

    public void WriteCsv(IReadOnlyList<TRow> rows, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', columns.Select(column => Csv.Field(column.Header, isNumber: false))));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(',', columns.Select(column => Csv.Field(column.Text(row), column.IsNumber))));
        }
    }
}
