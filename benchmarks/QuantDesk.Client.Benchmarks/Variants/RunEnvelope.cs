using System.Text.Json.Serialization;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>Hand-written model of the getBacktestRun answer, for the raw HttpClient and Refit variants.</summary>
public sealed class RunEnvelope
{
    [JsonPropertyName("success")]
    public bool Success { get; set; }

    [JsonPropertyName("data")]
    public RunData? Data { get; set; }
}
