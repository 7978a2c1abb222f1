using System.Text;
using System.Text.Json;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client.Tests.Serialization;

/// <summary>
/// Unix-millisecond timestamps (candle times): whole numbers take an integer path, anything else the decimal one;
/// both must give the same instant and refuse the same range.
/// </summary>
public sealed class UnixMillisecondsJsonConverterTests
{
    private static readonly DateTimeOffset ExampleTime = new(2026, 1, 2, 22, 50, 0, TimeSpan.Zero);

    [TestCase("1767394200000")]
    [TestCase("1767394200000.0")]
    [TestCase("1.7673942e12")]
    [TestCase("\"1767394200000\"")]
    public void The_contract_example_time_reads_the_same_in_every_form(string json)
    {
        Assert.That(Read(json), Is.EqualTo(ExampleTime));
        Assert.That(Read(json).Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_fraction_of_a_millisecond_is_kept()
    {
        Assert.That(Read("1767394200000.5"), Is.EqualTo(ExampleTime.AddTicks(TimeSpan.TicksPerMillisecond / 2)));
    }

    [Test]
    public void Whole_milliseconds_read_as_the_decimal_path_reads_them()
    {
        var random = new Random(7);
        long[] samples = [0, -1, 1, long.Parse("-62135596800000"), long.Parse("253402300799999"), .. Enumerable.Range(0, 200).Select(_ => random.NextInt64(-62135596800000, 253402300799999))];
        foreach (var milliseconds in samples)
        {
            Assert.That(Read(milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(DateTimeOffset.UnixEpoch.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond)), $"{milliseconds}");
        }
    }

    [TestCase("-62135596800000", TestName = "The_first_millisecond_of_year_1_reads")]
    [TestCase("253402300799999", TestName = "The_last_millisecond_of_year_9999_reads")]
    [TestCase("-62135596800000.0", TestName = "The_first_millisecond_of_year_1_reads_with_a_fraction")]
    [TestCase("\"253402300799999\"", TestName = "The_last_millisecond_of_year_9999_reads_quoted")]
    public void The_bounds_read(string json)
    {
        Assert.That(() => Read(json), Throws.Nothing);
    }

    [TestCase("-62135596800001")]
    [TestCase("253402300800000")]
    [TestCase("253402300799999.5")]
    [TestCase("9223372036854775807")]
    [TestCase("-9223372036854775808")]
    [TestCase("99999999999999999999")]
    [TestCase("1e30")]
    [TestCase("\"253402300800000\"")]
    public void A_time_outside_the_years_1_to_9999_is_refused(string json)
    {
        Assert.That(() => Read(json), Throws.InstanceOf<JsonException>().With.Message.Contains("outside the years 1 to 9999"));
    }

    [TestCase("\"soon\"")]
    [TestCase("true")]
    [TestCase("null")]
    public void A_value_that_is_not_a_number_is_refused(string json)
    {
        Assert.That(() => Read(json), Throws.InstanceOf<JsonException>());
    }

    private static DateTimeOffset Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new UnixMillisecondsJsonConverter().Read(ref reader, typeof(DateTimeOffset), JsonSerializerOptions.Default);
    }
}
