using System.Diagnostics;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Diagnostics;

/// <summary>
/// Where a call enters the pipeline: one span, one duration measurement and, on failure, one failure count per
/// operation, around all its attempts and retry delays, when something listens or measures (the failure's log event
/// is written by <see cref="CallReport"/>, which runs either way). Sees the outcome the caller will see: an answer,
/// or the typed exception the call boundary made of a transport failure or timeout.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    private readonly Func<QuantDeskClientOptions> _options;

    public TelemetryHandler(Func<QuantDeskClientOptions> options)
    {
        _options = options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clock = _options().TimeProvider;
        var operation = OperationRequest.OperationOf(request);
        if (ClientInstrumentation.Source.HasListeners())
        {
            return SendWithSpanAsync(request, operation, clock, clock.GetTimestamp(), cancellationToken);
        }

        // Nobody listens or measures: nothing to record, so the call is not even awaited here.
        if (!ClientInstrumentation.IsMeasuring)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var started = clock.GetTimestamp();

        // No span: an answer that is already there is recorded and handed on as it is, without a task of our own.
        var sending = StartSending(null, request, operation, clock, started, cancellationToken);
        if (sending.IsCompletedSuccessfully)
        {
            Record(null, request, operation, Elapsed(clock, started), CallOutcome.OfAnswer(sending.Result, readRequestId: false, cancellationToken));
            return sending;
        }

        return ObserveAsync(sending, null, request, operation, clock, started, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithSpanAsync(HttpRequestMessage request, OperationInfo? operation, TimeProvider clock, long started, CancellationToken cancellationToken)
    {
        // Started in this async method, so the span is Activity.Current for the layers below and not after the call.
        using var activity = ClientInstrumentation.Source.StartActivity(operation?.Name ?? request.Method.Method, ActivityKind.Client);
        Describe(activity, request, operation);
        var sending = StartSending(activity, request, operation, clock, started, cancellationToken);
        return await ObserveAsync(sending, activity, request, operation, clock, started, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> StartSending(Activity? activity, HttpRequestMessage request, OperationInfo? operation, TimeProvider clock, long started, CancellationToken cancellationToken)
    {
        try
        {
            return base.SendAsync(request, cancellationToken);
        }
        catch (Exception exception)
        {
            Record(activity, request, operation, Elapsed(clock, started), CallOutcome.OfException(exception, cancellationToken));
            throw;
        }
    }

    private async Task<HttpResponseMessage> ObserveAsync(
        Task<HttpResponseMessage> sending, Activity? activity, HttpRequestMessage request, OperationInfo? operation, TimeProvider clock, long started, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await sending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Record(activity, request, operation, Elapsed(clock, started), CallOutcome.OfException(exception, cancellationToken));
            throw;
        }

        Record(activity, request, operation, Elapsed(clock, started), CallOutcome.OfAnswer(response, readRequestId: activity is not null, cancellationToken));
        return response;
    }

    private static TimeSpan Elapsed(TimeProvider clock, long started) => clock.GetElapsedTime(started);

    private static void Describe(Activity? activity, HttpRequestMessage request, OperationInfo? operation)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        foreach (var tag in RequestTags.For(request, operation))
        {
            activity.SetTag(tag.Key, tag.Value);
        }

        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            // Without user info: a credential in the address must not reach a trace.
            activity.SetTag(TelemetryTags.UrlFull, LoggedUri.Of(uri));
            activity.SetTag(TelemetryTags.RunId, operation?.RunIdIn(uri));
        }

        activity.SetTag(TelemetryTags.UrlTemplate, operation?.PathTemplate);
    }

    private void Record(Activity? activity, HttpRequestMessage request, OperationInfo? operation, TimeSpan elapsed, CallOutcome outcome)
    {
        var attempts = (request as OperationRequest)?.WireRequests ?? 0;
        if (ClientInstrumentation.IsMeasuring)
        {
            var tags = RequestTags.For(request, operation);
            if (outcome.StatusCode is { } status)
            {
                tags.Add(TelemetryTags.StatusCode, status);
            }

            if (outcome.ErrorType is { } errorType)
            {
                tags.Add(TelemetryTags.ErrorType, errorType);
            }

            ClientInstrumentation.Duration.Record(elapsed.TotalSeconds, tags);
            if (outcome.IsFailure)
            {
                ClientInstrumentation.Failures.Add(1, tags);
            }
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag(TelemetryTags.StatusCode, outcome.StatusCode);
        activity.SetTag(TelemetryTags.RequestId, outcome.RequestId);
        activity.SetTag(TelemetryTags.Attempts, attempts);
        activity.SetTag(TelemetryTags.ResendCount, attempts > 1 ? attempts - 1 : null);
        if (outcome.ErrorType is not null)
        {
            activity.SetTag(TelemetryTags.ErrorType, outcome.ErrorType);
            activity.SetStatus(ActivityStatusCode.Error, outcome.Description);
        }
    }
}
