using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Authentication;

/// <summary>
/// Puts the Bearer token on each attempt and, when the API answers 401 and a token provider is configured,
/// refreshes the token once and sends the request again. Sits inside the retry pipeline, so every attempt
/// carries a current token.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly AccessTokenSource _tokens;
    private readonly ILogger _logger;

    public BearerTokenHandler(AccessTokenSource tokens, ILogger logger)
    {
        _tokens = tokens;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var issued = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (issued.Token is null)
        {
            // A retry resends the same message: drop the header an earlier attempt may have set.
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        Authorize(request, issued.Token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !issued.CanRefresh)
        {
            return response;
        }

        ClientLog.AccessTokenRejected(_logger, request.Method, request.RequestUri);
        string? refreshed;
        try
        {
            refreshed = await _tokens.RefreshAsync(issued, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (refreshed is null || string.Equals(refreshed, issued.Token, StringComparison.Ordinal))
        {
            return response;
        }

        response.Dispose();
        Authorize(request, refreshed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Authorize(HttpRequestMessage request, string token)
    {
        // Options validation already refuses such a base address; this guards requests aimed elsewhere.
        if (request.RequestUri is { } uri && !TransportSecurity.MaySendCredentials(uri))
        {
            throw new InvalidOperationException(
                $"Refusing to send the QuantDesk access token over plain HTTP to '{uri.Host}'. Use https, or a loopback address for local testing.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
