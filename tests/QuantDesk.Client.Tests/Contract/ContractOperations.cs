using System.Text.Json.Nodes;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Contract;

/// <summary>One operation of openapi.json as the contract-driven tests see it.</summary>
public sealed record ContractOperation(string Id, string Tag, string Method, string Path, int SuccessStatus, bool Secured, IReadOnlyList<JsonObject> Parameters, JsonObject? RequestExample)
{
    private static readonly Lazy<JsonObject> Document = new(() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("openapi.json")))!.AsObject());

    public static IReadOnlyList<ContractOperation> All() =>
        [.. Document.Value["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(entry =>
        {
            var operation = entry.Value!.AsObject();
            return new ContractOperation(
                operation["operationId"]!.GetValue<string>(),
                operation["tags"]![0]!.GetValue<string>(),
                entry.Key.ToUpperInvariant(),
                path.Key,
                int.Parse(operation["responses"]!.AsObject().First(response => response.Key.StartsWith('2')).Key, System.Globalization.CultureInfo.InvariantCulture),
                operation["security"] is JsonArray { Count: > 0 },
                [.. (operation["parameters"]?.AsArray() ?? []).Select(parameter => parameter!.AsObject())],
                QuantDesk.Client.Testing.QuantDeskSandbox.ContractRequestExample(operation["operationId"]!.GetValue<string>()));
        }))];

    /// <summary>The C# method: the operationId with an upper-case first letter and Async.</summary>
    public string MethodName => char.ToUpperInvariant(Id[0]) + Id[1..] + "Async";

    /// <summary>The example value of a parameter: its schema's example, else the first value its enum lists.</summary>
    public static string ExampleOf(JsonObject parameter)
    {
        var schema = Resolve(parameter["schema"]!.AsObject());
        return (schema["example"] ?? schema["enum"]?[0])!.ToString();
    }

    private static JsonObject Resolve(JsonObject schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? Document.Value["components"]!["schemas"]![reference[(reference.LastIndexOf('/') + 1)..]]!.AsObject()
            : schema;

    public override string ToString() => Id;
}
