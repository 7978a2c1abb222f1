using Polly.Timeout;

namespace QuantDesk.Client.Errors;

/// <summary>
/// The outermost handler: once the retries are spent, turns transport failures and timeouts into the client's
/// typed exceptions. Cancellation requested by the caller passes through unchanged.
/// </summary>
internal sealed class TransportFailureHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QuantDeskConnectionException(
                $"QuantDesk API call {request.Method} {request.RequestUri?.AbsolutePath} could not reach {request.RequestUri?.Authority}: {exception.Message}",
                exception);
        }
        catch (TimeoutRejectedException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QuantDeskTimeoutException(
                $"QuantDesk API call {request.Method} {request.RequestUri?.AbsolutePath} timed out after {exception.Timeout.TotalSeconds:0.###} s.",
                exception);
        }
    }
}
