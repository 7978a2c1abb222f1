using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Oracle;

/// <summary><c>quantdesk oracle prices [SYMBOL...]</c>: Pyth oracle prices, all or some.</summary>
internal static class OracleCommand
{
    public static Command Create(CommandRunner runner)
    {
        var symbols = new Argument<string[]>("SYMBOL")
        {
            Description = "Only these symbols, for example SOL-PERP BTC-PERP; a symbol the oracle does not price is not found (exit code 3). Default: all.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var prices = new Command("prices", "Show the oracle's current prices, with their source and time.") { symbols };
        runner.OffersCsv(prices);
        runner.SetAction(prices, async (invocation, cancellationToken) =>
        {
            var response = await invocation.Api.Oracle.GetOraclePricesAsync(cancellationToken).ConfigureAwait(false);
            var wanted = invocation.ParseResult.GetValue(symbols) ?? [];
            return invocation.Show(wanted.Length == 0 ? response : Only(response, wanted), OracleView.Prices);
        });

        return new Command("oracle", "Oracle prices (Pyth).") { prices };
    }

    private static OraclePricesResponse Only(OraclePricesResponse response, string[] symbols)
    {
        var chosen = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var symbol in symbols.Select(symbol => symbol.Trim()))
        {
            if (!response.TryGetPrice(symbol, out var price))
            {
                throw new CliNotFoundException($"the oracle has no price for '{Output.Rendering.TerminalText.Safe(symbol)}'; it prices {string.Join(", ", response.Prices.Keys.Order(StringComparer.Ordinal).Select(Output.Rendering.TerminalText.Safe))}.");
            }

            chosen[symbol] = price;
        }

        return new OraclePricesResponse { Success = response.Success, Data = chosen, Timestamp = response.Timestamp, Source = response.Source };
    }
}
