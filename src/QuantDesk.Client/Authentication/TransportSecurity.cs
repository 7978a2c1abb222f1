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

    /// <summary>
    /// For a request already known to be on the API's origin: https, or the base address itself passed validation
    /// (plain http to loopback), which saves parsing the request's host again.
    /// </summary>
    public static bool MaySendCredentials(Uri address, Uri apiBase) =>
        string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) || MaySendCredentials(apiBase);

    /// <summary>Whether <paramref name="address"/> is on the API's origin: same scheme, host and port.</summary>
    public static bool IsApiOrigin(Uri? address, Uri apiBase) =>
        address is { IsAbsoluteUri: true }
        && apiBase.IsAbsoluteUri
        && (StartsWithBase(address, apiBase) || SameOrigin(address, apiBase));

    // The common case, without parsing the request's host: HttpClient wrote the address as the base address (which
    // ends in '/', so its authority is complete) followed by a relative path.
    private static bool StartsWithBase(Uri address, Uri apiBase)
    {
        // Stryker disable once StringMethod : an absolute base never starts with '/': the mutant skips the fast path and SameOrigin decides the same
        if (!apiBase.OriginalString.EndsWith('/'))
        {
            return false;
        }

        return address.OriginalString.StartsWith(apiBase.OriginalString, StringComparison.Ordinal);
    }

    private static bool SameOrigin(Uri address, Uri apiBase) =>
        address.Port == apiBase.Port
        && string.Equals(address.Scheme, apiBase.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(address.Host, apiBase.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a token can go in an <c>Authorization</c> header as it is: visible ASCII only, so no NUL, no line
    /// break, no control character, no space and nothing the header encoder would mangle.
    /// </summary>
    public static bool IsSendableToken(string token) =>
        token.Length > 0 && !token.AsSpan().ContainsAnyExceptInRange('!', '~');
}
