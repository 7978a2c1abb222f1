using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output.Views;

/// <summary>Oracle prices: one row per symbol, sorted, with the source and time above.</summary>
internal static class OracleView
{
    private static readonly TableView<KeyValuePair<string, decimal>> Table = new(
        "No prices.",
        new Column<KeyValuePair<string, decimal>>("Symbol", price => price.Key),
        Column<KeyValuePair<string, decimal>>.Number("Price", price => Numbers.Exact(price.Value)));

    public static CliView<OraclePricesResponse> Prices { get; } = CliView.Projected<OraclePricesResponse, OraclePricesJson>(
        prices => new OraclePricesJson(prices.Timestamp, prices.Source, prices.Prices),
        CliJsonContext.Default.OraclePricesJson,
        (prices, _) => new Rows(
            new Text($"Oracle prices from {TerminalText.Safe(prices.Source ?? "an unnamed source")} at {Numbers.Time(prices.Timestamp)} UTC", Palette.Faint),
            Table.Render(Sorted(prices))),
        (prices, writer) => Table.WriteCsv(Sorted(prices), writer));

    private static List<KeyValuePair<string, decimal>> Sorted(OraclePricesResponse prices) =>
        [.. prices.Prices.OrderBy(price => price.Key, StringComparer.Ordinal)];
}
