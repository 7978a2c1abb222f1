using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace QuantDesk.Client.Tests.Readme;

// The README's blocks on several wallets, the rate budget and response details, verbatim (see ReadmeSnippets.cs).
public interface IWalletVault
{
    Task<string> WalletATokenAsync(CancellationToken cancellationToken);
}

public sealed class GridBot([FromKeyedServices("wallet-a")] IQuantDeskClient walletA)
{
    public async Task<decimal?> MidAsync(CancellationToken cancellationToken) =>
        (await walletA.Markets.GetOrderbookAsync("SOL-PERP", cancellationToken)).Data.Mid;
}

public sealed class WalletRouter(IQuantDeskClientFactory clients)
{
    public async Task<int> OpenPositionsOfAsync(string wallet, CancellationToken cancellationToken) =>
        (await clients.CreateClient(wallet).Portfolio.GetPortfolioAsync(cancellationToken)).Data.Positions?.Count ?? 0;
}

public static class ScaleSnippets
{
    public static void RegisterWallets(IServiceCollection services, IConfiguration configuration, IWalletVault vault)
    {
        services.AddQuantDeskClient("wallet-a", options => options.UseAccessTokenProvider(vault.WalletATokenAsync));
        services.AddQuantDeskClient("wallet-b", configuration.GetSection("QuantDesk:Wallets:wallet-b"));
    }

    public static void RegisterWithRateBudget(IServiceCollection services, IConfiguration configuration)
    {
        services.AddQuantDeskClient("wallet-c", options =>
        {
            options.AccessToken = configuration["Wallets:C:Token"];
            options.RateBudget.PermitLimit = 20;                                  // requests per window
            options.RateBudget.Window = TimeSpan.FromSeconds(1);
            options.RateBudget.SharedKey = "gateway-key-1";                       // names with this key share one budget
            options.RateBudget.WhenExhausted = QuantDeskRateBudgetBehavior.Wait;  // or Fail: a QuantDeskRateLimitException, nothing sent
        });
    }

    public static async Task<Orderbook> OrderbookWithDetailsAsync(IMarketsClient markets, ILogger logger, CancellationToken cancellationToken)
    {
        var response = await markets.GetOrderbookWithResponseAsync("SOL-PERP", cancellationToken);
        logger.LogInformation("SOL-PERP book: {Status} in {Elapsed} ms after {Attempts} attempt(s), request id {RequestId}",
            response.StatusCode, response.Elapsed.TotalMilliseconds, response.Attempts, response.RequestId);
        return response.Value.Data;
    }
}
