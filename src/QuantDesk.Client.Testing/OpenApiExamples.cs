using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace QuantDesk.Client.Testing;

/// <summary>Builds example JSON bodies from the <c>example</c> values of the embedded openapi.json.</summary>
internal static class OpenApiExamples
{
    private static readonly Lazy<JsonObject> Document = new(LoadDocument);

    /// <summary>An example instance of the named component schema, with every property that has an example (arrays of one item).</summary>
    public static JsonObject ForSchema(string schemaName) =>
        (JsonObject)Build(Schema(schemaName))!;

    /// <summary>Reads an example through the same typed model the client uses, so the examples must fit it.</summary>
    public static T Deserialize<T>(JsonObject example, JsonTypeInfo<T> typeInfo) =>
        example.Deserialize(typeInfo) ?? throw new InvalidOperationException($"The openapi.json example for {typeof(T).Name} is null.");

    /// <summary>An example instance of any schema of the contract (a component or an inline one).</summary>
    public static JsonNode? ForSchema(JsonObject schema) => Build(schema);

    /// <summary>The embedded contract.</summary>
    public static JsonObject Contract => Document.Value;

    private static JsonObject Schema(string schemaName) =>
        Document.Value["components"]?["schemas"]?[schemaName] as JsonObject
        ?? throw new InvalidOperationException($"openapi.json has no schema '{schemaName}'.");

    private static JsonNode? Build(JsonObject schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Build(Schema(reference[(reference.LastIndexOf('/') + 1)..]));
        }

        if (schema["example"] is { } example)
        {
            return example.DeepClone();
        }

        // A free-form object (a strategy card) has no example of its own.
        if (schema["additionalProperties"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            return new JsonObject();
        }

        if (schema["items"] is JsonObject items)
        {
            return Build(items) is { } item ? new JsonArray(item) : new JsonArray();
        }

        if (schema["properties"] is JsonObject properties)
        {
            var instance = new JsonObject();
            foreach (var (name, propertySchema) in properties)
            {
                if (propertySchema is JsonObject propertyObject && Build(propertyObject) is { } value)
                {
                    instance[name] = value;
                }
            }

            return instance;
        }

        return null;
    }

    private static JsonObject LoadDocument()
    {
        using var stream = typeof(OpenApiExamples).Assembly.GetManifestResourceStream("QuantDesk.Client.Testing.openapi.json")
            ?? throw new InvalidOperationException("The embedded openapi.json is missing.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
