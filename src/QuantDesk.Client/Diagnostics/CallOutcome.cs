using System.Globalization;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Diagnostics;

/// <summary>How one operation ended, as far as telemetry is concerned.</summary>
/// <param name="StatusCode">The API's final HTTP status, if it answered.</param>
/// <param name="RequestId">The API's request id, from the error body or the <c>X-Request-ID</c> header.</param>
/// <param name="ErrorType">
/// <see langword="null"/> on success; else the status code for an error answer, or the exception's full type name
/// (OpenTelemetry's <c>error.type</c> convention).
/// </param>
/// <param name="Description">What went wrong, for the span status; never holds a credential.</param>
/// <param name="IsFailure">Whether it counts as a failure: everything but success and cancellation by the caller.</param>
internal readonly record struct CallOutcome(int? StatusCode, string? RequestId, string? ErrorType, string? Description, bool IsFailure)
{
    /// <summary>From an answer: a success, or an error answer whose exception the call boundary attached to it.</summary>
    public static CallOutcome OfAnswer(HttpResponseMessage response, bool readRequestId, CancellationToken cancellationToken) =>
        response.Content is Http.BufferedContent { Failure: { } failure }
            ? OfException(failure, cancellationToken)
            : OfSuccess(response, readRequestId);

    public static CallOutcome OfSuccess(HttpResponseMessage response, bool readRequestId)
    {
        var requestId = readRequestId
            ? ErrorFactory.PrintableRequestId(response)
            : null;
        return new CallOutcome((int)response.StatusCode, requestId, ErrorType: null, Description: null, IsFailure: false);
    }

    /// <summary>From the exception the caller gets: built once, by the call boundary, and only read here.</summary>
    public static CallOutcome OfException(Exception exception, CancellationToken cancellationToken)
    {
        var known = exception as QuantDeskException;
        var cancelledByCaller = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
        var errorType = known is QuantDeskApiException { StatusCode: >= 400 and var status }
            ? status.ToString(CultureInfo.InvariantCulture)
            : RetryTelemetry.ErrorTypeOf(exception);
        return new CallOutcome(known?.StatusCode, known?.RequestId, errorType, exception.Message, IsFailure: !cancelledByCaller);
    }
}
