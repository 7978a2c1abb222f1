namespace QuantDesk.Cli.Output;

/// <summary>The one line a live progress display redraws.</summary>
internal interface IStatusLine
{
    /// <summary>Sets the line's text (Spectre markup).</summary>
    void Show(string markup);
}
