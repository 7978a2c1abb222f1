namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>The hand-written client's error: status, code and request id from the error body.</summary>
public sealed class RawApiException(int statusCode, string? code, string? requestId)
    : Exception($"QuantDesk API answered {statusCode} ({code}, request id {requestId}).")
{
    public int StatusCode { get; } = statusCode;

    public string? Code { get; } = code;

    public string? RequestId { get; } = requestId;
}
