using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Markets;

/// <summary><c>quantdesk markets candles SYMBOL [--resolution 1h] [--sparkline] [--height N] [--csv]</c>.</summary>
internal static class CandlesCommand
{
    public static Command Create(CommandRunner runner)
    {
        var symbol = TextArgument.Symbol();
        var resolution = new Option<string>("--resolution")
        {
            Description = $"The candle width: {string.Join(", ", CandleResolution.KnownValues)} (or any other the API knows). Default: {CandleResolution.OneHour}.",
            HelpName = "width",
            DefaultValueFactory = _ => CandleResolution.OneHour.ToString(),
        };
        resolution.CompletionSources.Add([.. CandleResolution.KnownValues.Select(value => value.ToString())]);
        resolution.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--resolution must not be blank.");
            }
        });
        var sparkline = new Option<bool>("--sparkline") { Description = "One line of closes instead of the candlestick chart." };
        var height = new Option<int>("--height")
        {
            Description = $"Rows of the chart. Default: {CandlesView.DefaultHeight}.",
            HelpName = "rows",
            DefaultValueFactory = _ => CandlesView.DefaultHeight,
            CustomParser = OptionParsers.WholeNumber(3, 50),
        };
        var candles = new Command("candles", "Show a market's OHLCV candles as a chart (or --sparkline) with the range, change, high and low; --csv for spreadsheets.")
        {
            symbol, resolution, sparkline, height,
        };
        runner.OffersCsv(candles);
        runner.SetAction(candles, async (invocation, cancellationToken) =>
        {
            var parsed = invocation.ParseResult;
            var market = parsed.GetRequiredValue(symbol).Trim();
            var width = new CandleResolution(parsed.GetRequiredValue(resolution).Trim());
            var response = await invocation.Api.MarketData.GetCandlesAsync(market, width, cancellationToken).ConfigureAwait(false);
            return invocation.Show(new CandleSeries(market, width, response.Data), CandlesView.Create(parsed.GetValue(sparkline), parsed.GetValue(height)));
        });
        return candles;
    }
}
