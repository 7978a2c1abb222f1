namespace QuantDesk.Client.Http;

/// <summary>The request <see cref="RedirectHandler"/> sends for one redirect hop, counted with the call it belongs to.</summary>
internal sealed class RedirectHop(OperationRequest? call) : HttpRequestMessage
{
    public OperationRequest? Call { get; } = call;

    /// <summary>A hop of the call <paramref name="request"/> belongs to.</summary>
    public static RedirectHop Of(HttpRequestMessage request) => new(OperationRequest.CallOf(request));
}
