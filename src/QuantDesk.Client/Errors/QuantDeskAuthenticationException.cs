using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// The API answered 401 (missing or expired credentials) or 403 (credentials without the right to this
/// operation). With a token provider configured, a 401 is reported only after one token refresh and retry.
/// </summary>
public sealed class QuantDeskAuthenticationException : QuantDeskApiException
{
    internal QuantDeskAuthenticationException(ApiErrorDetails details)
        : base(details, innerException: null)
    {
    }
}
