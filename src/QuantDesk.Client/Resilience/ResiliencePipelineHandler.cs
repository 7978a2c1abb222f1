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

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (pipeline, options) = _pipelines.Current();
        var clock = options.TimeProvider;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            context.Properties.Set(CallResilienceKeys.Request, request);
            context.Properties.Set(CallResilienceKeys.Deadline, clock.GetUtcNow() + options.TotalTimeout);
            outcome = await pipeline.ExecuteOutcomeAsync(
                static async (attemptContext, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, attemptContext.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is not { } exception)
        {
            return outcome.Result!;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Polly's own types stay inside, even as an inner exception.
            throw new OperationCanceledException("The QuantDesk API call was canceled.", exception is TimeoutRejectedException ? null : exception, cancellationToken);
        }

        if (exception is TimeoutRejectedException timeout)
        {
            throw TimedOut(request, options, timeout);
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        return null!;
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
