using Spectre.Console;
using Spectre.Console.Rendering;

namespace QuantDesk.Cli.Output.Rendering;

/// <summary>One item as a two-column table, one row per field, so long ids fit an 80-column terminal.</summary>
internal static class DetailsView
{
    public static IRenderable Render(params IEnumerable<(string Label, string? Value, Style? Style)> fields)
    {
        var table = new Table().HideHeaders().AddColumn("Field").AddColumn("Value");
        foreach (var (label, value, style) in fields)
        {
            table.AddRow(new Text(label), new Text(TerminalText.Safe(value), style ?? Style.Plain));
        }

        return table;
    }
}
