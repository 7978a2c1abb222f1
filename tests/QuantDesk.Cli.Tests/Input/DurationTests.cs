using QuantDesk.Cli.Input;

namespace QuantDesk.Cli.Tests.Input;

public sealed class DurationTests
{
    [TestCase("500ms", 500)]
    [TestCase("2s", 2_000)]
    [TestCase("2", 2_000)]
    [TestCase("1.5m", 90_000)]
    [TestCase("10min", 600_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase("00:00:30", 30_000)]
    [TestCase(" 3S ", 3_000)]
    public void Reads_durations_as_people_type_them(string text, int milliseconds)
    {
        Assert.That(Duration.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("-1s")]
    [TestCase("5 weeks")]
    [TestCase("1e9h")]
    [TestCase("00:00:00")]
    [TestCase("soon")]
    public void Refuses_what_is_not_a_positive_duration(string text)
    {
        Assert.That(Duration.TryParse(text, out _), Is.False);
    }

    [TestCase(100, "100 ms")]
    [TestCase(1_000, "1 s")]
    [TestCase(1_500, "1.5 s")]
    [TestCase(1_800_000, "30 min")]
    public void Describes_durations_in_the_unit_that_reads_best(int milliseconds, string expected)
    {
        Assert.That(Duration.Describe(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(expected));
    }
}
