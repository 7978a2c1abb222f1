using System.Text.Json;
using System.Text.Json.Nodes;
using QuantDesk.Client.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.Tests.Contract;

/// <summary>
/// Driven by openapi.json: for every operation, the client method named after its operationId, on the area of the
/// root client named after its tag, sends the request the contract describes and reads the contract's example
/// answer into models that write it back field by field, decimals exact.
/// </summary>
public sealed class OperationRoundTripTests
{
    private const string Token = "round-trip-token";

    private static IEnumerable<ContractOperation> Operations() => ContractOperation.All();

    [Test]
    public void There_is_a_case_for_each_of_the_seventeen_operations() =>
        Assert.That(Operations().Select(operation => operation.Id).Distinct().Count(), Is.EqualTo(17));

    [TestCaseSource(nameof(Operations))]
    public async Task The_operation_sends_the_contracts_request_and_reads_its_example_answer_exactly(ContractOperation operation)
    {
        using var server = WireMock.Server.WireMockServer.Start();
        var example = QuantDeskSandbox.ContractExample(operation.Id);
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create()
            .WithStatusCode(operation.SuccessStatus).WithHeader("Content-Type", "application/json").WithBody(example.ToJsonString()));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = new Uri(server.Url! + "/"), AccessToken = Token });

        var result = await ContractCalls.InvokeAsync(client, operation);

        var request = server.LogEntries.Single().RequestMessage!;
        var written = JsonSerializer.SerializeToNode(result, result!.GetType(), ContractCalls.Json);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(operation.Method));
            Assert.That(request.AbsolutePath, Is.EqualTo(ExpectedPath(operation)));
            foreach (var query in operation.Parameters.Where(parameter => parameter["in"]!.GetValue<string>() == "query"))
            {
                Assert.That(request.Query![query["name"]!.GetValue<string>()].Single(), Is.EqualTo(ContractOperation.ExampleOf(query)), query["name"]!.GetValue<string>());
            }

            Assert.That(request.Headers!.ContainsKey("Authorization"), Is.EqualTo(operation.Secured), "the token goes only where the contract declares security");
            Assert.That(request.Headers!["Accept"].Single(), Is.EqualTo("application/json"));
            if (operation.RequestExample is { } sent)
            {
                Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse(request.Body!), sent), Is.True, $"sent {request.Body}, the contract's example is {sent.ToJsonString()}");
            }

            Assert.That(written!.ToJsonString(), Is.EqualTo(example.ToJsonString()), "the models must hold every field of the example, exactly");
        });
    }

    private static string ExpectedPath(ContractOperation operation)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(parameter => parameter["in"]!.GetValue<string>() == "path"))
        {
            path = path.Replace("{" + parameter["name"]!.GetValue<string>() + "}", Uri.EscapeDataString(ContractOperation.ExampleOf(parameter)), StringComparison.Ordinal);
        }

        return path;
    }
}
