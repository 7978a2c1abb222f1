using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>
/// Reads and writes an extensible value (<see cref="BacktestRunStatus"/>, <see cref="CandleResolution"/>...) as the
/// plain JSON string of the contract, keeping any value exactly as sent; a JSON null reads as the empty default. Public so that source-generated
/// <see cref="JsonSerializerContext"/>s of your own can serialize the client's models too.
/// </summary>
/// <typeparam name="T">The extensible value type.</typeparam>
public sealed class ExtensibleValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => T.FromWire(reader.GetString()!),

        // A null value reads as an absent one: the empty default, not a failed answer.
        JsonTokenType.Null => default,
        _ => throw new JsonException($"A {typeof(T).Name} must be a JSON string, not {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
