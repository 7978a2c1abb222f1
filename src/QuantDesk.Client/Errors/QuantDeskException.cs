namespace QuantDesk.Client;

/// <summary>
/// The base of every failure the QuantDesk client reports: catch it to handle them all. Arguments the caller
/// got wrong are reported as <see cref="ArgumentException"/>, and cancellation by the caller as
/// <see cref="OperationCanceledException"/>, as usual in .NET.
/// </summary>
public abstract class QuantDeskException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    protected QuantDeskException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code of the API's answer, or <see langword="null"/> when there was no answer.</summary>
    public virtual int? StatusCode => null;

    /// <summary>The API's request id for correlation with QuantDesk support, when the API gave one.</summary>
    public virtual string? RequestId => null;
}
