using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;

namespace QuantDesk.Cli.Commands.Markets;

/// <summary><c>quantdesk markets orderbook SYMBOL [--depth N]</c>: the book as a depth view.</summary>
internal static class OrderbookCommand
{
    public const int DefaultDepth = 10;

    public static Command Create(CommandRunner runner)
    {
        var symbol = TextArgument.Symbol();
        var depth = new Option<int>("--depth")
        {
            Description = $"Levels shown per side (the JSON has them all). Default: {DefaultDepth}.",
            HelpName = "levels",
            DefaultValueFactory = _ => DefaultDepth,
            CustomParser = OptionParsers.WholeNumber(1, 500),
        };
        var orderbook = new Command("orderbook", "Show a market's orderbook as a depth view: asks above, bids below, bars of the size resting up to each level, spread and mid on top.") { symbol, depth };
        runner.SetAction(orderbook, async (invocation, cancellationToken) =>
        {
            var market = invocation.ParseResult.GetRequiredValue(symbol).Trim();
            var response = await invocation.Api.Markets.GetOrderbookAsync(market, cancellationToken).ConfigureAwait(false);
            return invocation.Show(new MarketOrderbook(market, response.Data, response.Source), OrderbookView.Create(invocation.ParseResult.GetValue(depth)));
        });
        return orderbook;
    }
}
