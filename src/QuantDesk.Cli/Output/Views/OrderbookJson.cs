using QuantDesk.Client;

namespace QuantDesk.Cli.Output.Views;

/// <summary>An orderbook as <c>--json</c> prints it: the levels as the API sent them, with the prices computed from them.</summary>
internal sealed record OrderbookJson(
    string Market,
    string? Source,
    decimal? BestBid,
    decimal? BestAsk,
    decimal? Spread,
    decimal? Mid,
    IReadOnlyList<OrderbookLevel> Bids,
    IReadOnlyList<OrderbookLevel> Asks);
