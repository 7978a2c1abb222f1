using System.Globalization;

namespace QuantDesk.Cli.Output;

/// <summary>Metrics as people read them, the same on every machine (invariant culture).</summary>
internal static class MetricFormat
{
    public const string Missing = "n/a";

    public static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? Missing;

    public static string Percent(double? value) => value is { } fraction
        ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : Missing;
}
