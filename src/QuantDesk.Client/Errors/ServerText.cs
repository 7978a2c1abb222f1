using System.Globalization;
using System.Text;

namespace QuantDesk.Client.Errors;

/// <summary>
/// Text a server sent (a request id, an error code, a reason phrase, a <c>Location</c>), made safe to put in an
/// exception message or a log line: control characters, line and paragraph separators and bidirectional overrides
/// are escaped as <c>\uXXXX</c>, so a server cannot forge log lines or hide text; over-long values are cut.
/// </summary>
internal static class ServerText
{
    /// <summary>The longest server value put in a message whole.</summary>
    public const int MaxLength = 512;

    public static string? Printable(string? value, int maxLength = MaxLength)
    {
        if (value is null)
        {
            return null;
        }

        // Stryker disable once Block : a fast path: the loop below gives text that needs no change back unchanged
        if (IndexOfUnsafe(value) < 0 &&
            // Stryker disable once Equality : at the limit the loop below keeps the whole text too
            value.Length <= maxLength)
        {
            return value;
        }

        var text = new StringBuilder(Math.Min(value.Length, maxLength) + 16);
        for (var i = 0; i < value.Length; i++)
        {
            if (text.Length >= maxLength && !(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                return text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)").ToString();
            }

            if (IsUnsafe(value, i))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)value[i]:X4}");
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static int IndexOfUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsUnsafe(value, i))
            {
                return i;
            }
        }

        // Stryker disable once Unary : any index at or past the end sends the text through the loop, which finds nothing to change
        return -1;
    }

    private static bool IsUnsafe(string value, int index)
    {
        var character = value[index];
        if (char.IsHighSurrogate(character))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        if (char.IsLowSurrogate(character))
        {
            return index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        return IsUnsafe(character);
    }

    private static bool IsUnsafe(char character) =>
        char.IsControl(character)
        || character is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C'
        || character is >= '\u202A' and <= '\u202E'
        || character is >= '\u2066' and <= '\u2069';
}
