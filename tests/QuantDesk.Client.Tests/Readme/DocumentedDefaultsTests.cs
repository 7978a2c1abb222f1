using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Readme;

/// <summary>
/// The README's defaults and its exception table, read from the document and compared with the code, so neither can
/// change without the other.
/// </summary>
public sealed partial class DocumentedDefaultsTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));

    public static IEnumerable<TestCaseData> OptionRows() =>
        OptionRow().Matches(Readme)
            .SelectMany(row => Pairs(row.Groups["names"].Value, row.Groups["defaults"].Value))
            .Where(pair => typeof(QuantDeskClientOptions).GetProperty(pair.Name.Split('.')[0]) is not null)
            .Select(pair => new TestCaseData(pair.Name, pair.Default).SetArgDisplayNames(pair.Name));

    [Test]
    public void The_readme_has_a_default_for_each_documented_option_group() =>
        Assert.That(OptionRows().Select(row => (string)row.Arguments[0]!), Is.SupersetOf(new[]
        {
            "Retry.MaxRetryAttempts", "Retry.BaseDelay", "Retry.MaxDelay", "Retry.MaxRetryAfter", "AttemptTimeout", "TotalTimeout",
            "MaxResponseContentLength", "MaxRedirects", "RateBudget.PermitLimit", "RateBudget.Window", "RateBudget.QueueLimit", "RateBudget.WhenExhausted",
        }));

    [TestCaseSource(nameof(OptionRows))]
    public void Each_default_in_the_readmes_option_tables_is_the_codes(string name, string documented)
    {
        var (type, value) = ValueOf(new QuantDeskClientOptions(), name);

        Assert.That(Parse(documented, type), Is.EqualTo(value), $"README says {name} defaults to {documented}");
    }

    [TestCase("MaxPollInterval")]
    [TestCase("NotFoundGracePeriod")]
    [TestCase("Timeout")]
    public void Each_wait_default_the_readme_names_is_the_codes(string name)
    {
        var documented = Regex.Match(Readme, $@"`{name}` \((?<value>[^)]+)\)");
        var value = typeof(BacktestWaitOptions).GetProperty(name)!.GetValue(new BacktestWaitOptions());

        Assert.That(documented.Success, Is.True, $"README names the default of {name}");
        Assert.That(Parse(documented.Groups["value"].Value, typeof(TimeSpan)), Is.EqualTo(value));
    }

    [Test]
    public void The_first_poll_interval_the_readme_names_is_the_codes()
    {
        var documented = Regex.Match(Readme, @"polls `GetBacktestRunAsync` at once, then\s+after (?<value>\d+ \w+),");

        Assert.That(Parse(documented.Groups["value"].Value, typeof(TimeSpan)), Is.EqualTo(new BacktestWaitOptions().InitialPollInterval));
    }

    [Test]
    public void The_exception_table_lists_exactly_the_exceptions_the_client_throws()
    {
        var documented = ExceptionRow().Matches(Readme).Select(row => row.Groups["name"].Value);
        var thrown = typeof(QuantDeskException).Assembly.GetExportedTypes()
            .Where(type => type.IsSubclassOf(typeof(QuantDeskException)) && !type.IsAbstract)
            .Select(type => type.Name);

        Assert.That(documented, Is.EquivalentTo(thrown));
    }

    private static IEnumerable<(string Name, string Default)> Pairs(string names, string defaults)
    {
        var nameList = Regex.Matches(names, "`([^`]+)`").Select(match => match.Groups[1].Value).ToList();
        var defaultList = defaults.Split(" / ");
        return nameList.Count == defaultList.Length ? nameList.Zip(defaultList, (name, value) => (name, value.Trim())) : [];
    }

    private static (Type Type, object? Value) ValueOf(object options, string path)
    {
        object? value = options;
        var type = options.GetType();
        foreach (var part in path.Split('.'))
        {
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance) ?? throw new AssertionException($"README documents {path}, which the options do not have");
            type = property.PropertyType;
            value = property.GetValue(value);
        }

        return (type, value);
    }

    private static object? Parse(string text, Type type)
    {
        text = text.Trim().Trim('`');
        if (text == "none")
        {
            return null;
        }

        if (type == typeof(TimeSpan))
        {
            var match = Regex.Match(text, @"^(?<n>\d+(?:\.\d+)?) (?<unit>ms|s|min|hour|h)$");
            var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            return match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "min" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, text);
        }

        var number = Regex.Match(text, @"^(?<n>[\d,]+)(?: (?<unit>MiB|KiB))?");
        var count = long.Parse(number.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        count *= number.Groups["unit"].Value switch { "MiB" => 1024 * 1024, "KiB" => 1024, _ => 1 };
        return Convert.ChangeType(count, type, CultureInfo.InvariantCulture);
    }

    // A row of an options table: "| `Name` | default | meaning |" or "| `A` / `B` | a / b | meaning |".
    [GeneratedRegex(@"^\| (?<names>`(?:Retry\.|RateBudget\.)?[A-Z]\w*`(?: / `[\w.]+`)?) \| (?<defaults>[^|]+?) \| ", RegexOptions.Multiline)]
    private static partial Regex OptionRow();

    [GeneratedRegex(@"^\| `(?<name>QuantDesk\w*Exception)` \| ", RegexOptions.Multiline)]
    private static partial Regex ExceptionRow();
}
