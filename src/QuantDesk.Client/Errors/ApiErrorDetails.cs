namespace QuantDesk.Client.Errors;

/// <summary>What is known about one failed API response, read leniently from its status, headers and body.</summary>
internal sealed class ApiErrorDetails
{
    public required int StatusCode { get; init; }

    public required string Message { get; init; }

    public string? ErrorCode { get; init; }

    public string? Error { get; init; }

    public string? ServerMessage { get; init; }

    public string? RequestId { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ResponseBody { get; init; }

    public TimeSpan? RetryAfter { get; init; }
}
