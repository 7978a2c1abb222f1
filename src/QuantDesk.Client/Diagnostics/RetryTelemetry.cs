using System.Diagnostics;
using Polly;
using Polly.Timeout;
using QuantDesk.Client.Http;

namespace QuantDesk.Client.Diagnostics;

/// <summary>Reports a scheduled retry: the retry counter, and an event on the operation's span.</summary>
internal static class RetryTelemetry
{
    public const string EventName = "quantdesk.retry";

    public static void Record(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, int retryNumber, TimeSpan delay)
    {
        var tags = RequestTags.For(request, OperationRequest.OperationOf(request));
        if (outcome.Result is { } response)
        {
            tags.Add(TelemetryTags.StatusCode, (int)response.StatusCode);
            tags.Add(TelemetryTags.ErrorType, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (outcome.Exception is { } exception)
        {
            tags.Add(TelemetryTags.ErrorType, ErrorTypeOf(exception));
        }

        ClientInstrumentation.Retries.Add(1, tags);

        // Only the client's own span gets the event; the transport's per-attempt span has ended by now.
        if (Activity.Current is { } activity && activity.Source == ClientInstrumentation.Source)
        {
            var details = new ActivityTagsCollection(tags)
            {
                ["quantdesk.retry_number"] = retryNumber,
                ["quantdesk.retry_delay_ms"] = delay.TotalMilliseconds,
            };
            activity.AddEvent(new ActivityEvent(EventName, tags: details));
        }
    }

    /// <summary>The <c>error.type</c> of a failed attempt: the exception's type, an attempt timeout as <see cref="TimeoutException"/>.</summary>
    public static string? ErrorTypeOf(Exception exception) =>
        exception is TimeoutRejectedException ? typeof(TimeoutException).FullName : exception.GetType().FullName;
}
