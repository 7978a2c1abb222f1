using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// The API answered 403: the credentials were accepted, but this operation is refused for them or for its input,
/// for example <see cref="QuantDeskErrorCodes.DeployGateFailed"/> when a run did not pass the deploy gate. Not an
/// authentication failure (that is <see cref="QuantDeskAuthenticationException"/>, 401): refreshing the token would
/// not help. Branch on <see cref="QuantDeskApiException.ErrorCode"/> for the reason.
/// </summary>
public sealed class QuantDeskForbiddenException : QuantDeskApiException
{
    internal QuantDeskForbiddenException(ApiErrorDetails details)
        : base(details, innerException: null)
    {
    }

    /// <summary>Whether the refusal is <see cref="QuantDeskErrorCodes.DeployGateFailed"/>: the run did not pass the deploy gate.</summary>
    public bool IsDeployGateFailure => string.Equals(ErrorCode, QuantDeskErrorCodes.DeployGateFailed, StringComparison.OrdinalIgnoreCase);
}
