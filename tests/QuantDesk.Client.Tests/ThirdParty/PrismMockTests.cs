using System.Text.Json;
using System.Text.Json.Nodes;
using QuantDesk.Client.Tests.Contract;

namespace QuantDesk.Client.Tests.ThirdParty;

/// <summary>
/// All 17 operations against a mock built by a third-party tool (Prism) from the upstream document alone: Prism
/// validates every request against that document, and its answers are bodies that document allows.
/// </summary>
[NonParallelizable]
public sealed class PrismMockTests
{
    private static IEnumerable<ContractOperation> Operations() => ContractOperation.All();

    private static QuantDeskClient ClientFor(PrismMock prism) =>
        new(new QuantDeskClientOptions { BaseAddress = prism.BaseAddress, AccessToken = "prism-token", Retry = { MaxRetryAttempts = 0 } });

    [Test]
    public async Task Every_operation_is_accepted_by_the_validating_mock_and_reads_its_example()
    {
        using var prism = await PrismMock.StartAsync(dynamic: false);
        var client = ClientFor(prism);
        var failures = new List<string>();

        foreach (var operation in Operations())
        {
            try
            {
                var result = await ContractCalls.InvokeAsync(client, operation);
                var written = JsonSerializer.SerializeToNode(result, result!.GetType(), ContractCalls.Json)!;
                if (!JsonNode.DeepEquals(written, QuantDesk.Client.Testing.QuantDeskSandbox.ContractExample(operation.Id)))
                {
                    failures.Add($"{operation.Id}: read {written.ToJsonString()}");
                }
            }
            catch (QuantDeskException exception)
            {
                failures.Add($"{operation.Id}: {exception.Message}");
            }
        }

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    [Test]
    public async Task A_secured_operation_without_a_token_is_refused_by_the_mock_with_a_message_that_says_how_to_give_one()
    {
        using var prism = await PrismMock.StartAsync(dynamic: false);
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = prism.BaseAddress });

        var exception = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => client.Portfolio.GetPortfolioAsync());
        var markets = await client.Markets.ListMarketsAsync();

        Assert.That(exception!.Message, Does.Contain("set AccessToken or AccessTokenProvider"));
        Assert.That(markets.Data, Is.Not.Empty, "public operations need no token");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task Random_bodies_the_upstream_document_allows_are_results_unless_they_lack_a_documented_field(int seed)
    {
        using var prism = await PrismMock.StartAsync(dynamic: true, seed);
        var client = ClientFor(prism);
        var failures = new List<string>();
        var results = 0;

        // A seed makes Prism's bodies repeatable: each seed is one set of 17 answers.
        {
            foreach (var operation in Operations())
            {
                try
                {
                    await ContractCalls.InvokeAsync(client, operation);
                    results++;
                }
                catch (QuantDeskApiException exception) when (LacksADocumentedField(operation, exception.ResponseBody) || ReportsFailure(exception.ResponseBody))
                {
                    // The documented exceptions: docs/contract.md lists the fields an operation cannot do without,
                    // and success: false is an error whatever the status.
                }
                catch (Exception exception)
                {
                    failures.Add($"{operation.Id}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
        TestContext.Out.WriteLine($"seed {seed}: {results} of 17 random answers were results, the others lacked data or said success: false");
        Assert.That(results, Is.Positive, "bodies with data and success are results");
    }

    private static bool ReportsFailure(string? body) =>
        Parse(body)?["success"] is JsonValue success && success.GetValueKind() == JsonValueKind.False;

    private static bool LacksADocumentedField(ContractOperation operation, string? body)
    {
        var data = Parse(body)?["data"];
        return data is null
            || (operation.Id == "submitBacktestRun" && data["run_id"] is null)
            || (operation.Id == "listBacktestDatasets" && data.AsArray().Any(item => item?["dataset_id"] is null));
    }

    private static JsonObject? Parse(string? body)
    {
        try
        {
            return body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
