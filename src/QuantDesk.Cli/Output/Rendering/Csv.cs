namespace QuantDesk.Cli.Output.Rendering;

/// <summary>
/// RFC 4180 fields. Text from the API that a spreadsheet would run as a formula (starting with =, +, -, @, a tab
/// or a carriage return) is prefixed with an apostrophe, as OWASP advises; numbers are left as they are.
/// </summary>
internal static class Csv
{
    public static string Field(string? value, bool isNumber)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!isNumber && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
