using System.Text.Json.Nodes;

namespace QuantDesk.Client.Tests.Contract;

/// <summary>
/// The wire-level view of an OpenAPI document: every $ref inlined, and what does not reach the wire (descriptions,
/// summaries, tags, titles, vendor extensions) dropped. The <c>required</c> lists of response schemas are taken
/// out and reported on their own, because the client's copy may add documented ones (docs/contract.md).
/// </summary>
internal sealed class WireContract
{
    private static readonly HashSet<string> NotWire = new(StringComparer.Ordinal) { "description", "summary", "tags", "title" };

    private readonly JsonObject _document;

    public WireContract(JsonObject document)
    {
        _document = document;
        var wire = new JsonObject();
        foreach (var key in new[] { "openapi", "servers", "security", "paths" })
        {
            wire[key] = Strip(document[key], inResponse: false, path: key);
        }

        wire["securitySchemes"] = Strip(document["components"]?["securitySchemes"], inResponse: false, path: "securitySchemes");
        Wire = wire;
    }

    /// <summary>The document as it reaches the wire, without response <c>required</c> lists.</summary>
    public JsonObject Wire { get; }

    /// <summary>Required fields of response bodies: <c>operationId status field</c>, for example <c>getBacktestRun 200 data</c>.</summary>
    public SortedSet<string> RequiredResponseFields { get; } = new(StringComparer.Ordinal);

    public static WireContract Load(string relativePath) =>
        new(JsonNode.Parse(File.ReadAllText(Support.RepositoryFiles.PathOf(relativePath)))!.AsObject());

    private JsonNode? Strip(JsonNode? node, bool inResponse, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"]?.GetValue<string>() is { } reference)
                {
                    // Siblings of a $ref (OpenAPI 3.1) refine the target.
                    var merged = Resolve(reference).DeepClone().AsObject();
                    foreach (var (key, value) in obj.Where(pair => pair.Key != "$ref"))
                    {
                        merged[key] = value?.DeepClone();
                    }

                    return Strip(merged, inResponse, path);
                }

                var result = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    if (NotWire.Contains(key) && !(path.EndsWith(".properties", StringComparison.Ordinal)) || key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (key == "required" && inResponse && value is JsonArray names)
                    {
                        foreach (var name in names)
                        {
                            RequiredResponseFields.Add($"{ResponseOf(path)} {FieldOf(path)}{name}");
                        }

                        continue;
                    }

                    result[key] = Strip(value, inResponse || key == "responses", $"{path}.{key}");
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select((item, index) => Strip(item, inResponse, $"{path}[{index}]"))]);
            default:
                return node?.DeepClone();
        }
    }

    private JsonObject Resolve(string reference) =>
        _document["components"]!["schemas"]![reference[(reference.LastIndexOf('/') + 1)..]]!.AsObject();

    // paths./api/v2/backtest/runs.post.responses.202.content.application/json.schema.properties.data → "submitBacktestRun 202"
    private string ResponseOf(string path)
    {
        var parts = path.Split(".responses.");
        var (route, method) = SplitRoute(parts[0]);
        var operationId = _document["paths"]![route]![method]!["operationId"]!.GetValue<string>();
        return $"{operationId} {parts[1].Split('.')[0]}";
    }

    private static (string Route, string Method) SplitRoute(string head)
    {
        var withoutPrefix = head["paths.".Length..];
        var lastDot = withoutPrefix.LastIndexOf('.');
        return (withoutPrefix[..lastDot], withoutPrefix[(lastDot + 1)..]);
    }

    // The field path inside the body: "", "data.", "data[]." ...
    private static string FieldOf(string path)
    {
        var schemaPath = path[(path.IndexOf(".schema", StringComparison.Ordinal) + ".schema".Length)..];
        var field = schemaPath.Replace(".properties.", ".", StringComparison.Ordinal).Replace(".items", "[]", StringComparison.Ordinal).TrimStart('.');
        return field.Length == 0 ? string.Empty : field + ".";
    }
}
