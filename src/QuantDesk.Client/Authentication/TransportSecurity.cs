namespace QuantDesk.Client.Authentication;

/// <summary>Decides where a credential may travel: over https anywhere, over plain http only to this machine.</summary>
internal static class TransportSecurity
{
    public static bool MaySendCredentials(Uri address) =>
        !address.IsAbsoluteUri
        || string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
        || address.IsLoopback;
}
