using System.Globalization;
using Polly.RateLimiting;
using Polly.Timeout;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Logging;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Http;

/// <summary>
/// How a call's outcome leaves the pipeline, once the retries are spent: an error answer gets its typed exception
/// (built here, once, from the buffered body, and attached as <see cref="BufferedContent.Failure"/> for the generated
/// code to throw), a transport failure becomes a <see cref="QuantDeskConnectionException"/>, a Polly timeout a
/// <see cref="QuantDeskTimeoutException"/> naming which limit ran out, a refusal of the client-side rate budget a
/// <see cref="QuantDeskRateLimitException"/> that says nothing was sent, and any failure after the caller cancelled an
/// <see cref="OperationCanceledException"/> for the caller's token. No Polly type leaves, not even as an inner exception.
/// </summary>
internal static class CallBoundary
{
    /// <summary>The answer to hand on, with an error answer's exception attached to it.</summary>
    public static HttpResponseMessage Answer(HttpResponseMessage response, TimeProvider clock)
    {
        if (!response.IsSuccessStatusCode && response.Content is BufferedContent buffered)
        {
            buffered.Failure ??= ErrorFactory.FromResponse(response, buffered.Body, clock);
        }

        return response;
    }

    /// <summary>The exception the caller gets for a failed call.</summary>
    public static Exception Failure(Exception exception, CallState call, QuantDeskClientOptions options, CancellationToken cancellationToken)
    {
        var request = call.Request;
        if (cancellationToken.IsCancellationRequested)
        {
            // Whatever raced the caller's cancellation (a timeout, a broken connection), the caller asked to stop.
            return exception is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken
                ? exception
                : new OperationCanceledException("The QuantDesk API call was canceled.", exception is TimeoutRejectedException ? null : exception, cancellationToken);
        }

        return exception switch
        {
            TimeoutRejectedException timeout => TimedOut(request, options, timeout),
            RateLimiterRejectedException rejected => RateBudgetRejection.Of(call, options, rejected),
            HttpRequestException transport => Unreachable(request, transport),
            _ => exception,
        };
    }

    // A transport error can quote what the server sent (an invalid header line, say), which may echo the token.
    private static QuantDeskConnectionException Unreachable(HttpRequestMessage request, HttpRequestException transport)
    {
        var token = Authentication.SentToken.Of(request);
        var reason = Authentication.SentToken.Scrub(transport.ToString(), token) == transport.ToString()
            ? transport
            : new HttpRequestException(transport.HttpRequestError, Authentication.SentToken.Scrub(transport.Message, token), inner: null, transport.StatusCode);
        return new QuantDeskConnectionException(
            $"QuantDesk API call {request.Method} {LoggedUri.PathOf(request.RequestUri)} could not reach {request.RequestUri?.IdnHost}: {ServerText.Printable(Authentication.SentToken.Scrub(transport.Message, token), 1024)}",
            reason);
    }

    private static QuantDeskTimeoutException TimedOut(HttpRequestMessage request, QuantDeskClientOptions options, TimeoutRejectedException timeout)
    {
        // The attempt's budget was the shorter of the two limits: if it was shorter than AttemptTimeout, the total ran out.
        var which = timeout.Timeout < options.AttemptTimeout
            ? string.Create(CultureInfo.InvariantCulture, $"TotalTimeout ({options.TotalTimeout.TotalSeconds:0.###} s)")
            : string.Create(CultureInfo.InvariantCulture, $"AttemptTimeout ({options.AttemptTimeout.TotalSeconds:0.###} s)");
        var message = $"QuantDesk API call {request.Method} {LoggedUri.PathOf(request.RequestUri)} timed out: its {which} ran out.";
        return new QuantDeskTimeoutException(message, new TimeoutException(message));
    }
}
