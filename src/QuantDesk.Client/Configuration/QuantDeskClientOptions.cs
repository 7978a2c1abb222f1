namespace QuantDesk.Client;

/// <summary>
/// Settings for the QuantDesk client: where the API is, how to authenticate, and how hard to try.
/// Bind them from configuration or set them in code; they are validated the first time a client is created.
/// </summary>
public sealed class QuantDeskClientOptions
{
    /// <summary>The production gateway, used when <see cref="BaseAddress"/> is not set.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.quantdesk.app/");

    private Uri _baseAddress = DefaultBaseAddress;
    private string? _accessToken;
    private string? _applicationId;

    /// <summary>
    /// The absolute address of the QuantDesk API. Defaults to <c>https://api.quantdesk.app/</c>. A missing trailing
    /// slash is added, so that the API's relative paths resolve below it.
    /// </summary>
    public Uri BaseAddress
    {
        get => _baseAddress;
        set => _baseAddress = WithTrailingSlash(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>
    /// A static Bearer JWT, sent on the operations whose contract declares security (portfolio, publishing a flex
    /// card, submitting a run, validating a referral; see <see cref="SendAccessTokenOnEveryCall"/>). Leave unset for public routes, or use
    /// <see cref="AccessTokenProvider"/> for tokens that expire. Never logged, never shown by <see cref="ToString"/>.
    /// </summary>
    public string? AccessToken
    {
        get => _accessToken;
        set => _accessToken = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// Supplies the Bearer JWT for each request, so tokens can rotate. When the API answers 401, the provider is
    /// asked once more with <see cref="AccessTokenRequest.ForceRefresh"/> set and the request is retried once;
    /// concurrent requests rejected together share that single refresh. Takes precedence over
    /// <see cref="AccessToken"/>. Returning <see langword="null"/> sends the request without credentials. For a provider
    /// written as a <see cref="Task{TResult}"/> method, see <see cref="UseAccessTokenProvider(Func{CancellationToken, Task{string}})"/>.
    /// </summary>
    public Func<AccessTokenRequest, CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// Sets <see cref="AccessTokenProvider"/> from an ordinary <see cref="Task{TResult}"/> method that does not need
    /// to know about refreshes, such as <c>Task&lt;string&gt; GetTokenAsync(CancellationToken)</c> or an async
    /// lambda. It is called for each request, and once more when the API answers 401.
    /// </summary>
    /// <param name="provider">Returns the Bearer JWT. A provider that may have no token uses <see cref="AccessTokenProvider"/>, whose <see langword="null"/> sends the request without credentials.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    public QuantDeskClientOptions UseAccessTokenProvider(Func<CancellationToken, Task<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        AccessTokenProvider = (_, cancellationToken) => new ValueTask<string?>(provider(cancellationToken)!);
        return this;
    }

    /// <summary>
    /// Sets <see cref="AccessTokenProvider"/> from an ordinary <see cref="Task{TResult}"/> method that is told when the
    /// API has just rejected its token (<see cref="AccessTokenRequest.ForceRefresh"/>), such as
    /// <c>Task&lt;string&gt; GetTokenAsync(AccessTokenRequest, CancellationToken)</c> or an async lambda.
    /// </summary>
    /// <param name="provider">Returns the Bearer JWT; a newly issued one when <see cref="AccessTokenRequest.ForceRefresh"/> is set. A provider that may have no token uses <see cref="AccessTokenProvider"/>, whose <see langword="null"/> sends the request without credentials.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    public QuantDeskClientOptions UseAccessTokenProvider(Func<AccessTokenRequest, CancellationToken, Task<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        AccessTokenProvider = (request, cancellationToken) => new ValueTask<string?>(provider(request, cancellationToken)!);
        return this;
    }

    /// <summary>
    /// Sends the access token on every operation, public ones included, for gateways that tier rate limits by
    /// account. Off by default: market-data calls then never carry the token.
    /// </summary>
    public bool SendAccessTokenOnEveryCall { get; set; }

    /// <summary>
    /// An optional product token (for example <c>my-bot/2.1</c>) put in front of the client's User-Agent, so the
    /// QuantDesk operators can tell your application's traffic apart.
    /// </summary>
    public string? ApplicationId
    {
        get => _applicationId;
        set => _applicationId = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>How failed attempts are retried.</summary>
    public QuantDeskRetryOptions Retry { get; set; } = new();

    /// <summary>An optional client-side limit on requests per window, shared between clients if asked; off by default.</summary>
    public QuantDeskRateBudgetOptions RateBudget { get; set; } = new();

    /// <summary>The longest a single attempt may take before it is abandoned (and retried). Defaults to 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a whole call may take, all attempts and delays included. Defaults to 60 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest response body the client reads, in bytes; a larger one fails the call with a
    /// <see cref="QuantDeskApiException"/> instead of filling memory. Defaults to 4 MiB.
    /// </summary>
    public long MaxResponseContentLength { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How many redirects (301, 302, 303, 307, 308) one request may follow; 0 follows none, and the 3xx answer fails
    /// the call with a <see cref="QuantDeskApiException"/>. Defaults to 5. Redirects never go from https to http or to
    /// a scheme other than http(s), carry the access token only to the API's own origin (scheme, host and port of
    /// <see cref="BaseAddress"/>), and never take a request body to another origin.
    /// </summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The clock for timeouts and retry delays. Tests can substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the settings without revealing any credential.</summary>
    /// <returns>A one-line summary in which the access token is redacted.</returns>
    public override string ToString() =>
        $"QuantDeskClientOptions {{ BaseAddress = {Logging.LoggedUri.Of(BaseAddress)}, AccessToken = {(AccessToken is null ? "(none)" : "(redacted)")}, " +
        $"AccessTokenProvider = {(AccessTokenProvider is null ? "(none)" : "(set)")}, ApplicationId = {ApplicationId ?? "(none)"}, " +
        $"AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, MaxResponseContentLength = {MaxResponseContentLength}, MaxRedirects = {MaxRedirects}, Retry = {Retry}, RateBudget = {RateBudget} }}";

    /// <summary>A copy, so that a client keeps the settings it was created with.</summary>
    internal QuantDeskClientOptions Clone()
    {
        var copy = (QuantDeskClientOptions)MemberwiseClone();
        copy.Retry = Retry is null ? null! : Retry.Clone();
        copy.RateBudget = RateBudget is null ? null! : RateBudget.Clone();
        return copy;
    }

    internal bool HasCredentials => AccessTokenProvider is not null || AccessToken is not null;

    private static Uri WithTrailingSlash(Uri address) =>
        address.IsAbsoluteUri && !address.AbsolutePath.EndsWith('/')
            ? new UriBuilder(address) { Path = address.AbsolutePath + "/" }.Uri
            : address;
}
