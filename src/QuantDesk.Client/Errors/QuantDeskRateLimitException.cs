using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// Too many requests: the API answered 429, even after the client's own retries, or — when
/// <see cref="IsClientSide"/> — the client's own rate budget (<see cref="QuantDeskRateBudgetOptions"/>) refused the
/// call and nothing was sent. <see cref="QuantDeskApiException.RetryAfter"/> tells when to come back, if known.
/// </summary>
public sealed class QuantDeskRateLimitException : QuantDeskApiException
{
    internal QuantDeskRateLimitException(ApiErrorDetails details)
        : base(details, innerException: null)
    {
    }

    internal QuantDeskRateLimitException(ApiErrorDetails details, bool isClientSide)
        : base(details, innerException: null)
    {
        IsClientSide = isClientSide;
    }

    /// <summary>
    /// Whether the client's own rate budget refused the call before sending it: the API never saw the request, so
    /// <see cref="StatusCode"/> and <see cref="QuantDeskException.RequestId"/> are <see langword="null"/>.
    /// </summary>
    public bool IsClientSide { get; }

    /// <summary>429 for the API's answer; <see langword="null"/> when the client's own budget refused the call.</summary>
    public override int? StatusCode => IsClientSide ? null : base.StatusCode;
}
