using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// The API answered 429: too many requests, even after the client's own retries.
/// <see cref="QuantDeskApiException.RetryAfter"/> tells when to come back, if the API said.
/// </summary>
public sealed class QuantDeskRateLimitException : QuantDeskApiException
{
    internal QuantDeskRateLimitException(ApiErrorDetails details)
        : base(details, innerException: null)
    {
    }
}
