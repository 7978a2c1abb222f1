using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.DependencyInjection;

public sealed class NamedClientTests
{
    private static readonly byte[] RunBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());
    private static readonly byte[] ExpiredBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ErrorBody("TOKEN_EXPIRED", "Token expired.").ToJsonString());

    [Test]
    public async Task Two_names_under_concurrency_each_send_only_their_own_token_and_refresh_only_their_own()
    {
        var sent = new ConcurrentBag<(string Wallet, string Authorization)>();
        using var server = new LoopbackHttpServer(request =>
        {
            var wallet = request.Headers.Single(line => line.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase)).Contains("wallet-a", StringComparison.Ordinal) ? "wallet-a" : "wallet-b";
            var authorization = request.Headers.Single(line => line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase));
            sent.Add((wallet, authorization));

            // Wallet A's first token has expired; wallet B's has not.
            return authorization.EndsWith("token-a-1", StringComparison.Ordinal)
                ? new LoopbackAnswer(401, "application/json", ExpiredBody)
                : new LoopbackAnswer(200, "application/json", RunBody);
        });
        int refreshesA = 0, refreshesB = 0;
        var currentA = "token-a-1";
        var services = new ServiceCollection();
        services.AddQuantDeskClient("wallet-a", options =>
        {
            Configure(options, server.BaseAddress, "wallet-a");
            options.AccessTokenProvider = async (request, cancellationToken) =>
            {
                await Task.Yield();
                if (request.ForceRefresh)
                {
                    Interlocked.Increment(ref refreshesA);
                    Volatile.Write(ref currentA, "token-a-2");
                }

                return Volatile.Read(ref currentA);
            };
        });
        services.AddQuantDeskClient("wallet-b", options =>
        {
            Configure(options, server.BaseAddress, "wallet-b");
            options.AccessTokenProvider = async (request, cancellationToken) =>
            {
                await Task.Yield();
                if (request.ForceRefresh)
                {
                    Interlocked.Increment(ref refreshesB);
                }

                return "token-b-1";
            };
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IQuantDeskClientFactory>();

        var calls = Enumerable.Range(0, 400).Select(i => Task.Run(() =>
            factory.CreateClient(i % 2 == 0 ? "wallet-a" : "wallet-b").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)));
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(result => result.Data.RunId), Is.All.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(sent.Where(request => request.Wallet == "wallet-a").Select(request => request.Authorization), Is.All.AnyOf("Authorization: Bearer token-a-1", "Authorization: Bearer token-a-2"));
            Assert.That(sent.Where(request => request.Wallet == "wallet-b").Select(request => request.Authorization), Is.All.EqualTo("Authorization: Bearer token-b-1"));
            Assert.That(sent.Count(request => request.Authorization.EndsWith("token-a-2", StringComparison.Ordinal)), Is.EqualTo(200), "every call of wallet A ends with its refreshed token");
            Assert.That(sent.Count(request => request.Wallet == "wallet-b"), Is.EqualTo(200), "wallet B never meets wallet A's 401");
            Assert.That(refreshesA, Is.GreaterThanOrEqualTo(1));
            Assert.That(refreshesB, Is.Zero, "wallet A's refresh is not B's");
        });
    }

    [Test]
    public async Task A_keyed_constructor_parameter_gets_the_client_of_its_name()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddQuantDeskClient("wallet-a", options => Configure(options, sandbox.BaseAddress, "wallet-a", token: "token-a"));
        services.AddQuantDeskClient("wallet-b", options => Configure(options, sandbox.BaseAddress, "wallet-b", token: "token-b"));
        services.AddTransient<WalletBBot>();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<WalletBBot>().RunAsync();

        Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"], Is.EqualTo(new[] { "Bearer token-b" }));
    }

    [Test]
    public async Task Every_area_client_is_keyed_by_the_name_too()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddQuantDeskClient("wallet-a", options => Configure(options, sandbox.BaseAddress, "wallet-a", token: "token-a"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IBacktestClient>("wallet-a").GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await provider.GetRequiredKeyedService<IMarketsClient>("wallet-a").ListMarketsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!.Headers!["Authorization"].Single()), Is.All.EqualTo("Bearer token-a"));
            Assert.That(provider.GetKeyedService<IOracleClient>("wallet-a"), Is.Not.Null);
            Assert.That(provider.GetKeyedService<IPortfolioClient>("wallet-a"), Is.Not.Null);
            Assert.That(provider.GetKeyedService<IMarketDataClient>("wallet-a"), Is.Not.Null);
            Assert.That(provider.GetKeyedService<ISocialClient>("wallet-a"), Is.Not.Null);
            Assert.That(provider.GetKeyedService<IReferralsClient>("wallet-a"), Is.Not.Null);
            Assert.That(provider.GetKeyedService<IQuantDeskClient>("wallet-b"), Is.Null);
        });
    }

    [Test]
    public async Task The_unnamed_client_keeps_its_own_options_beside_named_ones()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options => Configure(options, sandbox.BaseAddress, "unnamed", token: "token-default"));
        services.AddQuantDeskClient("wallet-a", options => Configure(options, sandbox.BaseAddress, "wallet-a", token: "token-a"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await provider.GetRequiredService<IQuantDeskClientFactory>().CreateClient(Options.DefaultName).Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await provider.GetRequiredKeyedService<IQuantDeskClient>("wallet-a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(
            sandbox.Server.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).Select(entry => entry.RequestMessage!.Headers!["Authorization"].Single()),
            Is.EqualTo(new[] { "Bearer token-default", "Bearer token-default", "Bearer token-a" }));
    }

    [Test]
    public async Task Every_name_sends_on_one_shared_connection_pool()
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(200, "application/json", RunBody));
        var services = new ServiceCollection();
        foreach (var wallet in new[] { "wallet-a", "wallet-b", "wallet-c" })
        {
            services.AddQuantDeskClient(wallet, options => Configure(options, server.BaseAddress, wallet, token: "token-" + wallet));
        }

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IQuantDeskClientFactory>();

        // One after the other, so one idle connection can serve every call.
        for (var round = 0; round < 3; round++)
        {
            foreach (var wallet in new[] { "wallet-a", "wallet-b", "wallet-c" })
            {
                await factory.CreateClient(wallet).Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.EqualTo(9));
            Assert.That(server.Connections, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Each_name_binds_its_own_configuration_section_and_code_settings_apply_on_top()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantDesk:Wallets:a:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["QuantDesk:Wallets:a:AccessToken"] = "token-a",
            ["QuantDesk:Wallets:a:SendAccessTokenOnEveryCall"] = "true",
            ["QuantDesk:Wallets:b:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["QuantDesk:Wallets:b:AccessToken"] = "token-b-from-config",
            ["QuantDesk:Wallets:b:SendAccessTokenOnEveryCall"] = "true",
            ["QuantDesk:Wallets:b:Retry:MaxRetryAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddQuantDeskClient("a", configuration.GetSection("QuantDesk:Wallets:a"));
        services.AddQuantDeskClient("b", configuration.GetSection("QuantDesk:Wallets:b"), options => options.AccessToken = "token-b-from-code");
        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<QuantDeskClientOptions>>();

        await provider.GetRequiredKeyedService<IQuantDeskClient>("a").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
        await provider.GetRequiredKeyedService<IQuantDeskClient>("b").Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(
                sandbox.Server.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).Select(entry => entry.RequestMessage!.Headers!["Authorization"].Single()),
                Is.EqualTo(new[] { "Bearer token-a", "Bearer token-b-from-code" }));
            Assert.That(monitor.Get("b").Retry.MaxRetryAttempts, Is.EqualTo(1));
            Assert.That(monitor.Get("a").Retry.MaxRetryAttempts, Is.EqualTo(new QuantDeskRetryOptions().MaxRetryAttempts));
        });
    }

    [Test]
    public void A_name_with_invalid_options_fails_at_start_naming_the_problem()
    {
        var services = new ServiceCollection();
        services.AddQuantDeskClient("wallet-a", options => options.AttemptTimeout = TimeSpan.FromMinutes(5));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Multiple(() =>
        {
            Assert.That(failure!.OptionsName, Is.EqualTo("wallet-a"));
            Assert.That(failure.Message, Does.Contain("AttemptTimeout"));
        });
    }

    [Test]
    public void The_factory_refuses_a_name_nobody_registered_and_lists_the_registered_ones()
    {
        var services = new ServiceCollection();
        services.AddQuantDeskClient("wallet-a", _ => { });
        services.AddQuantDeskClient("wallet-b", _ => { });
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IQuantDeskClientFactory>();

        var unknown = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("Wallet-A"));

        Assert.Multiple(() =>
        {
            Assert.That(unknown!.Message, Does.Contain("'Wallet-A'").And.Contain("'wallet-a', 'wallet-b'").And.Contain("AddQuantDeskClient(\"Wallet-A\""));
            Assert.That(() => factory.CreateClient(Options.DefaultName), Throws.InvalidOperationException, "no unnamed client was registered");
            Assert.That(() => factory.CreateClient(null!), Throws.ArgumentNullException);
            Assert.That(factory.CreateClient("wallet-b"), Is.Not.Null);
        });
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_blank_name_is_refused(string name)
    {
        var services = new ServiceCollection();

        Assert.Multiple(() =>
        {
            Assert.That(() => services.AddQuantDeskClient(name, _ => { }), Throws.ArgumentException);
            Assert.That(() => services.AddQuantDeskClient(name, new ConfigurationBuilder().Build()), Throws.ArgumentException);
        });
    }

    [Test]
    public void Registering_a_name_twice_adds_its_handlers_once_and_applies_both_configurations()
    {
        var services = new ServiceCollection();
        var first = services.AddQuantDeskClient("wallet-a", options => options.ApplicationId = "first/1");
        var second = services.AddQuantDeskClient("wallet-a", options => options.AttemptTimeout = TimeSpan.FromSeconds(3));
        services.AddQuantDeskClient("wallet-b", _ => { });
        using var provider = services.BuildServiceProvider();
        var factoryOptions = provider.GetRequiredService<IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>();
        var options = provider.GetRequiredService<IOptionsMonitor<QuantDeskClientOptions>>();

        Assert.Multiple(() =>
        {
            Assert.That(second.Name, Is.EqualTo(first.Name));
            Assert.That(factoryOptions.Get(first.Name).HttpMessageHandlerBuilderActions, Has.Count.EqualTo(factoryOptions.Get(QuantDeskServiceCollectionExtensions.HttpClientName + ":wallet-b").HttpMessageHandlerBuilderActions.Count));
            Assert.That(options.Get("wallet-a").ApplicationId, Is.EqualTo("first/1"));
            Assert.That(options.Get("wallet-a").AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(options.Get("wallet-b").ApplicationId, Is.Null);
            Assert.That(provider.GetKeyedServices<IQuantDeskClient>("wallet-a").Count(), Is.EqualTo(1));
        });
    }

    private static void Configure(QuantDeskClientOptions options, Uri baseAddress, string wallet, string? token = null)
    {
        options.BaseAddress = baseAddress;
        options.ApplicationId = wallet;
        options.AccessToken = token;
        options.SendAccessTokenOnEveryCall = true;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
    }
}
