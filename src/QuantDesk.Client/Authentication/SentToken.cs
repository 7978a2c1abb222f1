namespace QuantDesk.Client.Authentication;

/// <summary>
/// The Bearer token a request carried, so that a server that echoes it back (in an error message, a request id, a
/// header) cannot make the client write it into an exception, a span or a log line.
/// </summary>
internal static class SentToken
{
    /// <summary>What stands in a server's text where the token was.</summary>
    public const string Redacted = "(redacted)";

    private const string Scheme = "Bearer ";

    /// <summary>The token in the request's <c>Authorization</c> header, if it has one.</summary>
    public static string? Of(HttpRequestMessage? request)
    {
        if (request is null || !request.Headers.NonValidated.TryGetValues("Authorization", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && value.Length > Scheme.Length)
            {
                return value[Scheme.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary><paramref name="text"/> with every occurrence of <paramref name="token"/> replaced by <see cref="Redacted"/>.</summary>
    public static string? Scrub(string? text, string? token) =>
        text is null || string.IsNullOrEmpty(token) || !text.Contains(token, StringComparison.Ordinal)
            ? text
            : text.Replace(token, Redacted, StringComparison.Ordinal);
}
