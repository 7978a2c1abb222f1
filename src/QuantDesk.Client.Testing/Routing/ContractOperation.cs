using System.Text.Json.Nodes;

namespace QuantDesk.Client.Testing.Routing;

/// <summary>One operation of the embedded contract as the sandbox serves it: where it lives, whether it is secured, and what it answers.</summary>
internal sealed class ContractOperation
{
    private readonly string[] _segments;

    private ContractOperation(string id, string method, string pathTemplate, bool secured, int successStatus, JsonObject? successSchema, JsonObject? requestSchema)
    {
        Id = id;
        Method = method;
        PathTemplate = pathTemplate;
        Secured = secured;
        SuccessStatus = successStatus;
        SuccessSchema = successSchema;
        RequestSchema = requestSchema;
        _segments = pathTemplate.Trim('/').Split('/');
    }

    public string Id { get; }

    public string Method { get; }

    public string PathTemplate { get; }

    /// <summary>Whether the contract declares security (BearerAuth) for it.</summary>
    public bool Secured { get; }

    /// <summary>The 2xx status the contract documents.</summary>
    public int SuccessStatus { get; }

    /// <summary>The schema of the 2xx body.</summary>
    public JsonObject? SuccessSchema { get; }

    /// <summary>The schema of the JSON request body, if the operation takes one.</summary>
    public JsonObject? RequestSchema { get; }

    private static readonly Lazy<IReadOnlyList<ContractOperation>> EmbeddedOperations = new(() => All(OpenApiExamples.Contract));

    /// <summary>Every operation of the embedded contract, read once.</summary>
    public static IReadOnlyList<ContractOperation> Embedded => EmbeddedOperations.Value;

    /// <summary>The embedded contract's operation with this operationId.</summary>
    /// <exception cref="ArgumentException">The contract has no such operation.</exception>
    public static ContractOperation Named(string operationId) =>
        Embedded.FirstOrDefault(candidate => candidate.Id == operationId)
        ?? throw new ArgumentException($"The contract has no operation '{operationId}'.", nameof(operationId));

    /// <summary>Every operation of the contract.</summary>
    public static IReadOnlyList<ContractOperation> All(JsonObject document)
    {
        var operations = new List<ContractOperation>();
        foreach (var (path, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in pathItem!.AsObject())
            {
                var operation = node!.AsObject();
                var (status, response) = operation["responses"]!.AsObject().First(entry => entry.Key.StartsWith('2'));
                operations.Add(new ContractOperation(
                    operation["operationId"]!.GetValue<string>(),
                    method.ToUpperInvariant(),
                    path,
                    operation["security"] is JsonArray { Count: > 0 },
                    int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                    Resolve(document, response?["content"]?["application/json"]?["schema"] as JsonObject),
                    Resolve(document, operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject)));
            }
        }

        // Literal segments before parameters: /markets/leverage-tiers is not /markets/{symbol}.
        return [.. operations.OrderBy(operation => operation.PathTemplate.Count(character => character == '{'))];
    }

    private static JsonObject? Resolve(JsonObject document, JsonObject? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference
            ? Resolve(document, document["components"]!["schemas"]![reference[(reference.LastIndexOf('/') + 1)..]]!.AsObject())
            : schema;

    /// <summary>The path parameters, when <paramref name="path"/> is this operation's path.</summary>
    public Dictionary<string, string>? Match(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = path.Trim('/').Split('/');
        if (segments.Length != _segments.Length)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            if (_segments[i].StartsWith('{'))
            {
                parameters[_segments[i][1..^1]] = segments[i];
            }
            else if (!string.Equals(_segments[i], segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return parameters;
    }
}
