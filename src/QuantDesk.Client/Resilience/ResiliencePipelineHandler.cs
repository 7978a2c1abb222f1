using Microsoft.Extensions.Logging;
using Polly;
using QuantDesk.Client.Diagnostics;
using QuantDesk.Client.Http;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// Runs each call through the client's Polly pipeline (<see cref="ResiliencePipelineCache"/>): the handlers below
/// it run once per attempt. The outcome leaves typed, by the rules of <see cref="CallBoundary"/>: on a socket every
/// handler that waits costs a state machine, so the typing is done here, where the call is awaited anyway.
/// </summary>
internal sealed class ResiliencePipelineHandler : DelegatingHandler
{
    private readonly ResiliencePipelineCache _pipelines;
    private readonly ILogger _logger;

    public ResiliencePipelineHandler(ResiliencePipelineCache pipelines, ILogger logger)
    {
        _pipelines = pipelines;
        _logger = logger;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = _pipelines.Current();
        var (options, pipeline) = (current.Options, current.Pipeline);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var call = new CallState(request, options.TimeProvider, options.TotalTimeout) { Budget = current.Budget, MaxBudgetPause = options.Retry.MaxRetryAfter };
        context.Properties.Set(CallResilienceKeys.Call, call);
        ValueTask<Outcome<HttpResponseMessage>> executing;
        try
        {
            executing = pipeline.ExecuteOutcomeAsync(static (attemptContext, state) => state.Handler.AttemptAsync(state.Call, attemptContext), context, (Handler: this, Call: call));
        }
        catch
        {
            // Stryker disable once Statement : memory only
            ResilienceContextPool.Shared.Return(context);
            throw;
        }

        if (!executing.IsCompletedSuccessfully)
        {
            return CompleteAsync(executing, context, call, options, cancellationToken);
        }

        // Done at once (an answer already in memory): the last attempt's own task is the call's, when it holds the outcome.
        var outcome = executing.Result;
        var lastAttempt = call.LastAttempt;

        // Stryker disable once Statement : memory only
        ResilienceContextPool.Shared.Return(context);

        // Stryker disable once Boolean,Equality,Logical : a fast path: the other returns a task with the same response, typed and logged the same way
        if (outcome.Exception is null && lastAttempt is { IsCompletedSuccessfully: true } && ReferenceEquals(lastAttempt.Result, outcome.Result))
        {
            Answer(outcome.Result!, request, options, cancellationToken);
            return lastAttempt;
        }

        return Completed(outcome, call, options, cancellationToken);
    }

    private async Task<HttpResponseMessage> CompleteAsync(
        ValueTask<Outcome<HttpResponseMessage>> executing, ResilienceContext context, CallState call, QuantDeskClientOptions options, CancellationToken cancellationToken)
    {
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await executing.ConfigureAwait(false);
        }
        // Stryker disable once Block,Statement : memory only
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return outcome.Exception is { } exception
            ? throw Failure(exception, call, options, cancellationToken)
            : Answer(outcome.Result!, call.Request, options, cancellationToken);
    }

    private Task<HttpResponseMessage> Completed(Outcome<HttpResponseMessage> outcome, CallState call, QuantDeskClientOptions options, CancellationToken cancellationToken) =>
        outcome.Exception is { } exception
            ? Task.FromException<HttpResponseMessage>(Failure(exception, call, options, cancellationToken))
            : Task.FromResult(Answer(outcome.Result!, call.Request, options, cancellationToken));

    private HttpResponseMessage Answer(HttpResponseMessage response, HttpRequestMessage request, QuantDeskClientOptions options, CancellationToken cancellationToken)
    {
        CallBoundary.Answer(response, options.TimeProvider);
        CallReport.Ended(_logger, request, (response.Content as BufferedContent)?.Failure, cancellationToken);
        return response;
    }

    private Exception Failure(Exception exception, CallState call, QuantDeskClientOptions options, CancellationToken cancellationToken)
    {
        var failure = CallBoundary.Failure(exception, call, options, cancellationToken);
        CallReport.Ended(_logger, call.Request, failure, cancellationToken);
        return failure;
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
        if (attempt.IsCompletedSuccessfully)
        {
            call.Budget?.Observe(attempt.Result, call.MaxBudgetPause);
            return new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromResult(attempt.Result));
        }

        return AwaitAttemptAsync(attempt, call);
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> AwaitAttemptAsync(Task<HttpResponseMessage> attempt, CallState call)
    {
        try
        {
            var response = await attempt.ConfigureAwait(false);
            call.Budget?.Observe(response, call.MaxBudgetPause);
            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
