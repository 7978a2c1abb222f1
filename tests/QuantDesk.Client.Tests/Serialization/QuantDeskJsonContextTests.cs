using System.CodeDom.Compiler;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client.Tests.Serialization;

/// <summary>
/// Every type the client serializes must come from the source-generated context, or trimmed and Native AOT
/// applications fail at run time. The types are found by reflection, so a model added to the contract (or a
/// hand-written one with its own converter) fails here until it is added to QuantDeskJsonContext.
/// </summary>
public sealed class QuantDeskJsonContextTests
{
    private static readonly Assembly Library = typeof(BacktestClient).Assembly;

    public static IEnumerable<Type> SerializedTypes()
    {
        var types = Library.GetTypes();
        var generatedModels = types.Where(type => type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema");
        var convertedTypes = types.Where(type => type.IsPublic && type.Namespace == "QuantDesk.Client" && type.GetCustomAttribute<JsonConverterAttribute>() is not null);
        var operationBodies = typeof(IBacktestClient).GetMethods()
            .Where(method => !method.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal))
            .SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Where(IsJsonModel).Append(ResultType(method.ReturnType)))
            .Where(type => type.Assembly == Library);
        var extensionData = types.Any(HasExtensionData) ? [typeof(JsonElement)] : Array.Empty<Type>();
        return generatedModels.Concat(convertedTypes).Concat(operationBodies).Concat(extensionData).Distinct().OrderBy(type => type.FullName);
    }

    [TestCaseSource(nameof(SerializedTypes))]
    public void The_source_generated_context_resolves(Type type)
    {
        Assert.That(QuantDeskJsonContext.Default.GetTypeInfo(type), Is.Not.Null, $"add [JsonSerializable(typeof({type.Name}))] to QuantDeskJsonContext");
    }

    [Test]
    public void The_discovery_finds_the_contract_models_and_the_extension_data_values()
    {
        Assert.That(SerializedTypes(), Is.SupersetOf(new[] { typeof(BacktestRunResponse), typeof(BacktestRun), typeof(ApiError), typeof(JsonElement) }));
    }

    [Test]
    public void The_context_resolves_no_type_it_was_not_given()
    {
        // Shows that a missing model is really detected: the context answers null, not a reflection fallback.
        Assert.That(QuantDeskJsonContext.Default.GetTypeInfo(typeof(QuantDeskClientOptions)), Is.Null);
    }

    private static Type ResultType(Type returnType) =>
        returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : returnType;

    // Parameters such as BacktestWaitOptions steer a method and are never sent; request bodies name their JSON properties.
    private static bool IsJsonModel(Type type) =>
        type.GetProperties().Any(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null);

    private static bool HasExtensionData(Type type) =>
        type.GetProperties().Any(property => property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null);
}
