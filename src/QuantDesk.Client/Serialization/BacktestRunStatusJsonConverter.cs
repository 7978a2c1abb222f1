using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>
/// Reads and writes <see cref="BacktestRunStatus"/> as the plain JSON string of the contract. Public so that
/// source-generated <see cref="JsonSerializerContext"/>s of your own can serialize the client's models too.
/// </summary>
public sealed class BacktestRunStatusJsonConverter : JsonConverter<BacktestRunStatus>
{
    /// <inheritdoc />
    public override BacktestRunStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A backtest run status must be a JSON string, not {reader.TokenType}.");
        }

        var value = reader.GetString();
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new JsonException("A backtest run status must not be empty.");
        }

        return new BacktestRunStatus(value);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BacktestRunStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
