using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>
/// The state the sandbox keeps for one tag of the contract and the answers built from it, by operationId. An
/// operation no area answers serves its contract example. Called under the sandbox's lock.
/// </summary>
internal abstract class SandboxArea
{
    public abstract IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    protected static T Example<T>(string schemaName, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        OpenApiExamples.Deserialize(OpenApiExamples.ForSchema(schemaName), typeInfo);
}
