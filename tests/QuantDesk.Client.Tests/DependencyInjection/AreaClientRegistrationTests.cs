using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.DependencyInjection;

/// <summary>AddQuantDeskClient registers the root and every area client on one configured pipeline.</summary>
public sealed class AreaClientRegistrationTests : SandboxPerTest
{
    [Test]
    public async Task The_root_and_every_area_interface_resolve_to_the_generated_clients()
    {
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options => options.BaseAddress = Sandbox.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var root = provider.GetRequiredService<IQuantDeskClient>();

        Assert.Multiple(() =>
        {
            Assert.That(root, Is.TypeOf<QuantDeskClient>());
            Assert.That(provider.GetRequiredService<IMarketsClient>(), Is.TypeOf<MarketsClient>());
            Assert.That(provider.GetRequiredService<IOracleClient>(), Is.TypeOf<OracleClient>());
            Assert.That(provider.GetRequiredService<IPortfolioClient>(), Is.TypeOf<PortfolioClient>());
            Assert.That(provider.GetRequiredService<IMarketDataClient>(), Is.TypeOf<MarketDataClient>());
            Assert.That(provider.GetRequiredService<ISocialClient>(), Is.TypeOf<SocialClient>());
            Assert.That(provider.GetRequiredService<IBacktestClient>(), Is.TypeOf<BacktestClient>());
            Assert.That(provider.GetRequiredService<IReferralsClient>(), Is.TypeOf<ReferralsClient>());
            Assert.That(
                new object[] { root.Markets, root.Oracle, root.Portfolio, root.MarketData, root.Social, root.Backtests, root.Referrals }.Select(area => area.GetType()),
                Is.EqualTo(new[] { typeof(MarketsClient), typeof(OracleClient), typeof(PortfolioClient), typeof(MarketDataClient), typeof(SocialClient), typeof(BacktestClient), typeof(ReferralsClient) }));
        });
    }

    [Test]
    public void Every_area_interface_of_the_library_is_registered()
    {
        var services = new ServiceCollection();
        services.AddQuantDeskClient(_ => { });
        var areaInterfaces = typeof(IQuantDeskClient).GetProperties().Select(property => property.PropertyType);

        Assert.That(services.Select(descriptor => descriptor.ServiceType), Is.SupersetOf(areaInterfaces.Append(typeof(IQuantDeskClient))));
        Assert.That(areaInterfaces.Count(), Is.EqualTo(7));
    }

    [Test]
    public async Task A_handler_added_on_the_returned_builder_sees_the_calls_of_every_area_of_the_root()
    {
        var observed = new List<string>();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = Sandbox.BaseAddress;
            options.AccessToken = "wallet-jwt";
        }).AddHttpMessageHandler(() => new ObservingHandler(request =>
        {
            lock (observed)
            {
                observed.Add(request.RequestUri!.AbsolutePath);
            }
        }));
        await using var provider = services.BuildServiceProvider();

        await CallEveryAreaAsync(provider.GetRequiredService<IQuantDeskClient>());

        Assert.That(observed, Is.EqualTo(AreaPaths));
        Assert.That(Sandbox.ReceivedRequests.Select(request => request.Path), Is.EqualTo(AreaPaths));
    }

    [Test]
    public async Task Area_clients_resolved_on_their_own_go_through_the_same_handler()
    {
        var observed = 0;
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = Sandbox.BaseAddress;
            options.AccessToken = "wallet-jwt";
        }).AddHttpMessageHandler(() => new ObservingHandler(_ => Interlocked.Increment(ref observed)));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMarketsClient>().ListMarketsAsync();
        await provider.GetRequiredService<IOracleClient>().GetOraclePricesAsync();
        await provider.GetRequiredService<IPortfolioClient>().GetPortfolioAsync();
        await provider.GetRequiredService<IMarketDataClient>().GetMarketStatsAsync("SOL-PERP");
        await provider.GetRequiredService<ISocialClient>().GetLeaderboardAsync();
        await provider.GetRequiredService<IBacktestClient>().ListBacktestDatasetsAsync();
        await provider.GetRequiredService<IReferralsClient>().ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "addr-1" });

        Assert.That(observed, Is.EqualTo(7));
        Assert.That(Sandbox.ReceivedRequests.Select(request => request.Path), Is.EqualTo(AreaPaths));
        Assert.That(Sandbox.ReceivedRequests.Select(request => request.HasBearerToken("wallet-jwt")), Is.EqualTo(new[] { false, false, true, false, false, false, true }));
    }

    [Test]
    public async Task Area_clients_resolved_on_their_own_share_one_token_refresh()
    {
        var tokens = new RotatingTokenProvider(callers: 4);
        Sandbox.RequireAccessToken(RotatingTokenProvider.NewToken);
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = Sandbox.BaseAddress;
            options.AccessTokenProvider = tokens.GetTokenAsync;
        });
        await using var provider = services.BuildServiceProvider();

        await Task.WhenAll(
            Task.Run(() => provider.GetRequiredService<IPortfolioClient>().GetPortfolioAsync()),
            Task.Run(() => provider.GetRequiredService<IReferralsClient>().ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "addr-1" })),
            Task.Run(() => provider.GetRequiredService<ISocialClient>().PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-1", Title = "Card" })),
            Task.Run(() => provider.GetRequiredService<IBacktestClient>().SubmitBacktestRunAsync(Requests.Submission())));

        Assert.That(tokens.ForcedRefreshes, Is.EqualTo(1), "one refresh serves the four areas");
        Assert.That(Sandbox.ReceivedRequests.Count(request => request.HasBearerToken(RotatingTokenProvider.OldToken)), Is.EqualTo(4));
        Assert.That(Sandbox.ReceivedRequests.Count(request => request.HasBearerToken(RotatingTokenProvider.NewToken)), Is.EqualTo(4));
    }

    /// <summary>The path of each call of <see cref="CallEveryAreaAsync"/>, in order.</summary>
    internal static readonly string[] AreaPaths =
    [
        "/api/v2/markets", "/api/oracle/prices", "/api/v2/portfolio", "/api/v2/market-stats",
        "/api/v2/leaderboard", "/api/v2/backtest/datasets", "/api/v2/referrals/validate",
    ];

    /// <summary>One call through each area of the root, one after the other.</summary>
    internal static async Task CallEveryAreaAsync(IQuantDeskClient api)
    {
        await api.Markets.ListMarketsAsync();
        await api.Oracle.GetOraclePricesAsync();
        await api.Portfolio.GetPortfolioAsync();
        await api.MarketData.GetMarketStatsAsync("SOL-PERP");
        await api.Social.GetLeaderboardAsync();
        await api.Backtests.ListBacktestDatasetsAsync();
        await api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "addr-1" });
    }
}
