using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>The API answered 429: too many requests, even after the client's own retries.</summary>
public sealed class QuantDeskRateLimitException : QuantDeskApiException
{
    internal QuantDeskRateLimitException(ApiErrorDetails details)
        : base(details, innerException: null)
    {
        RetryAfter = details.RetryAfter;
    }

    /// <summary>
    /// How long the API asked to wait before the next request (its <c>Retry-After</c>, seconds or HTTP date),
    /// or <see langword="null"/> when it did not say.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
