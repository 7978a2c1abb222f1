namespace QuantDesk.Client.Errors;

/// <summary>The fields of the <c>Error</c> schema that an error body carried, each as the server sent it.</summary>
internal readonly record struct ErrorBody(bool IsJsonObject, bool? Success, string? Code, string? Error, string? Message, string? RequestId, DateTimeOffset? Timestamp);
