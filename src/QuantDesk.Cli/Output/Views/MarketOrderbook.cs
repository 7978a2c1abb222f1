using QuantDesk.Client;

namespace QuantDesk.Cli.Output.Views;

/// <summary>A market's orderbook with where it came from, as one result.</summary>
internal sealed record MarketOrderbook(string Market, Orderbook Book, OrderbookSource Source);
