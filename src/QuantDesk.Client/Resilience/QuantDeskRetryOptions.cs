namespace QuantDesk.Client;

/// <summary>
/// How the client retries an idempotent request after a transient failure: 408, 429, 500, 502, 503, 504,
/// a transport error or an attempt timeout. Requests with unsafe methods (POST, PATCH, PUT, DELETE) are never
/// retried, because a retried submit could run twice.
/// </summary>
public sealed class QuantDeskRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Defaults to 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The delay before the first retry; later ones grow exponentially, with jitter. Defaults to 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest computed backoff delay. Defaults to 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised so that many clients do not retry in step. Defaults to true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. A server asking for a longer pause gets no retry: the
    /// call fails at once with the server's answer (for 429, a <see cref="QuantDeskRateLimitException"/> whose
    /// <see cref="QuantDeskApiException.RetryAfter"/> tells when to come back). Defaults to 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Called before each retry's pause with what is retried, after how long and why; for example to tell a person
    /// that the client is waiting out a server's <c>Retry-After</c>. Runs on the calling request's flow, so keep it
    /// short; an exception it throws fails the call. Not set by default.
    /// </summary>
    public Action<QuantDeskRetryEvent>? OnRetry { get; set; }

    internal QuantDeskRetryOptions Clone() => (QuantDeskRetryOptions)MemberwiseClone();

    /// <summary>Describes the retry settings.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        $"{{ MaxRetryAttempts = {MaxRetryAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, UseJitter = {UseJitter}, MaxRetryAfter = {MaxRetryAfter} }}";
}
