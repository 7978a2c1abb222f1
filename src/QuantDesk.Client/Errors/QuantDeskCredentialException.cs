namespace QuantDesk.Client;

/// <summary>
/// No request was sent because <see cref="QuantDeskClientOptions.AccessTokenProvider"/> failed or returned a token
/// that cannot travel in an HTTP header. The provider's own exception, if any, is the
/// <see cref="Exception.InnerException"/>. Never retried: the fault is on this side of the wire.
/// </summary>
public sealed class QuantDeskCredentialException : QuantDeskException
{
    internal QuantDeskCredentialException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
