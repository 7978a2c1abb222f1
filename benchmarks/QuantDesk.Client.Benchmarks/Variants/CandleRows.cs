using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Benchmarks.Variants;

// Settable properties, not init-only or positional ones: System.Text.Json's source generator reads those through
// its constructor path, which holds each value boxed until the object is built (two to three times the bytes here).

/// <summary>Hand-written model of the getCandles answer, for the raw HttpClient baseline.</summary>
public sealed record CandleEnvelope
{
    [JsonPropertyName("success")]
    public bool Success { get; set; }

    [JsonPropertyName("data")]
    public IReadOnlyList<CandleRow> Data { get; set; } = [];
}

/// <summary>
/// Hand-written model of one candle: decimal prices, and the time as a <see cref="DateTimeOffset"/> read from Unix
/// milliseconds, the same conversion the generated model's converter does.
/// </summary>
public sealed record CandleRow
{
    [JsonPropertyName("time")]
    [JsonConverter(typeof(RawUnixMillisecondsConverter))]
    public DateTimeOffset Time { get; set; }

    [JsonPropertyName("open")]
    public decimal Open { get; set; }

    [JsonPropertyName("high")]
    public decimal High { get; set; }

    [JsonPropertyName("low")]
    public decimal Low { get; set; }

    [JsonPropertyName("close")]
    public decimal Close { get; set; }

    [JsonPropertyName("volume")]
    public decimal Volume { get; set; }
}

/// <summary>What a hand-written client does with a Unix-millisecond time: an integer, into a UTC DateTimeOffset.</summary>
public sealed class RawUnixMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}
