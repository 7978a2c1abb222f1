using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Authentication;

/// <summary>
/// The default token rule, on a client built as users build it: the token goes only to the operations whose
/// contract declares security, unless SendAccessTokenOnEveryCall asks for it everywhere.
/// </summary>
public sealed class SecuredOperationTokenTests : SandboxPerTest
{
    private const string Hint = "this operation needs an access token: set AccessToken or AccessTokenProvider";

    public static IEnumerable<TestCaseData> PublicOperations()
    {
        yield return Operation("listMarkets", api => api.Markets.ListMarketsAsync());
        yield return Operation("getMarket", api => api.Markets.GetMarketAsync("SOL-PERP"));
        yield return Operation("getLeverageTiers", api => api.Markets.GetLeverageTiersAsync());
        yield return Operation("getOrderbook", api => api.Markets.GetOrderbookAsync("SOL-PERP"));
        yield return Operation("getOraclePrices", api => api.Oracle.GetOraclePricesAsync());
        yield return Operation("getMarketStats", api => api.MarketData.GetMarketStatsAsync("SOL-PERP"));
        yield return Operation("getCandles", api => api.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour));
        yield return Operation("getLeaderboard", api => api.Social.GetLeaderboardAsync());
        yield return Operation("getFlexCard", api => api.Social.GetFlexCardAsync(QuantDeskSandbox.ExampleFlexCardId));
        yield return Operation("listBacktestDatasets", api => api.Backtests.ListBacktestDatasetsAsync());
        yield return Operation("getBacktestRun", api => api.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));
    }

    public static IEnumerable<TestCaseData> SecuredOperations()
    {
        yield return Operation("getPortfolio", api => api.Portfolio.GetPortfolioAsync());
        yield return Operation("getPortfolioPositions", api => api.Portfolio.GetPortfolioPositionsAsync());
        yield return Operation("getPortfolioOrders", api => api.Portfolio.GetPortfolioOrdersAsync());
        yield return Operation("publishFlexCard", api => api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = QuantDeskSandbox.ExampleRunId, Title = "Mean reversion, 1h" }));
        yield return Operation("submitBacktestRun", api => api.Backtests.SubmitBacktestRunAsync(Requests.Submission()));
        yield return Operation("validateReferral", api => api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU" }));
    }

    public static IEnumerable<TestCaseData> AllOperations() => PublicOperations().Concat(SecuredOperations());

    [Test]
    public void The_cases_cover_every_operation_of_the_contract()
    {
        var contract = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("openapi.json")))!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Id: operation.Value!["operationId"]!.GetValue<string>(), Secured: operation.Value!["security"] is System.Text.Json.Nodes.JsonArray { Count: > 0 })));

        Assert.That(SecuredOperations().Select(Name), Is.EquivalentTo(contract.Where(operation => operation.Secured).Select(operation => operation.Id)));
        Assert.That(PublicOperations().Select(Name), Is.EquivalentTo(contract.Where(operation => !operation.Secured).Select(operation => operation.Id)));
    }

    [TestCaseSource(nameof(PublicOperations))]
    public async Task A_public_operation_carries_no_token(string operation, Func<IQuantDeskClient, Task> call)
    {
        await call(Client(token: "wallet-jwt"));

        Assert.That(SingleRequest().Headers.ContainsKey("Authorization"), Is.False, operation);
    }

    [TestCaseSource(nameof(SecuredOperations))]
    public async Task A_secured_operation_carries_the_token(string operation, Func<IQuantDeskClient, Task> call)
    {
        await call(Client(token: "wallet-jwt"));

        Assert.That(SingleRequest().HasBearerToken("wallet-jwt"), Is.True, operation);
    }

    [TestCaseSource(nameof(AllOperations))]
    public async Task With_SendAccessTokenOnEveryCall_every_operation_carries_the_token(string operation, Func<IQuantDeskClient, Task> call)
    {
        await call(Client(token: "wallet-jwt", everyCall: true));

        Assert.That(SingleRequest().HasBearerToken("wallet-jwt"), Is.True, operation);
    }

    [Test]
    public async Task A_token_provider_is_asked_only_for_secured_operations()
    {
        var asked = new List<bool>();
        var api = new QuantDeskClient(new QuantDeskClientOptions
        {
            BaseAddress = Sandbox.BaseAddress,
            AccessTokenProvider = (request, _) =>
            {
                lock (asked)
                {
                    asked.Add(request.ForceRefresh);
                }

                return ValueTask.FromResult<string?>("provided-jwt");
            },
        });

        await api.Markets.ListMarketsAsync();
        await api.Oracle.GetOraclePricesAsync();
        await api.Portfolio.GetPortfolioAsync();

        Assert.That(asked, Is.EqualTo(new[] { false }));
        Assert.That(Sandbox.ReceivedRequests.Select(request => request.HasBearerToken("provided-jwt")), Is.EqualTo(new[] { false, false, true }));
    }

    [TestCaseSource(nameof(SecuredOperations))]
    public void A_secured_operation_without_a_configured_token_says_how_to_give_one(string operation, Func<IQuantDeskClient, Task> call)
    {
        var error = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => call(Client(token: null)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(401), operation);
            Assert.That(error.ErrorCode, Is.EqualTo("UNAUTHORIZED"), operation);
            Assert.That(error.Message, Does.Contain(Hint), operation);
            Assert.That(SingleRequest().Headers.ContainsKey("Authorization"), Is.False, operation);
        });
    }

    [Test]
    public void A_token_that_was_sent_and_refused_gets_no_hint()
    {
        Sandbox.RequireAccessToken("the-right-jwt");

        var error = Assert.ThrowsAsync<QuantDeskAuthenticationException>(() => Client(token: "a-wrong-jwt").Portfolio.GetPortfolioAsync());

        Assert.That(error!.Message, Does.Not.Contain("needs an access token"));
        Assert.That(error.Message, Does.Contain("401").And.Contain("UNAUTHORIZED"));
        Assert.That(SingleRequest().HasBearerToken("a-wrong-jwt"), Is.True);
    }

    private static TestCaseData Operation(string operationId, Func<IQuantDeskClient, Task> call) =>
        new TestCaseData(operationId, call).SetArgDisplayNames(operationId);

    private static string Name(TestCaseData data) => (string)data.Arguments[0]!;

    private QuantDeskClient Client(string? token, bool everyCall = false) => new(new QuantDeskClientOptions
    {
        BaseAddress = Sandbox.BaseAddress,
        AccessToken = token,
        SendAccessTokenOnEveryCall = everyCall,
        Retry = { MaxRetryAttempts = 0 },
    });

    private SandboxRequest SingleRequest() => Sandbox.ReceivedRequests.Single();
}
