namespace QuantDesk.Client.Logging;

/// <summary>A request address as logs, spans and messages show it: without user info, which may hold a password.</summary>
internal static class LoggedUri
{
    public static string? Of(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped)
            : WithoutUserInfo(uri?.OriginalString);

    /// <summary>The path of a request, for messages.</summary>
    public static string? PathOf(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : WithoutUserInfo(uri?.OriginalString);

    // A relative or unparsable address is shown as written, but for anything before an '@' in its authority.
    private static string? WithoutUserInfo(string? address)
    {
        var at = address?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return address;
        }

        var authority = address!.IndexOf("//", StringComparison.Ordinal);
        var start = authority >= 0 && authority < at ? authority + 2 : 0;
        return string.Concat(address.AsSpan(0, start), "***", address.AsSpan(at));
    }
}
