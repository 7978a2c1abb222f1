using QuantDesk.Client.Errors;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Http;

/// <summary>
/// Where a call leaves the pipeline, once the retries are spent: an error answer gets its typed exception (built
/// here, once, from the buffered body, and attached to it as <see cref="BufferedContent.Failure"/> for the generated
/// code to throw), a transport failure becomes a <see cref="QuantDeskConnectionException"/>, and any failure after
/// the caller cancelled an <see cref="OperationCanceledException"/> for the caller's token.
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

        // An answer already there goes through as it is, without a task of our own; an error one with its exception.
        return sending.IsCompletedSuccessfully && Describe(sending.Result)
            ? sending
            : CompleteAsync(sending, request, cancellationToken);
    }

    // True when the answer is ready to hand on: a success, or an error whose exception is now attached to it.
    private bool Describe(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if (response.Content is not BufferedContent buffered)
        {
            return false;
        }

        buffered.Failure ??= ErrorFactory.FromResponse(response, buffered.Body, _options().TimeProvider);
        return true;
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

        if (Describe(response))
        {
            return response;
        }

        // Not buffered (a handler of the application's replaced the body): read it here, and fail as the answer says.
        QuantDeskApiException error;
        try
        {
            error = await ErrorFactory.FromResponseAsync(response, _options().TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            response.Dispose();
        }

        throw error;
    }
}
