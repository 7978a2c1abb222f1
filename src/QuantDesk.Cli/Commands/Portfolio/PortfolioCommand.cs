using System.CommandLine;
using QuantDesk.Cli.Output.Views;

namespace QuantDesk.Cli.Commands.Portfolio;

/// <summary><c>quantdesk portfolio show | positions | orders</c>: the token's wallet.</summary>
internal static class PortfolioCommand
{
    public static Command Create(CommandRunner runner)
    {
        var show = new Command("show", "Show the wallet's balances, positions (PnL green or red, signed) and orders.");
        runner.SetAction(show, async (invocation, cancellationToken) =>
            invocation.Show((await invocation.Api.Portfolio.GetPortfolioAsync(cancellationToken).ConfigureAwait(false)).Data, PortfolioViews.Portfolio), needsToken: true);

        var positions = new Command("positions", "List the wallet's open positions with entry, mark and unrealized PnL.");
        runner.OffersCsv(positions);
        runner.SetAction(positions, async (invocation, cancellationToken) =>
            invocation.Show((await invocation.Api.Portfolio.GetPortfolioPositionsAsync(cancellationToken).ConfigureAwait(false)).Data, PortfolioViews.Positions), needsToken: true);

        var orders = new Command("orders", "List the wallet's orders.");
        runner.OffersCsv(orders);
        runner.SetAction(orders, async (invocation, cancellationToken) =>
            invocation.Show((await invocation.Api.Portfolio.GetPortfolioOrdersAsync(cancellationToken).ConfigureAwait(false)).Data, PortfolioViews.Orders), needsToken: true);

        return new Command("portfolio", "Your wallet (the token's): balances, positions and orders. Needs a token.") { show, positions, orders };
    }
}
