using System.Net;
using System.Net.Sockets;
using QuantDesk.Client.Authentication;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Http;

/// <summary>
/// Follows redirects by the client's own rules instead of the socket handler's (which is told not to): at most
/// <see cref="QuantDeskClientOptions.MaxRedirects"/> hops, to http and https only, never from https to http, with
/// the <c>Authorization</c> header only on the API's own origin; a request with a body is not carried to another
/// origin; 301, 302 and 303 turn a POST into a GET. Each hop is a new request, so the original one, which retries
/// and token-refresh resends send again, still points where the client sent it. A redirect that breaks a rule, or
/// whose <c>Location</c> cannot be followed, ends in a <see cref="QuantDeskApiException"/> with the 3xx status.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    // The only headers carried to another origin: nothing that identifies or authorizes the caller.
    private static readonly HashSet<string> CrossOriginHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Accept-Language", "User-Agent" };

    private readonly Func<QuantDeskClientOptions> _options;

    public RedirectHandler(Func<QuantDeskClientOptions> options)
    {
        _options = options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sending = base.SendAsync(request, cancellationToken);

        // Stryker disable once Conditional : a fast path: the slow one awaits the same answer and follows it the same way
        return sending.IsCompletedSuccessfully && !IsRedirect(sending.Result.StatusCode) ? sending : FollowAsync(sending, request, cancellationToken);
    }

    // Kept small: on a socket it runs for every answer, and its state machine is allocated each time.
    private async Task<HttpResponseMessage> FollowAsync(Task<HttpResponseMessage> sending, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await sending.ConfigureAwait(false);

        // Stryker disable once Conditional : the redirect loop returns an answer that is no redirect as it is
        return IsRedirect(response.StatusCode) ? await FollowRedirectsAsync(response, request, cancellationToken).ConfigureAwait(false) : response;
    }

    private async Task<HttpResponseMessage> FollowRedirectsAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _options();
        var current = request;
        for (var hops = 0; IsRedirect(response.StatusCode) && options.MaxRedirects > 0; hops++)
        {
            HttpRequestMessage next;
            try
            {
                if (hops >= options.MaxRedirects)
                {
                    throw ErrorFactory.Refusal(response, request, $"with redirect number {hops + 1}, over QuantDeskClientOptions.MaxRedirects ({options.MaxRedirects})");
                }

                next = NextHop(request, current, response, options.BaseAddress);
            }
            finally
            {
                response.Dispose();
            }

            current = next;
            response = await base.SendAsync(next, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static HttpRequestMessage NextHop(HttpRequestMessage original, HttpRequestMessage current, HttpResponseMessage response, Uri apiBase)
    {
        var location = ErrorFactory.FirstValue(response.Headers, "Location");
        var target = Resolve(current.RequestUri, location);
        string? refusal = target switch
        {
            null => location is null ? "with a redirect but no Location" : "with a redirect whose Location is not a URL",
            { Scheme: not ("http" or "https") } => "with a redirect to a scheme other than http or https",
            _ when current.RequestUri?.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp => "with a redirect from https to plain http",
            { UserInfo.Length: > 0 } => "with a redirect to an address that carries user info",
            _ when NamesNoHost(target) => "with a redirect to an address that names no host",
            _ => null,
        };

        var sameOrigin = target is not null && TransportSecurity.IsApiOrigin(target, apiBase);
        var keepsBody = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

        // The request's body (a strategy, say) is the user's: it never follows a redirect to another origin.
        if (refusal is null && !sameOrigin && original.Content is not null)
        {
            refusal = "with a redirect to another origin, which is not followed for a request with a body";
        }

        if (refusal is not null)
        {
            throw ErrorFactory.Refusal(response, original, $"{refusal} (Location '{ServerText.Printable(Shown(target) ?? location, 256)}')");
        }

        var hop = RedirectHop.Of(original);
        hop.RequestUri = target;
        hop.Version = current.Version;
        hop.VersionPolicy = current.VersionPolicy;
        foreach (var (name, values) in current.Headers.NonValidated)
        {
            // The API's own origin gets the request as it was; another gets no credential, cookie or key of any kind.
            if (sameOrigin || CrossOriginHeaders.Contains(name))
            {
                hop.Headers.TryAddWithoutValidation(name, values);
            }
        }

        // RFC 9110 15.4: 301 and 302 may turn a POST into a GET, 303 turns all but HEAD into one; 307 and 308 keep
        // method and body.
        var becomesGet = response.StatusCode == HttpStatusCode.SeeOther
            ? current.Method != HttpMethod.Head
            : !keepsBody && current.Method == HttpMethod.Post;
        hop.Method = becomesGet ? HttpMethod.Get : current.Method;
        hop.Content = becomesGet ? null : current.Content;

        return hop;
    }

    private static Uri? Resolve(Uri? from, string? location)
    {
        if (string.IsNullOrWhiteSpace(location) || from is null)
        {
            return null;
        }

        try
        {
            return Uri.TryCreate(from, location.Trim(), out var target) && target.IsAbsoluteUri ? target : null;
        }

        // Stryker disable once all : a guard: no known Location makes the parser throw, and none may escape as a framework exception
        catch (Exception exception) when (exception is UriFormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Whether a redirect target has no host to send to: none at all, or an unspecified address (0.0.0.0, ::, ::ffff:0.0.0.0).</summary>
    internal static bool NamesNoHost(Uri target)
    {
        try
        {
            return string.IsNullOrEmpty(target.IdnHost)
                || (IPAddress.TryParse(target.IdnHost.Trim('[', ']'), out var address)
                    && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
                        || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 && address.MapToIPv4().Equals(IPAddress.Any))));
        }

        // Stryker disable once all : a guard: no known host makes reading it throw, and none may escape as a framework exception
        catch (Exception exception) when (exception is UriFormatException or InvalidOperationException)
        {
            return true;
        }
    }

    private static string? Shown(Uri? target)
    {
        try
        {
            return LoggedUri.Of(target);
        }

        // Stryker disable once all : a guard: no known address makes formatting it throw, and none may escape as a framework exception
        catch (Exception exception) when (exception is UriFormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
