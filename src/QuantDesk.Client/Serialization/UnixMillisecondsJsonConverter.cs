using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>
/// Reads a Unix-millisecond timestamp (a JSON number, or a numeric string) as a UTC <see cref="DateTimeOffset"/>
/// and writes it back as the same number of milliseconds: fractions down to 0.1 µs survive the round trip. A value
/// outside the years 1 to 9999 is refused like any unusable body rather than clamped.
/// </summary>
public sealed class UnixMillisecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    private static readonly decimal MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly decimal MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var milliseconds = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDecimal(out var number) ? number : decimal.MaxValue,
            JsonTokenType.String => decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var quoted)
                ? quoted
                : throw new JsonException("A quoted Unix-millisecond timestamp is not a number."),
            _ => throw new JsonException($"A Unix-millisecond timestamp must be a number, not {reader.TokenType}."),
        };

        if (milliseconds < MinMilliseconds || milliseconds > MaxMilliseconds)
        {
            throw new JsonException("A Unix-millisecond timestamp is outside the years 1 to 9999.");
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((decimal)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMillisecond);
}
