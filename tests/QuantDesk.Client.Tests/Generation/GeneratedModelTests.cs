using System.Reflection;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Tests.Generation;

public sealed class GeneratedModelTests
{
    private static readonly Type[] Models = [typeof(BacktestRunResponse), typeof(BacktestRun), typeof(ApiError)];

    [Test]
    public void Model_properties_have_idiomatic_names_and_keep_the_wire_names()
    {
        var names = Models.SelectMany(model => model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
            .ToDictionary(property => $"{property.DeclaringType!.Name}.{property.Name}", property => property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

        Assert.That(names, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["BacktestRunResponse.Success"] = "success",
            ["BacktestRunResponse.Data"] = "data",
            ["BacktestRun.RunId"] = "run_id",
            ["BacktestRun.Status"] = "status",
            ["BacktestRun.Sharpe"] = "sharpe",
            ["BacktestRun.Dsr"] = "dsr",
            ["BacktestRun.MaxDrawdown"] = "max_drawdown",
            ["ApiError.Success"] = "success",
            ["ApiError.Error"] = "error",
            ["ApiError.Code"] = "code",
            ["ApiError.Message"] = "message",
            ["ApiError.Timestamp"] = "timestamp",
            ["ApiError.RequestId"] = "request_id",
        }));
    }

    [Test]
    public void The_generated_client_has_an_interface_with_virtual_cancellable_methods()
    {
        var method = typeof(IBacktestClient).GetMethod(nameof(IBacktestClient.GetBacktestRunAsync), [typeof(string), typeof(CancellationToken)]);
        var implementation = typeof(BacktestClient).GetMethod(nameof(BacktestClient.GetBacktestRunAsync), [typeof(string), typeof(CancellationToken)]);

        Assert.Multiple(() =>
        {
            Assert.That(method, Is.Not.Null);
            Assert.That(method!.ReturnType, Is.EqualTo(typeof(Task<BacktestRunResponse>)));
            Assert.That(implementation!.IsVirtual, Is.True);
            Assert.That(typeof(BacktestClient).Assembly.GetTypes().Where(type => type.IsPublic).Select(type => type.Name), Has.None.EqualTo("ApiException"));
        });
    }
}
