using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuantDesk.Client.Testing.Routing;

/// <summary>
/// Checks a request body against the contract's schema as the real gateway would: JSON, an object, every required
/// property present with the declared type, strings within maxLength. The first problem, or null.
/// </summary>
internal static class RequestBodyCheck
{
    public static string? Problem(JsonObject schema, string? body, out JsonObject? parsed)
    {
        parsed = null;
        try
        {
            parsed = body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return "The body is not valid JSON.";
        }

        if (parsed is null)
        {
            return "The body must be a JSON object.";
        }

        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var name = required!.GetValue<string>();
            if (parsed[name] is null)
            {
                return $"{name} is required.";
            }
        }

        foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            if (parsed[name] is { } value && TypeProblem(name, propertySchema!.AsObject(), value) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? TypeProblem(string name, JsonObject schema, JsonNode value)
    {
        var kind = value.GetValueKind();
        var fits = schema["type"]?.GetValue<string>() switch
        {
            "string" => kind == JsonValueKind.String,
            "number" or "integer" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            _ => true,
        };
        if (!fits)
        {
            return $"{name} must be a {schema["type"]}.";
        }

        return schema["maxLength"] is { } maxLength && kind == JsonValueKind.String && value.GetValue<string>().EnumerateRunes().Count() > maxLength.GetValue<int>()
            ? $"{name} must be at most {maxLength} characters."
            : null;
    }
}
