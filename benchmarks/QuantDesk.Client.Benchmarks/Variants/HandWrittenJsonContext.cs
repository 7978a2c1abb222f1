using System.Text.Json.Serialization;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>Source-generated metadata for the hand-written models (raw HttpClient and Refit variants, and the candles baseline).</summary>
[JsonSerializable(typeof(RunEnvelope))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(CandleEnvelope))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext
{
}
