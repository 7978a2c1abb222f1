using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// The API answered 401: the credentials are missing, expired or rejected. With a token provider configured, it is
/// reported only after one token refresh and resend; with no token configured on an operation that needs one, the
/// message says how to give one. A 403 is <see cref="QuantDeskForbiddenException"/>.
/// </summary>
public sealed class QuantDeskAuthenticationException : QuantDeskApiException
{
    internal QuantDeskAuthenticationException(ApiErrorDetails details)
        : base(details, innerException: null)
    {
    }
}
