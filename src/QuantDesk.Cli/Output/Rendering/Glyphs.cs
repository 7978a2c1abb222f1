namespace QuantDesk.Cli.Output.Rendering;

/// <summary>The characters pictures are drawn with: block glyphs on a Unicode console, ASCII elsewhere.</summary>
/// <param name="Bar">Fills a depth bar.</param>
/// <param name="Wick">A candle's high-to-low line.</param>
/// <param name="RisingBody">A candle body whose close is at or above its open.</param>
/// <param name="FallingBody">A candle body whose close is below its open.</param>
/// <param name="Rule">A horizontal separator.</param>
/// <param name="Sparks">Sparkline levels, lowest first.</param>
/// <param name="Axis">A chart's vertical axis.</param>
/// <param name="Tick">The axis where a price label stands.</param>
internal sealed record Glyphs(char Bar, char Wick, char RisingBody, char FallingBody, char Rule, string Sparks, char Axis, char Tick)
{
    public static Glyphs Blocks { get; } = new('█', '│', '┃', '┃', '─', "▁▂▃▄▅▆▇█", '│', '┤');

    // Without colour the bodies must differ by shape: '#' rising, '=' falling.
    public static Glyphs Ascii { get; } = new('#', '|', '#', '=', '-', "_.-~=+*#", '|', '+');
}
