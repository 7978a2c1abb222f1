using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;

namespace QuantDesk.Cli.Output.Views;

/// <summary>The market registry, one market, leverage tiers and a market's 24-hour stats.</summary>
internal static class MarketViews
{
    public static CliView<IReadOnlyList<Market>> Markets { get; } = CliView.Rows(CliJsonContext.Default.IReadOnlyListMarket, new TableView<Market>(
        "No markets.",
        new Column<Market>("Symbol", market => market.Symbol),
        new Column<Market>("Base", market => market.BaseAsset),
        new Column<Market>("Quote", market => market.QuoteAsset),
        new Column<Market>("Class", market => market.AssetClass.ToString()),
        Column<Market>.Number("Max leverage", market => Numbers.Leverage(market.MaxLeverage)),
        new Column<Market>("Active", market => Numbers.YesNo(market.IsActive)),
        new Column<Market>("Oracle feed", market => market.OracleFeed)));

    public static CliView<Market> Market { get; } = CliView.Of(CliJsonContext.Default.Market, (market, _) => DetailsView.Render(
        ("Symbol", market.Symbol, null),
        ("Base", market.BaseAsset, null),
        ("Quote", market.QuoteAsset, null),
        ("Asset class", market.AssetClass.ToString(), null),
        ("Max leverage", Numbers.Leverage(market.MaxLeverage), null),
        ("Active", Numbers.YesNo(market.IsActive), market.IsActive == false ? Palette.Loss : (Spectre.Console.Style?)null),
        ("Oracle feed", market.OracleFeed, null)));

    public static CliView<IReadOnlyList<LeverageTier>> LeverageTiers { get; } = CliView.Rows(CliJsonContext.Default.IReadOnlyListLeverageTier, new TableView<LeverageTier>(
        "No leverage tiers.",
        new Column<LeverageTier>("Asset class", tier => tier.AssetClass.ToString()),
        Column<LeverageTier>.Number("Max leverage", tier => Numbers.Leverage(tier.MaxLeverage))));

    public static CliView<MarketStats> Stats { get; } = CliView.Of(CliJsonContext.Default.MarketStats, (stats, _) => DetailsView.Render(
        ("Symbol", stats.Symbol, null),
        ("Last price", Numbers.Exact(stats.LastPrice), null),
        ("24h change", Numbers.PercentPoints(stats.Change24h), Palette.BySign(stats.Change24h)),
        ("24h volume", Numbers.Exact(stats.Volume24h), null),
        ("Open interest", Numbers.Exact(stats.OpenInterest), null)));
}
