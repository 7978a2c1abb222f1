using System.Text.Json.Nodes;
using WireMock;

namespace QuantDesk.Client.Testing.Routing;

/// <summary>A request matched to its contract operation, with what a handler needs to answer it.</summary>
internal sealed record SandboxCall(ContractOperation Operation, IRequestMessage Request, IReadOnlyDictionary<string, string> PathParameters, JsonObject? Body, string? Token, string RequestId)
{
    public string Path(string name) => PathParameters[name];

    public string? Query(string name) =>
        Request.Query is { } query && query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
