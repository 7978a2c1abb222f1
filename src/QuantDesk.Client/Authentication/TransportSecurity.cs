namespace QuantDesk.Client.Authentication;

/// <summary>
/// Decides where a credential may travel: only to the API's own origin (scheme, host and port of the base
/// address), over https anywhere, over plain http only to this machine; and what a token may contain.
/// </summary>
internal static class TransportSecurity
{
    public static bool MaySendCredentials(Uri address) =>
        !address.IsAbsoluteUri
        || string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
        || address.IsLoopback;

    /// <summary>Whether <paramref name="address"/> is on the API's origin: same scheme, host and port.</summary>
    public static bool IsApiOrigin(Uri? address, Uri apiBase) =>
        address is { IsAbsoluteUri: true }
        && apiBase.IsAbsoluteUri
        && address.Port == apiBase.Port
        && string.Equals(address.Scheme, apiBase.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(address.Host, apiBase.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a token can go in an <c>Authorization</c> header as it is: visible ASCII only, so no NUL, no line
    /// break, no control character, no space and nothing the header encoder would mangle.
    /// </summary>
    public static bool IsSendableToken(string token) =>
        token.Length > 0 && !token.AsSpan().ContainsAnyExceptInRange('!', '~');
}
