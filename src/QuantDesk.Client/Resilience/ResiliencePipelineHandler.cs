using System.Globalization;
using Polly;
using Polly.Timeout;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// Runs each call through the client's Polly pipeline (<see cref="ResiliencePipelineCache"/>): the handlers below
/// it run once per attempt. Polly's types stay inside: a timeout leaves as a <see cref="QuantDeskTimeoutException"/>
/// naming which limit ran out, and a failure after the caller cancelled as an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResiliencePipelineHandler : DelegatingHandler
{
    private readonly ResiliencePipelineCache _pipelines;

    public ResiliencePipelineHandler(ResiliencePipelineCache pipelines)
    {
        _pipelines = pipelines;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (pipeline, options) = _pipelines.Current();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var call = new CallState(request, options.TimeProvider, options.TotalTimeout);
        context.Properties.Set(CallResilienceKeys.Call, call);
        ValueTask<Outcome<HttpResponseMessage>> executing;
        try
        {
            executing = pipeline.ExecuteOutcomeAsync(static (attemptContext, state) => state.Handler.AttemptAsync(state.Call, attemptContext), context, (Handler: this, Call: call));
        }
        catch
        {
            ResilienceContextPool.Shared.Return(context);
            throw;
        }

        if (!executing.IsCompletedSuccessfully)
        {
            return CompleteAsync(executing, context, request, options, cancellationToken);
        }

        // Done at once (an answer already in memory): the last attempt's own task is the call's, when it holds the outcome.
        var outcome = executing.Result;
        var lastAttempt = call.LastAttempt;
        ResilienceContextPool.Shared.Return(context);
        return outcome.Exception is null && lastAttempt is { IsCompletedSuccessfully: true } && ReferenceEquals(lastAttempt.Result, outcome.Result)
            ? lastAttempt
            : Completed(outcome, request, options, cancellationToken);
    }

    private async Task<HttpResponseMessage> CompleteAsync(
        ValueTask<Outcome<HttpResponseMessage>> executing, ResilienceContext context, HttpRequestMessage request, QuantDeskClientOptions options, CancellationToken cancellationToken)
    {
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await executing.ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return await Completed(outcome, request, options, cancellationToken).ConfigureAwait(false);
    }

    private static Task<HttpResponseMessage> Completed(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, QuantDeskClientOptions options, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not { } exception)
        {
            return Task.FromResult(outcome.Result!);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Polly's own types stay inside, even as an inner exception.
            return Task.FromException<HttpResponseMessage>(
                new OperationCanceledException("The QuantDesk API call was canceled.", exception is TimeoutRejectedException ? null : exception, cancellationToken));
        }

        return Task.FromException<HttpResponseMessage>(exception is TimeoutRejectedException timeout ? TimedOut(request, options, timeout) : exception);
    }

    private ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(CallState call, ResilienceContext context)
    {
        Task<HttpResponseMessage> attempt;
        try
        {
            attempt = SendAttemptAsync(call.Request, context.CancellationToken);
        }
        catch (Exception exception)
        {
            return new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromException<HttpResponseMessage>(exception));
        }

        call.LastAttempt = attempt;
        return attempt.IsCompletedSuccessfully
            ? new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromResult(attempt.Result))
            : AwaitAttemptAsync(attempt);
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> AwaitAttemptAsync(Task<HttpResponseMessage> attempt)
    {
        try
        {
            return Outcome.FromResult(await attempt.ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

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
