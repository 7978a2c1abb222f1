using System.Text.Json.Serialization;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>Hand-written model of the API's error body.</summary>
public sealed class ErrorEnvelope
{
    [JsonPropertyName("success")]
    public bool Success { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }
}
