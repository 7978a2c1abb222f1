using Spectre.Console;

namespace QuantDesk.Cli.Output.Rendering;

/// <summary>One column of a table view: its header, the cell text, and optionally the cell's colour.</summary>
/// <param name="Header">The header, also the CSV header.</param>
/// <param name="Text">The cell's text; server text is made terminal-safe when drawn.</param>
/// <param name="Style">The cell's colour (dropped on a console without colour), or null for none.</param>
/// <param name="IsNumber">Right-aligned, and never guarded against spreadsheet formulas in CSV.</param>
/// <param name="CsvOnly">Too long for a terminal table (an address): in CSV and JSON only.</param>
internal sealed record Column<TRow>(string Header, Func<TRow, string?> Text, Func<TRow, Style?>? Style = null, bool IsNumber = false, bool CsvOnly = false)
{
    public static Column<TRow> Number(string header, Func<TRow, string?> text, Func<TRow, Style?>? style = null) => new(header, text, style, IsNumber: true);
}
