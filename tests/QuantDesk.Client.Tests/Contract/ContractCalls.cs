using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace QuantDesk.Client.Tests.Contract;

/// <summary>Calls an operation of the contract through the root client by its names alone: the area from its tag, the method from its operationId.</summary>
internal static class ContractCalls
{
    // Reflection-based: the tests read and write the models without the client's own context.
    public static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Dictionary<string, string> Areas = new(StringComparer.Ordinal)
    {
        ["Markets"] = nameof(IQuantDeskClient.Markets),
        ["Oracle"] = nameof(IQuantDeskClient.Oracle),
        ["Portfolio"] = nameof(IQuantDeskClient.Portfolio),
        ["MarketData"] = nameof(IQuantDeskClient.MarketData),
        ["Social"] = nameof(IQuantDeskClient.Social),
        ["Backtest"] = nameof(IQuantDeskClient.Backtests),
        ["Referrals"] = nameof(IQuantDeskClient.Referrals),
    };

    /// <summary>Calls the operation with the contract's example arguments and returns its result.</summary>
    public static Task<object?> InvokeAsync(IQuantDeskClient client, ContractOperation operation) => InvokeAsync(client, operation, operation.MethodName);

    /// <summary>Calls the method named <paramref name="methodName"/> of the operation's area with the contract's example arguments.</summary>
    public static async Task<object?> InvokeAsync(IQuantDeskClient client, ContractOperation operation, string methodName)
    {
        var area = typeof(IQuantDeskClient).GetProperty(Areas[operation.Tag])!.GetValue(client)!;
        var method = area.GetType().GetMethods().Single(candidate => candidate.Name == methodName && candidate.GetParameters().Last().ParameterType == typeof(CancellationToken));
        var arguments = method.GetParameters().Select(parameter => Argument(operation, parameter)).ToArray();
        var task = (Task)method.Invoke(area, arguments)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    /// <summary>The area interface an operation is declared on, from its tag.</summary>
    public static Type AreaInterfaceOf(ContractOperation operation) => typeof(IQuantDeskClient).GetProperty(Areas[operation.Tag])!.PropertyType;

    private static object? Argument(ContractOperation operation, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (operation.Parameters.FirstOrDefault(candidate => CSharpName(candidate) == parameter.Name) is { } contractParameter)
        {
            var text = ContractOperation.ExampleOf(contractParameter);
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            return type == typeof(string) ? text
                : type == typeof(int) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
                : Activator.CreateInstance(type, text);
        }

        return JsonSerializer.Deserialize(operation.RequestExample!.ToJsonString(), parameter.ParameterType, Json);
    }

    private static string CSharpName(JsonObject parameter) =>
        parameter["x-originalName"]?.GetValue<string>() ?? parameter["name"]!.GetValue<string>();
}
