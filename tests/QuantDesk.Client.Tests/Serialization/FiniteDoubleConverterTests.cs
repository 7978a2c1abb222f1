using System.Text.Json;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client.Tests.Serialization;

/// <summary>Doubles (ratios such as Sharpe) read plain or quoted, and never as infinity.</summary>
public sealed class FiniteDoubleConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new FiniteDoubleConverter() } };

    [TestCase("1.84", 1.84)]
    [TestCase("\"1.84\"", 1.84)]
    [TestCase("\"-2.5e-3\"", -0.0025)]
    public void A_number_reads_plain_or_quoted(string json, double value) =>
        Assert.That(JsonSerializer.Deserialize<double>(json, Options), Is.EqualTo(value));

    [TestCase("1e400")]
    [TestCase("\"1e400\"")]
    [TestCase("\"1,84\"")]
    [TestCase("\"NaN\"")]
    public void A_number_that_is_no_finite_double_is_an_unusable_body(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<double>(json, Options));
}
