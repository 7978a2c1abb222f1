namespace QuantDesk.Client;

/// <summary>
/// The call did not finish within <see cref="QuantDeskClientOptions.TotalTimeout"/>, or its last attempt ran past
/// <see cref="QuantDeskClientOptions.AttemptTimeout"/>. Cancellation by the caller is reported as
/// <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class QuantDeskTimeoutException : QuantDeskException
{
    internal QuantDeskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
