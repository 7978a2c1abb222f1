using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>
/// Reads JSON numbers (or numeric strings, as for decimals) into <see cref="double"/> only when they are finite. JSON
/// cannot write NaN or infinity, but a number such as <c>1e400</c> would read as infinity: such a body is refused
/// like any other unusable body.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String ? FromString(reader.GetString()) : reader.GetDouble();
        return double.IsFinite(value)
            ? value
            : throw new JsonException("A number in the body is outside the range of a double (it would read as infinity).");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    private static double FromString(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException("A quoted number in the body is not a number.");
}
