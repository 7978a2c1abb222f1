using System.CommandLine.Parsing;
using System.Globalization;
using QuantDesk.Cli.Input;

namespace QuantDesk.Cli.Commands;

/// <summary>Parsers for option values, with messages that say what was expected.</summary>
internal static class OptionParsers
{
    public static Uri? HttpAddress(ArgumentResult result)
    {
        var text = Single(result);
        if (Uri.TryCreate(text, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp))
        {
            return address;
        }

        result.AddError($"{OptionName(result)} must be an absolute http(s) address such as https://api.quantdesk.app/; got '{text}'.");
        return null;
    }

    public static TimeSpan? PositiveDuration(ArgumentResult result)
    {
        var text = Single(result);
        if (Duration.TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be a positive duration ({Duration.Format}); got '{text}'.");
        return null;
    }

    public static decimal BasisPoints(ArgumentResult result)
    {
        var text = Single(result);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be a number of basis points, zero or more (for example 5 or 2.5); got '{text}'.");
        return 0;
    }

    public static int RetryCount(ArgumentResult result)
    {
        var text = Single(result);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10)
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be a whole number from 0 to 10; got '{text}'.");
        return 0;
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static Func<ArgumentResult, int> WholeNumber(int minimum, int maximum) => result =>
    {
        var text = Single(result);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be a whole number from {minimum} to {maximum}; got '{text}'.");
        return minimum;
    };

    private static string Single(ArgumentResult result) => result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;

    private static string OptionName(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
}
