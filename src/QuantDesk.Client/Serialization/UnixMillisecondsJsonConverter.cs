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
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private static readonly long WholeMinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long WholeMaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly decimal MinMilliseconds = WholeMinMilliseconds;
    private static readonly decimal MaxMilliseconds = WholeMaxMilliseconds;

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The usual form, a whole number of milliseconds, in integer arithmetic: the same value and the same range check
        // as the decimal path below, without parsing a decimal and multiplying it for every timestamp of a long list.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var whole))
        {
            return whole >= WholeMinMilliseconds && whole <= WholeMaxMilliseconds
                ? new DateTimeOffset(UnixEpochTicks + (whole * TimeSpan.TicksPerMillisecond), TimeSpan.Zero)
                : throw OutOfRange();
        }

        // A fraction, an exponent, a quoted number, or a number beyond a long.
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
            throw OutOfRange();
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));
    }

    private static JsonException OutOfRange() => new("A Unix-millisecond timestamp is outside the years 1 to 9999.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((decimal)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMillisecond);
}
