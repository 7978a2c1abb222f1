namespace QuantDesk.Client.Http;

/// <summary>Turns a path parameter into exactly one escaped URL path segment.</summary>
internal static class PathSegment
{
    /// <summary>
    /// Escapes <paramref name="value"/> so that it reaches the server as one path segment that decodes back
    /// to the value: reserved characters, spaces and non-ASCII are percent-encoded, and the dot segments
    /// "." and ".." are encoded too, because URI resolution would otherwise remove them and address another
    /// resource.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or only white space.</exception>
    public static string Escape(string? value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);

        var escaped = Uri.EscapeDataString(value);
        return escaped switch
        {
            "." => "%2E",
            ".." => "%2E%2E",
            _ => escaped,
        };
    }
}
