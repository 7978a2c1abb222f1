using System.CodeDom.Compiler;
using System.Reflection;
using System.Text.Json;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace QuantDesk.Client.Tests.Models;

/// <summary>Extensible values as the client reads them from the API: unknown ones kept, non-strings an unusable body.</summary>
public sealed class ExtensibleValueWireTests
{
    private static readonly Guid MappingId = Guid.Parse("6f1d2c3b-0000-4000-8000-00000000e7a1");

    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    /// <summary>For each value type a response carries: where it is, and a body with {0} in its place.</summary>
    public static IEnumerable<TestCaseData> Carriers()
    {
        yield return Case(typeof(AssetClass), "/api/v2/markets", """{"success":true,"data":[{"symbol":"X-PERP","asset_class":{0}}]}""", api => api.Markets.ListMarketsAsync(), body => ((MarketListResponse)body).Data[0].AssetClass);
        yield return Case(typeof(OrderbookSource), "/api/v2/markets/orderbook/SOL-PERP", """{"success":true,"source":{0},"data":{"bids":[],"asks":[]}}""", api => api.Markets.GetOrderbookAsync("SOL-PERP"), body => ((OrderbookResponse)body).Source);
        yield return Case(typeof(PositionSide), "/api/v2/portfolio/positions", """{"success":true,"data":[{"market":"X-PERP","side":{0}}]}""", api => api.Portfolio.GetPortfolioPositionsAsync(), body => ((PositionListResponse)body).Data[0].Side);
        yield return Case(typeof(OrderSide), "/api/v2/portfolio/orders", """{"success":true,"data":[{"id":"o-1","side":{0}}]}""", api => api.Portfolio.GetPortfolioOrdersAsync(), body => ((OrderListResponse)body).Data[0].Side);
        yield return Case(typeof(OrderType), "/api/v2/portfolio/orders", """{"success":true,"data":[{"id":"o-1","type":{0}}]}""", api => api.Portfolio.GetPortfolioOrdersAsync(), body => ((OrderListResponse)body).Data[0].Type);
        yield return Case(typeof(OrderStatus), "/api/v2/portfolio/orders", """{"success":true,"data":[{"id":"o-1","status":{0}}]}""", api => api.Portfolio.GetPortfolioOrdersAsync(), body => ((OrderListResponse)body).Data[0].Status);
        yield return Case(typeof(BacktestRunStatus), "/api/v2/backtest/runs/r-1", """{"success":true,"data":{"run_id":"r-1","status":{0}}}""", api => api.Backtests.GetBacktestRunAsync("r-1"), body => ((BacktestRunResponse)body).Data.Status);
    }

    [Test]
    public void Every_value_type_a_response_model_carries_has_a_case_here()
    {
        var carried = typeof(IQuantDeskClient).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema" && type.IsClass && !type.Name.EndsWith("Request", StringComparison.Ordinal))
            .SelectMany(type => type.GetProperties())
            .Select(property => Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)
            .Where(type => type.IsValueType && ExtensibleValueTests.ValueTypes().Contains(type))
            .Distinct();

        Assert.That(Carriers().Select(data => data.Arguments[0]).Distinct(), Is.EquivalentTo(carried));
    }

    [TestCaseSource(nameof(Carriers))]
    public async Task An_unknown_value_from_the_API_is_kept_exactly_as_sent(Type type, string path, string body, Func<IQuantDeskClient, Task<object>> call, Func<object, object> read)
    {
        Answer(path, body, "\"Brand_New-Value\"");

        var value = read(await call(_fixture.Api));

        Assert.That(value.GetType(), Is.EqualTo(type));
        Assert.That(value.ToString(), Is.EqualTo("Brand_New-Value"));
        Assert.That(type.GetProperty("IsKnown")!.GetValue(value), Is.False);
    }

    [TestCaseSource(nameof(Carriers))]
    public async Task A_known_value_from_the_API_in_another_case_equals_the_static_member(Type type, string path, string body, Func<IQuantDeskClient, Task<object>> call, Func<object, object> read)
    {
        var known = ((System.Collections.IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().Last();
        Answer(path, body, JsonSerializer.Serialize(known.ToString()!.ToUpperInvariant()));

        var value = read(await call(_fixture.Api));

        Assert.That(value, Is.EqualTo(known));
        Assert.That(value.ToString(), Is.EqualTo(known.ToString()!.ToUpperInvariant()));
    }

    [TestCaseSource(nameof(Carriers))]
    public void A_value_that_is_not_a_JSON_string_is_an_unusable_body(Type type, string path, string body, Func<IQuantDeskClient, Task<object>> call, Func<object, object> read)
    {
        foreach (var notAString in new[] { "7", "true", "{}", "[\"buy\"]" })
        {
            Answer(path, body, notAString);

            var error = Assert.ThrowsAsync<QuantDeskApiException>(() => call(_fixture.Api), notAString);

            Assert.That(error!.GetType(), Is.EqualTo(typeof(QuantDeskApiException)), notAString);
            Assert.That(error.InnerException, Is.InstanceOf<JsonException>(), notAString);
            Assert.That((error.StatusCode, error.ResponseBody), Is.EqualTo(((int?)200, body.Replace("{0}", notAString, StringComparison.Ordinal))), notAString);
        }
    }

    // One mapping, replaced on each call (same id), ahead of the sandbox's own answers.
    private void Answer(string path, string body, string value) =>
        _fixture.Sandbox.Server.Given(Request.Create().UsingGet().WithPath(path)).WithGuid(MappingId).AtPriority(0)
            .RespondWith(Responses.Json(200, body.Replace("{0}", value, StringComparison.Ordinal)));

    private static TestCaseData Case<T>(Type type, string path, string body, Func<IQuantDeskClient, Task<T>> call, Func<object, object> read) =>
        new TestCaseData(type, path, body, (Func<IQuantDeskClient, Task<object>>)(async api => (await call(api))!), read).SetArgDisplayNames(type.Name);
}
