namespace QuantDesk.Client.Tests.Readme;

// The C# blocks of README.md's per-area sections, verbatim (see ReadmeSnippets.cs); AreaSnippetTests runs them.
public static class AreaSnippets
{
    public static async Task<string> MarketsAsync(IQuantDeskClient quantDesk, CancellationToken cancellationToken)
    {
        var markets = (await quantDesk.Markets.ListMarketsAsync(AssetClass.Crypto, cancellationToken)).Data;
        var book = (await quantDesk.Markets.GetOrderbookAsync("SOL-PERP", cancellationToken)).Data;
        var fill = book.EstimateFill(OrderSide.Buy, size: 250m);
        return $"{markets.Count} markets; SOL-PERP bid {book.BestBid?.Price} ask {book.BestAsk?.Price} mid {book.Mid}, " +
               $"buying 250 fills {fill.FilledSize} at {fill.AveragePrice} (complete: {fill.IsComplete})";
    }

    public static async Task<decimal?> OracleAsync(IQuantDeskClient quantDesk, CancellationToken cancellationToken)
    {
        var prices = await quantDesk.Oracle.GetOraclePricesAsync(cancellationToken);
        return prices.TryGetPrice("SOL-PERP", out var price) ? price : null;   // prices.Timestamp is a UTC DateTimeOffset
    }

    public static async Task<decimal> PortfolioAsync(IQuantDeskClient quantDesk, CancellationToken cancellationToken)
    {
        try
        {
            var positions = (await quantDesk.Portfolio.GetPortfolioPositionsAsync(cancellationToken)).Data;
            return positions.Sum(position => position.UnrealizedPnl ?? 0m);
        }
        catch (QuantDeskNotFoundException error) when (error.ErrorCode == QuantDeskErrorCodes.PortfolioNotFound)
        {
            return 0m;   // the wallet has not initialized a portfolio yet
        }
    }

    public static async Task<IReadOnlyList<Candle>> CandlesAsync(IQuantDeskClient quantDesk, CancellationToken cancellationToken)
    {
        var candles = (await quantDesk.MarketData.GetCandlesAsync("SOL-PERP", CandleResolution.OneHour, cancellationToken)).Data;
        var stats = (await quantDesk.MarketData.GetMarketStatsAsync("SOL-PERP", cancellationToken)).Data;
        Console.WriteLine($"{candles.Count} candles from {candles[0].Time:u}; last {stats.LastPrice}, 24 h {stats.Change24h:+0.00;-0.00} %");
        return candles;
    }

    public static async Task<List<LeaderboardRow>> LeaderboardAsync(IQuantDeskClient quantDesk, CancellationToken cancellationToken)
    {
        var verified = new List<LeaderboardRow>();
        await foreach (var row in quantDesk.Social.GetLeaderboardRowsAsync(pageSize: 50, cancellationToken))
        {
            if (row.Badges?.Contains("gate-verified") == true)
            {
                verified.Add(row);
            }
        }

        return verified;
    }

    public static async Task<string?> PublishAsync(IQuantDeskClient quantDesk, string runId, CancellationToken cancellationToken)
    {
        try
        {
            var card = (await quantDesk.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = runId, Title = "BTC MR — verified" }, cancellationToken)).Data;
            return card.FlexCardId;
        }
        catch (QuantDeskForbiddenException error) when (error.IsDeployGateFailure)
        {
            return null;   // the run did not pass the deploy gate; the token was fine
        }
    }

    public static async Task<bool> ReferralAsync(IQuantDeskClient quantDesk, string referrer, CancellationToken cancellationToken)
    {
        var check = (await quantDesk.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = referrer }, cancellationToken)).Data;
        return check.IsLoop == false;   // safe to send the on-chain SetReferrer transaction
    }

    public static IQuantDeskClient Standalone(string token)
    {
        var quantDesk = new QuantDeskClient(new QuantDeskClientOptions { AccessToken = token });
        return quantDesk;
    }
}
