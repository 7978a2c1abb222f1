using System.Diagnostics;
using QuantDesk.Client.Authentication;
using QuantDesk.Client.Errors;
using QuantDesk.Client.Http;

namespace QuantDesk.Client.Metadata;

/// <summary>
/// What the generated code notes of one exchange for a <c>...WithResponseAsync</c> call: created only by those, so the
/// plain methods pass <see langword="null"/> and note nothing.
/// </summary>
internal sealed class ResponseCapture
{
    private long _started;
    private long _received;
    private HttpResponseMessage? _response;
    private int _attempts;

    /// <summary>Called just before the request is sent.</summary>
    public void Sending() => _started = Stopwatch.GetTimestamp();

    /// <summary>Called once the answer is known to be a success, before its body is read.</summary>
    public void Received(HttpResponseMessage response, HttpRequestMessage request)
    {
        _received = Stopwatch.GetTimestamp();
        _response = response;
        _attempts = (request as OperationRequest)?.WireRequests ?? 0;
    }

    /// <summary>The result with what was noted; the answer's headers stay readable after it is disposed.</summary>
    public QuantDeskResponse<T> ToResponse<T>(T value)
    {
        var response = _response ?? throw new InvalidOperationException("The answer of the call was not noted.");
        return new QuantDeskResponse<T>(
            value,
            (int)response.StatusCode,
            RequestIdOf(response),
            new ResponseHeaders(response, SentToken.Of(response.RequestMessage)),
            Math.Max(1, _attempts),
            Stopwatch.GetElapsedTime(_started, _received));
    }

    // An empty header is no request id; a token the server echoed is not handed on in it.
    private static string? RequestIdOf(HttpResponseMessage response) =>
        ErrorFactory.PrintableRequestId(response) is { } id && !string.IsNullOrWhiteSpace(id) ? id : null;
}
