using System.Globalization;

namespace QuantDesk.Cli.Output.Rendering;

/// <summary>Numbers as people read them, the same on every machine: decimals exactly as the API sent them.</summary>
internal static class Numbers
{
    public const string Missing = "n/a";

    public static string Exact(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>A profit or loss with its sign, so that a gain and a loss differ without colour.</summary>
    public static string Signed(decimal? value) => value switch
    {
        null => Missing,
        > 0 => "+" + value.Value.ToString(CultureInfo.InvariantCulture),
        _ => value.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Leverage(decimal? value) => value is { } leverage ? leverage.ToString(CultureInfo.InvariantCulture) + "x" : Missing;

    public static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>A fraction as a percentage with one decimal, no space before the sign: <c>-14.0%</c>.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Missing;

    /// <summary>A fraction as a signed percentage with two decimals: <c>+0.73%</c>.</summary>
    public static string SignedPercent(double? fraction) => fraction is { } value && double.IsFinite(value)
        ? (value * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%"
        : Missing;

    /// <summary>A change the API gives in percent (<c>-1.87</c>), signed: <c>-1.87%</c>.</summary>
    public static string PercentPoints(double? percent) =>
        percent is { } value ? value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : Missing;

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => Missing };

    public static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? Missing;
}
