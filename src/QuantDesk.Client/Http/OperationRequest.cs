using QuantDesk.Client.Diagnostics;

namespace QuantDesk.Client.Http;

/// <summary>
/// A request of one of the client's operations, as the generated code creates it: it says which operation it is,
/// and counts what the pipeline puts on the wire for it. Carried by the request itself, so the layers of the pipeline
/// share it without a property bag, and a client without the pipeline pays for nothing. A redirect hop is a request
/// of its own (<see cref="RedirectHop"/>) that counts towards the call it belongs to.
/// </summary>
internal sealed class OperationRequest : HttpRequestMessage
{
    private int _wireRequests;

    public OperationRequest(OperationInfo operation)
    {
        Operation = operation;
    }

    /// <summary>The contract operation the request was made for.</summary>
    public OperationInfo Operation { get; }

    /// <summary>Requests sent on the wire for this call: every attempt, refresh resend and redirect hop.</summary>
    public int WireRequests => Volatile.Read(ref _wireRequests);

    /// <summary>The operation a request was made for, if the generated code made it.</summary>
    public static OperationInfo? OperationOf(HttpRequestMessage? request) => (request as OperationRequest)?.Operation;

    /// <summary>The call a request on the wire belongs to: itself, or the call a redirect hop was made for.</summary>
    public static OperationRequest? CallOf(HttpRequestMessage request) => request switch
    {
        OperationRequest call => call,
        RedirectHop hop => hop.Call,
        _ => null,
    };

    public void CountWireRequest() => Interlocked.Increment(ref _wireRequests);
}
