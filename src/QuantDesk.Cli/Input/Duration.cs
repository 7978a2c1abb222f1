using System.Globalization;
using System.Text.RegularExpressions;

namespace QuantDesk.Cli.Input;

/// <summary>Reads durations the way people type them: <c>500ms</c>, <c>2s</c>, <c>1.5m</c>, <c>1h</c>, <c>90</c> (seconds) or <c>00:30:00</c>.</summary>
internal static partial class Duration
{
    public const string Format = "500ms, 2s, 1.5m, 1h, a number of seconds, or hh:mm:ss";

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
        }

        var match = WithUnit().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["amount"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var milliseconds = amount * match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => 1,
            "m" or "min" => 60_000,
            "h" => 3_600_000,
            _ => 1000,
        };
        if (!double.IsFinite(milliseconds) || milliseconds <= 0 || milliseconds > TimeSpan.FromDays(7).TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    public static string Describe(TimeSpan value) => value switch
    {
        _ when value < TimeSpan.FromSeconds(1) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms"),
        _ when value < TimeSpan.FromMinutes(1) || value.Seconds != 0 => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMinutes:0} min"),
    };

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<unit>ms|s|m|min|h)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithUnit();
}
