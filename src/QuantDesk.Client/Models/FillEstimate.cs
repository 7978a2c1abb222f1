namespace QuantDesk.Client;

/// <summary>What a market order would fill against an orderbook (<see cref="Orderbook.EstimateFill"/>).</summary>
/// <param name="Side">Buy or sell.</param>
/// <param name="RequestedSize">The size asked for.</param>
/// <param name="FilledSize">The size the book can fill; less than <paramref name="RequestedSize"/> when it is too thin.</param>
/// <param name="AveragePrice">The size-weighted average fill price; <see langword="null"/> when nothing fills.</param>
/// <param name="WorstPrice">The last level's price the order reaches; <see langword="null"/> when nothing fills.</param>
/// <param name="Notional">The filled size times its prices, in the quote asset.</param>
/// <param name="LevelsUsed">How many levels the order walks.</param>
public sealed record FillEstimate(OrderSide Side, decimal RequestedSize, decimal FilledSize, decimal? AveragePrice, decimal? WorstPrice, decimal Notional, int LevelsUsed)
{
    /// <summary>Whether the book holds the whole requested size.</summary>
    public bool IsComplete => FilledSize == RequestedSize;

    /// <summary>The size the book cannot fill.</summary>
    public decimal UnfilledSize => RequestedSize - FilledSize;
}
