using System.Reflection;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Tests.Generation;

public sealed class GeneratedModelTests
{
    // Every model generated from openapi.json, found by reflection rather than listed.
    private static readonly Type[] Models = [.. typeof(QuantDeskClient).Assembly.GetTypes()
        .Where(type => type.IsClass && type.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>()?.Tool == "NJsonSchema")];

    private static IEnumerable<(Type Model, PropertyInfo Property, string WireName)> WireProperties() =>
        Models.SelectMany(model => model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
            .Select(property => (model, property, property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name)));

    [Test]
    public void Every_schema_of_the_contract_is_a_generated_type()
    {
        var schemas = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Support.RepositoryFiles.PathOf("openapi.json")))!["components"]!["schemas"]!.AsObject().Select(schema => schema.Key);
        var generated = typeof(QuantDeskClient).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>()?.Tool == "NJsonSchema")
            .Select(type => type.Name);

        Assert.That(generated, Is.EquivalentTo(schemas));
    }

    [Test]
    public void Model_properties_have_idiomatic_names_and_keep_the_wire_names()
    {
        var wrong = WireProperties()
            .Where(entry => entry.Property.Name != string.Concat(entry.WireName.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])))
            .Select(entry => $"{entry.Model.Name}.{entry.Property.Name} ({entry.WireName})");

        Assert.That(wrong, Is.Empty);
        Assert.That(WireProperties().Count(), Is.GreaterThan(60), "every model of the contract is covered");
    }

    [Test]
    public void Every_public_property_of_a_model_is_on_the_wire_computed_or_the_unknown_members()
    {
        var stray = Models.SelectMany(model => model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is null
                    && property.GetCustomAttribute<JsonIgnoreAttribute>() is null
                    && property.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
                .Select(property => $"{model.Name}.{property.Name}"));

        Assert.That(stray, Is.Empty, "a computed property must carry [JsonIgnore], or it would be written to JSON");
    }

    [Test]
    public void Money_is_decimal_statistics_are_double_and_unix_times_are_DateTimeOffset()
    {
        string[] money = ["price", "size", "amount", "pnl", "volume", "interest", "leverage", "fees", "slippage", "open", "high", "low", "close"];
        string[] statistics = ["sharpe", "dsr", "max_drawdown", "change_24h"];
        var wrong = WireProperties().Where(entry =>
        {
            var type = Nullable.GetUnderlyingType(entry.Property.PropertyType) ?? entry.Property.PropertyType;
            var expected = statistics.Contains(entry.WireName) ? typeof(double)
                : money.Any(word => entry.WireName.Split('_').Contains(word)) ? typeof(decimal)
                : entry.WireName is "time" or "timestamp" && entry.Model != typeof(ApiError) ? typeof(DateTimeOffset)
                : null;
            return expected is not null && type != expected;
        }).Select(entry => $"{entry.Model.Name}.{entry.Property.Name}: {entry.Property.PropertyType.Name}");

        Assert.That(wrong, Is.Empty);
        Assert.That(WireProperties().Where(entry => entry.Property.PropertyType == typeof(double) || entry.Property.PropertyType == typeof(double?)).Select(entry => entry.WireName),
            Is.EquivalentTo(statistics), "only statistics are doubles");
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
