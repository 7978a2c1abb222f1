using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Diagnostics;

/// <summary>
/// Where a call enters the pipeline: one span, one duration measurement and, on failure, one failure count and log event
/// per operation, around all its attempts and retry delays. Sees the outcome the caller will see: an answer, or
/// the typed exception the call boundary made of a transport failure or timeout.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    private readonly Func<QuantDeskClientOptions> _options;
    private readonly ILogger _logger;

    public TelemetryHandler(Func<QuantDeskClientOptions> options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clock = _options().TimeProvider;
        var operation = OperationRequest.OperationOf(request);
        if (ClientInstrumentation.Source.HasListeners())
        {
            return SendWithSpanAsync(request, operation, clock, clock.GetTimestamp(), cancellationToken);
        }

        // Only a duration measurement needs the clock.
        var started = ClientInstrumentation.IsMeasuring ? clock.GetTimestamp() : 0;

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

    private static TimeSpan Elapsed(TimeProvider clock, long started) => started == 0 ? TimeSpan.Zero : clock.GetElapsedTime(started);

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
        if (outcome.IsFailure)
        {
            ClientLog.CallFailed(_logger, operation?.Name ?? "(none)", request.Method, LoggedUri.Of(request.RequestUri), attempts, outcome.ErrorType, outcome.StatusCode, outcome.RequestId);
        }

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
