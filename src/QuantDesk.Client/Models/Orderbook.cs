using System.Text.Json.Serialization;

namespace QuantDesk.Client;

/// <summary>
/// Prices computed from the book's levels. Levels without a price or with no positive size are ignored, and the
/// levels need not arrive sorted: the best bid is the highest bid, the best ask the lowest ask. Computed, so never
/// written to JSON.
/// </summary>
public partial class Orderbook
{
    /// <summary>The highest bid, or <see langword="null"/> when the book has no bids.</summary>
    [JsonIgnore]
    public OrderbookLevel? BestBid => Usable(Bids).MaxBy(level => level.Price);

    /// <summary>The lowest ask, or <see langword="null"/> when the book has no asks.</summary>
    [JsonIgnore]
    public OrderbookLevel? BestAsk => Usable(Asks).MinBy(level => level.Price);

    /// <summary>Best ask minus best bid; <see langword="null"/> when either side is empty. Negative for a crossed book.</summary>
    [JsonIgnore]
    public decimal? Spread => BestAsk?.Price - BestBid?.Price;

    /// <summary>The midpoint of the best bid and best ask; <see langword="null"/> when either side is empty.</summary>
    [JsonIgnore]
    public decimal? Mid => BestBid?.Price + ((BestAsk?.Price - BestBid?.Price) / 2);

    /// <summary>
    /// What a market order of <paramref name="size"/> would fill against this book: a buy walks the asks from the
    /// lowest price up, a sell walks the bids from the highest price down. When the book is too thin,
    /// <see cref="FillEstimate.IsComplete"/> is <see langword="false"/> and the estimate covers what the book holds.
    /// </summary>
    /// <param name="side">Buy or sell.</param>
    /// <param name="size">The size to fill, in the base asset; positive.</param>
    /// <returns>The filled size, average price and worst price reached.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="side"/> is neither buy nor sell.</exception>
    /// <exception cref="OverflowException">The notional exceeds what a <see cref="decimal"/> holds (about 7.9e28).</exception>
    public FillEstimate EstimateFill(OrderSide side, decimal size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var levels = side == OrderSide.Buy ? Usable(Asks).OrderBy(level => level.Price)
            : side == OrderSide.Sell ? Usable(Bids).OrderByDescending(level => level.Price)
            : throw new ArgumentException($"An order side is buy or sell, not '{side}'.", nameof(side));

        decimal filled = 0, notional = 0;
        decimal? worst = null;
        var used = 0;
        foreach (var level in levels)
        {
            if (filled == size)
            {
                break;
            }

            var take = Math.Min(level.Size!.Value, size - filled);
            filled += take;
            notional += take * level.Price!.Value;
            worst = level.Price;
            used++;
        }

        return new FillEstimate
        {
            Side = side,
            RequestedSize = size,
            FilledSize = filled,
            AveragePrice = filled == 0 ? null : notional / filled,
            WorstPrice = worst,
            Notional = notional,
            LevelsUsed = used,
        };
    }

    // Stryker disable once CollectionExpression : a null level added to a missing side is dropped like any level without a price
    private static IEnumerable<OrderbookLevel> Usable(IReadOnlyList<OrderbookLevel>? levels) =>
        (levels ?? []).Where(level => level is { Price: > 0, Size: > 0 });
}
