using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output.Rendering;

/// <summary>The colours the views share: gains and bids green, losses and asks red.</summary>
internal static class Palette
{
    public static readonly Style Gain = new(Color.Green);
    public static readonly Style Loss = new(Color.Red);
    public static readonly Style Pending = new(Color.Yellow);
    public static readonly Style Faint = new(Color.Grey);

    public static Style? BySign(decimal? value) => value switch { > 0 => Gain, < 0 => Loss, _ => (Style?)null };

    public static Style? BySign(double? value) => value switch { > 0 => Gain, < 0 => Loss, _ => (Style?)null };

    public static Style RunStatus(BacktestRunStatus status) =>
        status.IsCompleted ? Gain : status.IsInProgress ? Pending : Loss;
}
