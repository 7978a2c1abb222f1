using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>Reads and writes <see cref="BacktestRunStatus"/> as the plain JSON string of the contract.</summary>
internal sealed class BacktestRunStatusJsonConverter : JsonConverter<BacktestRunStatus>
{
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

    public override void Write(Utf8JsonWriter writer, BacktestRunStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
