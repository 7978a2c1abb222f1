using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>
/// Exists only because NSwag's generated code names it in its branches for documented error responses.
/// Those branches never run: the client maps every error status to a typed exception first.
/// </summary>
internal sealed class QuantDeskApiException<TResult> : QuantDeskApiException
{
    public QuantDeskApiException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        TResult result,
        Exception? innerException)
        : base(ErrorFactory.FromGeneratedCode(statusCode, response, headers, message, (headers as Http.ResponseHeaders)?.SentToken), innerException)
    {
        Result = result;
    }

    public TResult Result { get; }
}
