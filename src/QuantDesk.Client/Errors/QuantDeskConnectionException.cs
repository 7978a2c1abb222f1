namespace QuantDesk.Client;

/// <summary>
/// The API could not be reached or the connection broke (DNS, refused, reset, TLS), on every attempt the
/// retry settings allowed. The transport's own exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class QuantDeskConnectionException : QuantDeskException
{
    internal QuantDeskConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
