namespace QuantDesk.Client.Http;

/// <summary>Turns a path parameter into exactly one escaped URL path segment.</summary>
internal static class PathSegment
{
    /// <summary>The longest escaped segment sent: a URL has limits of its own, and no id of the API comes near this.</summary>
    public const int MaxEscapedLength = 2048;

    /// <summary>
    /// Escapes <paramref name="value"/> so that it reaches the server as one path segment that decodes back
    /// to the value: reserved characters (<c>/ ? # %</c>), spaces, control characters and non-ASCII are
    /// percent-encoded.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The value is empty or white space, or is "." or "..": URI syntax treats those as "this" and "parent"
    /// segments (escaped or not, RFC 3986 section 6.2.2.3), so no URL can carry them as data. Or it holds an
    /// unpaired surrogate, which UTF-8 cannot carry: escaping would silently send U+FFFD, another id.
    /// </exception>
    public static string Escape(string? value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value is "." or "..")
        {
            throw new ArgumentException(
                $"'{value}' cannot be sent as the {parameterName} path segment: URLs treat it as a relative reference, not as data.",
                parameterName);
        }

        if (!IsWellFormedUtf16(value))
        {
            throw new ArgumentException(
                $"The {parameterName} path segment contains an unpaired surrogate character, which cannot be sent in a URL.",
                parameterName);
        }

        var escaped = Uri.EscapeDataString(value);
        if (escaped.Length > MaxEscapedLength)
        {
            throw new ArgumentException(
                $"The {parameterName} path segment is {escaped.Length} characters long once escaped, over the {MaxEscapedLength} a request can carry.",
                parameterName);
        }

        return escaped;
    }

    /// <summary>Why <paramref name="value"/> cannot be sent as a path segment, or null when it can.</summary>
    public static string? Problem(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "it is empty or white space"
        : value is "." or ".." ? $"'{value}' is a relative path reference, not data"
        : !IsWellFormedUtf16(value) ? "it contains an unpaired surrogate character"
        : Uri.EscapeDataString(value).Length > MaxEscapedLength ? $"it is longer than {MaxEscapedLength} characters once escaped"
        : null;

    /// <summary>Whether every surrogate in <paramref name="value"/> is paired: only then can UTF-8 (and so a URL) carry it.</summary>
    internal static bool IsWellFormedUtf16(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
