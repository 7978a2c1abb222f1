using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Readme;

/// <summary>The README's snippets on several wallets, the rate budget and response details do what the README says.</summary>
public sealed class ScaleSnippetTests
{
    [Test]
    public async Task The_wallet_snippets_give_each_name_its_own_token_by_key_and_by_factory()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantDesk:Wallets:wallet-b:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["QuantDesk:Wallets:wallet-b:AccessToken"] = "token-b",
        }).Build();
        var services = new ServiceCollection();
        ScaleSnippets.RegisterWallets(services, configuration, new Vault());
        services.Configure<QuantDeskClientOptions>("wallet-a", options => options.BaseAddress = sandbox.BaseAddress);
        services.AddTransient<GridBot>().AddTransient<WalletRouter>();
        await using var provider = services.BuildServiceProvider();

        var mid = await provider.GetRequiredService<GridBot>().MidAsync(CancellationToken.None);
        var positions = await provider.GetRequiredService<WalletRouter>().OpenPositionsOfAsync("wallet-b", CancellationToken.None);

        var sent = sandbox.Server.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).Select(entry => entry.RequestMessage!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mid, Is.Not.Null);
            Assert.That(positions, Is.GreaterThan(0));
            Assert.That(sent.Select(request => request.Path), Is.EqualTo(new[] { "/api/v2/markets/orderbook/SOL-PERP", "/api/v2/portfolio" }));
            Assert.That(sent[0].Headers!.ContainsKey("Authorization"), Is.False, "the orderbook is public");
            Assert.That(sent[1].Headers!["Authorization"], Is.EqualTo(new[] { "Bearer token-b" }));
        });
    }

    [Test]
    public async Task The_rate_budget_snippet_lets_twenty_calls_a_second_through()
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(200, "application/json", System.Text.Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString())));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var services = new ServiceCollection();
        ScaleSnippets.RegisterWithRateBudget(services, new ConfigurationBuilder().Build());
        services.Configure<QuantDeskClientOptions>("wallet-c", options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.TimeProvider = clock;
        });
        await using var provider = services.BuildServiceProvider();
        var backtests = provider.GetRequiredKeyedService<IBacktestClient>("wallet-c");

        var calls = Enumerable.Range(0, 21).Select(_ => backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).ToArray();
        await Eventually.TrueAsync(() => server.Requests == 20, "the first second's twenty permits are spent");
        await Task.Delay(50);
        var sentInTheFirstSecond = server.Requests;
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(sentInTheFirstSecond, Is.EqualTo(20), "the twenty-first call waited for the next window");
            Assert.That(server.Requests, Is.EqualTo(21));
        });
    }

    [Test]
    public async Task The_response_details_snippet_logs_the_status_attempts_and_request_id()
    {
        using var fixture = new ClientFixture();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(fixture.Logs));

        var book = await ScaleSnippets.OrderbookWithDetailsAsync(fixture.Api.Markets, loggerFactory.CreateLogger("bot"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(book.Bids, Is.Not.Empty);
            Assert.That(fixture.Logs.Entries.Single(entry => entry.Category == "bot").Message, Does.StartWith("SOL-PERP book: 200 in ").And.EndWith(" ms after 1 attempt(s), request id req_sandbox_1"));
        });
    }

    private sealed class Vault : IWalletVault
    {
        public Task<string> WalletATokenAsync(CancellationToken cancellationToken) => Task.FromResult("token-a");
    }
}
