using QuantDesk.Client.Errors;

namespace QuantDesk.Client;

/// <summary>The API answered 404: it does not know the resource, for example an unknown backtest run id.</summary>
public sealed class QuantDeskNotFoundException : QuantDeskApiException
{
    internal QuantDeskNotFoundException(ApiErrorDetails details)
        : base(details, innerException: null)
    {
    }
}
