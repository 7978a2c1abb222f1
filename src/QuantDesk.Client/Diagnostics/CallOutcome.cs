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
    public static CallOutcome OfSuccess(HttpResponseMessage response, bool readRequestId)
    {
        var requestId = readRequestId && response.Headers.TryGetValues(ApiErrorReader.RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        return new CallOutcome((int)response.StatusCode, requestId, ErrorType: null, Description: null, IsFailure: false);
    }

    public static async Task<CallOutcome> OfErrorResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;

        // The body is buffered (and capped) by then; read as a string, it stays readable for the generated code, which
        // makes the exception the caller gets in the same way.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = ApiErrorReader.CreateException(response, body.Length == 0 ? null : body);
        return new CallOutcome(status, error.RequestId, status.ToString(CultureInfo.InvariantCulture), error.Message, IsFailure: true);
    }

    public static CallOutcome OfException(Exception exception, CancellationToken cancellationToken)
    {
        var known = exception as QuantDeskException;
        var cancelledByCaller = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
        return new CallOutcome(known?.StatusCode, known?.RequestId, exception.GetType().FullName, exception.Message, IsFailure: !cancelledByCaller);
    }
}
