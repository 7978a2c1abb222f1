using System.Text.Json.Serialization;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>Hand-written model of a backtest run.</summary>
public sealed class RunData
{
    [JsonPropertyName("run_id")]
    public string RunId { get; set; } = "";

    [JsonPropertyName("status")]
    public string Status { get; set; } = "";

    [JsonPropertyName("sharpe")]
    public double? Sharpe { get; set; }

    [JsonPropertyName("dsr")]
    public double? Dsr { get; set; }

    [JsonPropertyName("max_drawdown")]
    public double? MaxDrawdown { get; set; }
}
