using System.Text;

namespace QuantDesk.Cli.Output.Rendering;

/// <summary>
/// Server text made safe for a terminal. A name or title from the API could carry escape sequences that move the
/// cursor, retitle the window or hide what follows, or bidi overrides that reorder a line; those become '?'.
/// </summary>
internal static class TerminalText
{
    public const int MaxLength = 200;

    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(IsUnsafe(rune) ? "?" : rune.ToString());
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(Rune rune) =>
        Rune.IsControl(rune)
        || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate
            or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned;
}
