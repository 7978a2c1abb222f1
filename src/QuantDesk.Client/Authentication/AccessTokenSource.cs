namespace QuantDesk.Client.Authentication;

/// <summary>
/// Hands out the Bearer token for each request and coordinates refreshes, so that requests rejected together
/// share one refresh. One instance per configured client (never static): it outlives the handlers that
/// IHttpClientFactory recycles, and reads the options on every request so reloaded settings apply.
/// </summary>
internal sealed class AccessTokenSource
{
    private readonly Func<QuantDeskClientOptions> _options;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile RefreshedToken _latestRefresh = new(0, null);

    public AccessTokenSource(Func<QuantDeskClientOptions> options)
    {
        _options = options;
    }

    /// <summary>The token for a request, with the refresh generation it belongs to; no token is <see langword="null"/>.</summary>
    public ValueTask<IssuedToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var generation = _latestRefresh.Generation;
        var options = _options();
        return options.AccessTokenProvider is { } provider
            ? AskProviderAsync(provider, generation, cancellationToken)
            : new ValueTask<IssuedToken>(new IssuedToken(options.AccessToken, generation, CanRefresh: false));
    }

    private static async ValueTask<IssuedToken> AskProviderAsync(
        Func<AccessTokenRequest, CancellationToken, ValueTask<string?>> provider, long generation, CancellationToken cancellationToken) =>
        new(await AskAsync(provider, forceRefresh: false, cancellationToken).ConfigureAwait(false), generation, CanRefresh: true);

    /// <summary>
    /// Replaces a token the API rejected, or returns <see langword="null"/> when only a static token is configured.
    /// When another request already refreshed after <paramref name="rejected"/> was issued, its token is reused
    /// instead of asking the provider again.
    /// </summary>
    public async ValueTask<string?> RefreshAsync(IssuedToken rejected, CancellationToken cancellationToken)
    {
        if (_options().AccessTokenProvider is not { } provider)
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

            var token = await AskAsync(provider, forceRefresh: true, cancellationToken).ConfigureAwait(false);
            // Stryker disable once Arithmetic : generations are only compared for a change, never ordered
            _latestRefresh = new RefreshedToken(latest.Generation + 1, token);
            return token;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private static async ValueTask<string?> AskAsync(
        Func<AccessTokenRequest, CancellationToken, ValueTask<string?>> provider, bool forceRefresh, CancellationToken cancellationToken)
    {
        string? token;
        try
        {
            var pending = provider(new AccessTokenRequest(forceRefresh), cancellationToken);

            // A provider that ignores its cancellation token must not hold the call past its timeouts or the
            // caller's cancellation: the wait for it ends with the token either way.
            // Stryker disable once Conditional : a completed answer awaited anyway gives the same token, one state machine later
            token = pending.IsCompletedSuccessfully
                ? pending.Result
                : await pending.AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Wrapped so that a provider's own network failure is not mistaken for (and retried as) an API failure.
            throw new QuantDeskCredentialException($"The QuantDesk access token provider failed: {exception.GetType().Name}.", exception);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        if (!TransportSecurity.IsSendableToken(token))
        {
            throw new QuantDeskCredentialException(
                "The QuantDesk access token provider returned a token that cannot be sent in an HTTP header (only visible ASCII is allowed: no NUL, line break, control character, space or non-ASCII letter). Nothing was sent.",
                innerException: null);
        }

        return token;
    }

    /// <summary>A token as handed to one request, tagged with the refresh generation it was issued in.</summary>
    internal readonly record struct IssuedToken(string? Token, long Generation, bool CanRefresh)
    {
        /// <inheritdoc />
        public override string ToString() => $"IssuedToken {{ Generation = {Generation}, CanRefresh = {CanRefresh} }}";
    }

    private sealed record RefreshedToken(long Generation, string? Token)
    {
        /// <inheritdoc />
        public override string ToString() => $"RefreshedToken {{ Generation = {Generation} }}";
    }
}
