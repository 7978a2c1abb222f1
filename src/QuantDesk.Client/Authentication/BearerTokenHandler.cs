using System.Net;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Authentication;

/// <summary>
/// Puts the Bearer token on each attempt of an operation whose contract declares security (or of every operation,
/// with <see cref="QuantDeskClientOptions.SendAccessTokenOnEveryCall"/>), and only on requests to the API's own origin. When the API itself answers
/// 401 and a token provider is configured, refreshes the token once and sends the request again. Sits inside the
/// retry pipeline, so every attempt carries a current token.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly AccessTokenSource _tokens;
    private readonly Func<QuantDeskClientOptions> _options;
    private readonly ILogger _logger;

    // The header value of the last token seen: a static token is formatted once, not on every request.
    private volatile HeaderValue? _lastHeader;

    public BearerTokenHandler(AccessTokenSource tokens, Func<QuantDeskClientOptions> options, ILogger logger)
    {
        _tokens = tokens;
        _options = options;
        _logger = logger;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retry resends the same message: drop the header an earlier attempt may have set.
        request.Headers.Remove("Authorization");
        var options = _options();
        var apiBase = options.BaseAddress;
        if (!TransportSecurity.IsApiOrigin(request.RequestUri, apiBase) || !NeedsToken(request, options))
        {
            return base.SendAsync(request, cancellationToken);
        }

        var getting = _tokens.GetTokenAsync(cancellationToken);

        // Stryker disable once Conditional : the slow path awaits the same token and sends the same request
        return getting.IsCompletedSuccessfully
            ? SendWithToken(getting.Result, request, apiBase, cancellationToken)
            : SendWithTokenAsync(getting, request, apiBase, cancellationToken);
    }

    // Only operations whose contract declares security carry the token, unless the options ask for it on every
    // call; a request the generated code did not make is the caller's own and keeps it.
    private static bool NeedsToken(HttpRequestMessage request, QuantDeskClientOptions options) =>
        options.SendAccessTokenOnEveryCall || OperationRequest.OperationOf(request) is not { RequiresAuthentication: false };

    private async Task<HttpResponseMessage> SendWithTokenAsync(ValueTask<AccessTokenSource.IssuedToken> getting, HttpRequestMessage request, Uri apiBase, CancellationToken cancellationToken) =>
        await SendWithToken(await getting.ConfigureAwait(false), request, apiBase, cancellationToken).ConfigureAwait(false);

    private Task<HttpResponseMessage> SendWithToken(AccessTokenSource.IssuedToken issued, HttpRequestMessage request, Uri apiBase, CancellationToken cancellationToken)
    {
        if (issued.Token is null)
        {
            return base.SendAsync(request, cancellationToken);
        }

        try
        {
            Authorize(request, issued.Token);
        }
        catch (QuantDeskCredentialException exception)
        {
            return Task.FromException<HttpResponseMessage>(exception);
        }

        // A static token cannot be refreshed: the answer, 401 or not, goes back as it is.
        var sending = base.SendAsync(request, cancellationToken);
        return issued.CanRefresh ? RefreshOnRejectionAsync(sending, issued, request, apiBase, cancellationToken) : sending;
    }

    private async Task<HttpResponseMessage> RefreshOnRejectionAsync(
        Task<HttpResponseMessage> sending, AccessTokenSource.IssuedToken issued, HttpRequestMessage request, Uri apiBase, CancellationToken cancellationToken)
    {
        var response = await sending.ConfigureAwait(false);

        // A 401 from wherever a redirect led says nothing about the API's token: only the API's own triggers a refresh.
        // Nor is a request resent whose redirect changed its method (a POST answered 303): it reached the server once.
        var answered = response.RequestMessage ?? request;
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || answered.Method != request.Method
            || !TransportSecurity.IsApiOrigin(answered.RequestUri, apiBase))
        {
            return response;
        }

        ClientLog.AccessTokenRejected(_logger, request.Method, LoggedUri.Of(request.RequestUri));
        string? refreshed;
        try
        {
            refreshed = await _tokens.RefreshAsync(issued, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Stryker disable once Statement : memory only: the body is buffered already and its connection given back
            response.Dispose();
            throw;
        }

        if (refreshed is null || string.Equals(refreshed, issued.Token, StringComparison.Ordinal))
        {
            return response;
        }

        // Stryker disable once Statement : memory only: the body is buffered already and its connection given back
        response.Dispose();
        request.Headers.Remove("Authorization");
        Authorize(request, refreshed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void Authorize(HttpRequestMessage request, string token)
    {
        // Options validation already refuses such a base address; this guards a base address changed since.
        if (request.RequestUri is { } uri && !TransportSecurity.MaySendCredentials(uri, _options().BaseAddress))
        {
            throw new QuantDeskCredentialException(
                $"Refusing to send the QuantDesk access token over plain HTTP to '{uri.IdnHost}'. Use https, or a loopback address for local testing.",
                innerException: null);
        }

        var header = _lastHeader;
        if (header is null || !ReferenceEquals(header.Token, token))
        {
            // Stryker disable once all : unreachable guard: a static token is checked by options validation and a provider's as it arrives
            if (!TransportSecurity.IsSendableToken(token))
            {
                throw new QuantDeskCredentialException(
                    "The QuantDesk access token contains characters that cannot be sent in an HTTP header (only visible ASCII is allowed: no NUL, line break, control character, space or non-ASCII letter). Nothing was sent.",
                    innerException: null);
            }

            header = new HeaderValue(token, "Bearer " + token);
            _lastHeader = header;
        }

        request.Headers.TryAddWithoutValidation("Authorization", header.Value);
    }

    private sealed record HeaderValue(string Token, string Value)
    {
        /// <inheritdoc />
        public override string ToString() => "HeaderValue { (redacted) }";
    }
}
