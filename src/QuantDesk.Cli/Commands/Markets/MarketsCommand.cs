using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Markets;

/// <summary><c>quantdesk markets</c>: the registry, one market, leverage tiers, the orderbook, stats and candles.</summary>
internal static class MarketsCommand
{
    public static Command Create(CommandRunner runner) =>
        new("markets", "Markets: the registry, leverage tiers, orderbook depth, 24-hour stats and candles.")
        {
            List(runner),
            Get(runner),
            Tiers(runner),
            OrderbookCommand.Create(runner),
            Stats(runner),
            CandlesCommand.Create(runner),
        };

    private static Command List(CommandRunner runner)
    {
        var assetClass = new Option<string?>("--asset-class")
        {
            Description = $"Only markets of this asset class ({string.Join(", ", AssetClass.KnownValues)}, or any other the API knows).",
            HelpName = "class",
        };
        assetClass.CompletionSources.Add([.. AssetClass.KnownValues.Select(value => value.ToString())]);
        var list = new Command("list", "List the markets: symbol, assets, class, max leverage, whether active, oracle feed.") { assetClass };
        runner.OffersCsv(list);
        runner.SetAction(list, async (invocation, cancellationToken) =>
        {
            AssetClass? filter = invocation.ParseResult.GetValue(assetClass) is { } text ? new AssetClass(text.Trim()) : (AssetClass?)null;
            return invocation.Show((await invocation.Api.Markets.ListMarketsAsync(filter, cancellationToken).ConfigureAwait(false)).Data, MarketViews.Markets);
        });
        return list;
    }

    private static Command Get(CommandRunner runner)
    {
        var symbol = TextArgument.Symbol();
        var get = new Command("get", "Show one market's registry entry.") { symbol };
        runner.SetAction(get, async (invocation, cancellationToken) =>
        {
            return invocation.Show((await invocation.Api.Markets.GetMarketAsync(invocation.ParseResult.GetRequiredValue(symbol).Trim(), cancellationToken).ConfigureAwait(false)).Data, MarketViews.Market);
        });
        return get;
    }

    private static Command Tiers(CommandRunner runner)
    {
        var tiers = new Command("tiers", "List the leverage caps per asset class.");
        runner.OffersCsv(tiers);
        runner.SetAction(tiers, async (invocation, cancellationToken) =>
        {
            return invocation.Show((await invocation.Api.Markets.GetLeverageTiersAsync(cancellationToken).ConfigureAwait(false)).Data, MarketViews.LeverageTiers);
        });
        return tiers;
    }

    private static Command Stats(CommandRunner runner)
    {
        var symbol = TextArgument.Symbol();
        var stats = new Command("stats", "Show a market's last price, 24-hour change and volume, and open interest.") { symbol };
        runner.SetAction(stats, async (invocation, cancellationToken) =>
        {
            return invocation.Show((await invocation.Api.MarketData.GetMarketStatsAsync(invocation.ParseResult.GetRequiredValue(symbol).Trim(), cancellationToken).ConfigureAwait(false)).Data, MarketViews.Stats);
        });
        return stats;
    }
}
