using Microsoft.Extensions.Logging;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;

namespace QuantDesk.Client.Diagnostics;

/// <summary>
/// The failure log event of a call (1003, <c>CallFailed</c>), written where the call's outcome is typed, so that it
/// costs nothing on a call that succeeds and needs no layer of its own.
/// </summary>
internal static class CallReport
{
    public static void Ended(ILogger logger, HttpRequestMessage request, Exception? failure, CancellationToken cancellationToken)
    {
        if (failure is null || !logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var outcome = CallOutcome.OfException(failure, cancellationToken);
        if (outcome.IsFailure)
        {
            ClientLog.CallFailed(
                logger,
                OperationRequest.OperationOf(request)?.Name ?? "(none)",
                request.Method,
                LoggedUri.Of(request.RequestUri),
                (request as OperationRequest)?.WireRequests ?? 0,
                outcome.ErrorType,
                outcome.StatusCode,
                outcome.RequestId);
        }
    }
}
