namespace QuantDesk.Client.Logging;

/// <summary>A request address as logs, spans and messages show it: without user info, which may hold a password.</summary>
internal static class LoggedUri
{
    public static string? Of(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped)
            : uri?.OriginalString;

    /// <summary>The path of a request, for messages.</summary>
    public static string? PathOf(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : uri?.OriginalString;
}
