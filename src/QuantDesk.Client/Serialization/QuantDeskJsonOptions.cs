using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>The serializer settings every client reads and writes bodies with, built once.</summary>
internal static class QuantDeskJsonOptions
{
    public static JsonSerializerOptions Default { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var settings = new JsonSerializerOptions
        {
            // A JSON null where the contract promises an object is a broken answer, not a null for callers to trip on.
            RespectNullableAnnotations = true,

            // {"success": false, "success": true} must not read as success: a repeated property makes the body unusable.
            AllowDuplicateProperties = false,

            // A gateway that quotes its numbers ("168.42") still reads as numbers; decimals never pass through double.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,

            // Compile-time metadata instead of reflection: trimming- and Native AOT-safe, and faster to start.
            TypeInfoResolver = QuantDeskJsonContext.Default,
        };

        // 1e400 would read as infinity, as NaN cannot be written in JSON at all: both are refused alike.
        settings.Converters.Add(new FiniteDoubleConverter());
        // Stryker disable once Statement : options turn read-only on first use anyway; this makes them so from the start
        settings.MakeReadOnly();
        return settings;
    }
}
