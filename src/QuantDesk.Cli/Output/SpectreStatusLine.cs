using Spectre.Console;

namespace QuantDesk.Cli.Output;

/// <summary>The status line of a Spectre spinner.</summary>
internal sealed class SpectreStatusLine(StatusContext context) : IStatusLine
{
    public void Show(string markup) => context.Status = markup;
}
