using Polly.Timeout;

namespace QuantDesk.Client.Http;

/// <summary>
/// The outermost handler, where a call enters and leaves the pipeline. On the way in it stamps the call's
/// deadline (for the retry strategy, which must not start a wait the total timeout would cut short); on the
/// way out, once the retries are spent, it turns transport failures and timeouts into the client's typed
/// exceptions. Cancellation requested by the caller passes through unchanged.
/// </summary>
internal sealed class CallBoundaryHandler : DelegatingHandler
{
    /// <summary>When the whole call must be over, by the options' clock.</summary>
    public static readonly HttpRequestOptionsKey<DateTimeOffset> Deadline = new("QuantDesk.Client.Deadline");

    private readonly Func<QuantDeskClientOptions> _options;

    public CallBoundaryHandler(Func<QuantDeskClientOptions> options)
    {
        _options = options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _options();
        request.Options.Set(Deadline, options.TimeProvider.GetUtcNow() + options.TotalTimeout);
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
