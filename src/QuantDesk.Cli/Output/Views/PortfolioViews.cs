using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output.Views;

/// <summary>A wallet's balances, positions (profit green, loss red, signed either way) and orders.</summary>
internal static class PortfolioViews
{
    private static readonly TableView<Balance> BalanceTable = new(
        "No balances.",
        new Column<Balance>("Asset", balance => balance.Asset),
        Column<Balance>.Number("Amount", balance => Numbers.Exact(balance.Amount)));

    private static readonly TableView<Position> PositionTable = new(
        "No open positions.",
        new Column<Position>("Market", position => position.Market),
        new Column<Position>("Side", position => position.Side.ToString(), position => position.Side == PositionSide.Long ? Palette.Gain : position.Side == PositionSide.Short ? Palette.Loss : (Style?)null),
        Column<Position>.Number("Size", position => Numbers.Exact(position.Size)),
        Column<Position>.Number("Entry", position => Numbers.Exact(position.EntryPrice)),
        Column<Position>.Number("Mark", position => Numbers.Exact(position.CurrentPrice)),
        Column<Position>.Number("Unrealized PnL", position => Numbers.Signed(position.UnrealizedPnl), position => Palette.BySign(position.UnrealizedPnl)),
        Column<Position>.Number("Leverage", position => Numbers.Leverage(position.Leverage)));

    private static readonly TableView<Order> OrderTable = new(
        "No orders.",
        new Column<Order>("Order", order => order.Id),
        new Column<Order>("Market", order => order.Market),
        new Column<Order>("Side", order => order.Side.ToString(), order => order.Side == OrderSide.Buy ? Palette.Gain : order.Side == OrderSide.Sell ? Palette.Loss : (Style?)null),
        new Column<Order>("Type", order => order.Type.ToString()),
        Column<Order>.Number("Price", order => Numbers.Exact(order.Price)),
        Column<Order>.Number("Size", order => Numbers.Exact(order.Size)),
        new Column<Order>("Status", order => order.Status.ToString()));

    public static CliView<Portfolio> Portfolio { get; } = CliView.Of(CliJsonContext.Default.Portfolio, (portfolio, _) =>
    {
        var positions = portfolio.Positions ?? [];
        var total = Total(positions);
        return new Rows(
            new Text("Balances", new Style(decoration: Decoration.Bold)),
            BalanceTable.Render(portfolio.Balances ?? []),
            new Text("Positions", new Style(decoration: Decoration.Bold)),
            PositionTable.Render(positions),
            new Markup(total is { } pnl
                ? $"Unrealized PnL, all positions: [{(pnl >= 0 ? "green" : "red")}]{Numbers.Signed(pnl)}[/]"
                : "Unrealized PnL, all positions: n/a"),
            new Text("Orders", new Style(decoration: Decoration.Bold)),
            OrderTable.Render(portfolio.Orders ?? []));
    });

    public static CliView<IReadOnlyList<Position>> Positions { get; } = CliView.Rows(CliJsonContext.Default.IReadOnlyListPosition, PositionTable);

    public static CliView<IReadOnlyList<Order>> Orders { get; } = CliView.Rows(CliJsonContext.Default.IReadOnlyListOrder, OrderTable);

    // Shown only when every position reports its PnL and the sum fits a decimal: a partial total would mislead.
    private static decimal? Total(IReadOnlyList<Position> positions)
    {
        if (positions.Count == 0 || positions.Any(position => position.UnrealizedPnl is null))
        {
            return null;
        }

        try
        {
            return positions.Sum(position => position.UnrealizedPnl!.Value);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
