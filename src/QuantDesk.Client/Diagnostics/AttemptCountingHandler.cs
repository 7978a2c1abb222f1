using QuantDesk.Client.Http;

namespace QuantDesk.Client.Diagnostics;

/// <summary>The innermost of the client's handlers: counts every request that is about to go on the wire.</summary>
internal sealed class AttemptCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OperationRequest.CallOf(request)?.CountWireRequest();
        return base.SendAsync(request, cancellationToken);
    }
}
