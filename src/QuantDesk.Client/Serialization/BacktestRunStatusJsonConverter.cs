using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>
/// Reads and writes <see cref="BacktestRunStatus"/> as the plain JSON string of the contract. Kept from 2.x for
/// contexts of your own that name it; every extensible value now has <see cref="ExtensibleValueJsonConverter{T}"/>.
/// </summary>
[Obsolete("Use ExtensibleValueJsonConverter<BacktestRunStatus>; BacktestRunStatus carries it already.")]
public sealed class BacktestRunStatusJsonConverter : JsonConverter<BacktestRunStatus>
{
    private readonly ExtensibleValueJsonConverter<BacktestRunStatus> _converter = new();

    /// <inheritdoc />
    public override BacktestRunStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        _converter.Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BacktestRunStatus value, JsonSerializerOptions options) =>
        _converter.Write(writer, value, options);
}
