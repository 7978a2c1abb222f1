namespace QuantDesk.Client.Authentication;

/// <summary>
/// Hands out the Bearer token for each request and coordinates refreshes, so that requests rejected together
/// share one refresh. One instance per configured client (never static): it outlives the handlers that
/// IHttpClientFactory recycles.
/// </summary>
internal sealed class AccessTokenSource
{
    private readonly Func<AccessTokenRequest, CancellationToken, ValueTask<string?>>? _provider;
    private readonly string? _staticToken;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile RefreshedToken _latestRefresh = new(0, null);

    public AccessTokenSource(QuantDeskClientOptions options)
    {
        _provider = options.AccessTokenProvider;
        _staticToken = options.AccessToken;
    }

    /// <summary>Whether a rejected token can be replaced: only a provider can issue a new one.</summary>
    public bool CanRefresh => _provider is not null;

    /// <summary>The token for a request, with the refresh generation it belongs to.</summary>
    public async ValueTask<IssuedToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var generation = _latestRefresh.Generation;
        if (_provider is null)
        {
            return new IssuedToken(_staticToken, generation);
        }

        var token = await _provider(new AccessTokenRequest(ForceRefresh: false), cancellationToken).ConfigureAwait(false);
        return new IssuedToken(token, generation);
    }

    /// <summary>
    /// Replaces a token the API rejected. When another request already refreshed after <paramref name="rejected"/>
    /// was issued, its token is reused instead of asking the provider again.
    /// </summary>
    public async ValueTask<string?> RefreshAsync(IssuedToken rejected, CancellationToken cancellationToken)
    {
        if (_provider is null)
        {
            return null;
        }

        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var latest = _latestRefresh;
            if (latest.Generation != rejected.Generation)
            {
                return latest.Token;
            }

            var token = await _provider(new AccessTokenRequest(ForceRefresh: true), cancellationToken).ConfigureAwait(false);
            _latestRefresh = new RefreshedToken(latest.Generation + 1, token);
            return token;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>A token as handed to one request, tagged with the refresh generation it was issued in.</summary>
    internal readonly record struct IssuedToken(string? Token, long Generation)
    {
        /// <inheritdoc />
        public override string ToString() => $"IssuedToken {{ Generation = {Generation} }}";
    }

    private sealed record RefreshedToken(long Generation, string? Token)
    {
        /// <inheritdoc />
        public override string ToString() => $"RefreshedToken {{ Generation = {Generation} }}";
    }
}
