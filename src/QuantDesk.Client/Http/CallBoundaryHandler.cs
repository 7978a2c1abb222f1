using QuantDesk.Client.Errors;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Http;

/// <summary>
/// Where a call leaves the pipeline, once the retries are spent: an error answer becomes its typed exception (built
/// here, once, from the buffered body), a transport failure a <see cref="QuantDeskConnectionException"/>, and any
/// failure after the caller cancelled an <see cref="OperationCanceledException"/> for the caller's token.
/// </summary>
internal sealed class CallBoundaryHandler : DelegatingHandler
{
    private readonly Func<QuantDeskClientOptions> _options;

    public CallBoundaryHandler(Func<QuantDeskClientOptions> options)
    {
        _options = options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sending = base.SendAsync(request, cancellationToken);

        // A success already there goes through as it is, without a task of our own.
        return sending.IsCompletedSuccessfully && sending.Result.IsSuccessStatusCode
            ? sending
            : CompleteAsync(sending, request, cancellationToken);
    }

    private async Task<HttpResponseMessage> CompleteAsync(Task<HttpResponseMessage> sending, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await sending.ConfigureAwait(false);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && !(exception is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken))
        {
            // Whatever raced the caller's cancellation (a timeout, a broken connection), the caller asked to stop.
            throw new OperationCanceledException("The QuantDesk API call was canceled.", exception, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new QuantDeskConnectionException(
                $"QuantDesk API call {request.Method} {LoggedUri.PathOf(request.RequestUri)} could not reach {request.RequestUri?.IdnHost}: {ServerText.Printable(exception.Message, 1024)}",
                exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        QuantDeskApiException error;
        try
        {
            error = response.Content is BufferedContent buffered
                ? ErrorFactory.FromResponse(response, buffered.Body, _options().TimeProvider)
                : await ErrorFactory.FromResponseAsync(response, _options().TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            response.Dispose();
        }

        throw error;
    }
}
