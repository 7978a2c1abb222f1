using QuantDesk.Cli.Output.Rendering;

namespace QuantDesk.Cli.Tests.Output;

public sealed class NumbersTests
{
    [Test]
    public void Ratios_have_two_decimals_and_drawdowns_are_percentages_in_any_culture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.That(Numbers.Ratio(1.8449), Is.EqualTo("1.84"));
            Assert.That(Numbers.Percent(-0.14), Is.EqualTo("-14.0%"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Test]
    public void Missing_metrics_read_as_not_available()
    {
        Assert.That((Numbers.Ratio(null), Numbers.Percent(null)), Is.EqualTo(("n/a", "n/a")));
    }
}
