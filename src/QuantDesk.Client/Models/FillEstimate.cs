namespace QuantDesk.Client;

/// <summary>What a market order would fill against an orderbook (<see cref="Orderbook.EstimateFill"/>).</summary>
public sealed record FillEstimate
{
    internal FillEstimate()
    {
    }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>The size asked for.</summary>
    public required decimal RequestedSize { get; init; }

    /// <summary>The size the book can fill; less than <see cref="RequestedSize"/> when it is too thin.</summary>
    public required decimal FilledSize { get; init; }

    /// <summary>The size-weighted average fill price; <see langword="null"/> when nothing fills.</summary>
    public required decimal? AveragePrice { get; init; }

    /// <summary>The last level's price the order reaches; <see langword="null"/> when nothing fills.</summary>
    public required decimal? WorstPrice { get; init; }

    /// <summary>The filled size times its prices, in the quote asset.</summary>
    public required decimal Notional { get; init; }

    /// <summary>How many levels the order walks.</summary>
    public required int LevelsUsed { get; init; }

    /// <summary>Whether the book holds the whole requested size.</summary>
    public bool IsComplete => FilledSize == RequestedSize;

    /// <summary>The size the book cannot fill.</summary>
    public decimal UnfilledSize => RequestedSize - FilledSize;
}
