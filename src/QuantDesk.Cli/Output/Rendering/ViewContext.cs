using Spectre.Console;

namespace QuantDesk.Cli.Output.Rendering;

/// <summary>What a picture may use on the console it is drawn for: its width, and whether block glyphs show.</summary>
/// <param name="Width">Columns available; pictures never draw wider.</param>
/// <param name="Unicode">Block and box glyphs; without them pictures fall back to ASCII.</param>
internal sealed record ViewContext(int Width, bool Unicode)
{
    public static ViewContext For(IAnsiConsole console) => new(Math.Max(console.Profile.Width, MinimumWidth), console.Profile.Capabilities.Unicode);

    /// <summary>Below this, pictures still fit their labels; wider terminals get longer bars.</summary>
    public const int MinimumWidth = 40;

    public Glyphs Glyphs => Unicode ? Glyphs.Blocks : Glyphs.Ascii;
}
