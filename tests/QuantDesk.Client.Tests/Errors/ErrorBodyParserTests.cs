using System.Text;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Tests.Errors;

/// <summary>The <c>Error</c> fields read out of any body: never an exception, and nothing taken from an ambiguous one.</summary>
public sealed class ErrorBodyParserTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("  \r\n")]
    public void No_body_has_no_fields_and_is_no_JSON_object(string? body) =>
        Assert.That(ErrorBodyParser.Parse(body), Is.EqualTo(default(ErrorBody)));

    [Test]
    public void Fields_of_a_body_of_another_shape_are_read_one_by_one_and_it_counts_as_a_JSON_object()
    {
        var parsed = ErrorBodyParser.Parse("""{"code": "RATE_LIMITED", "message": 42, "timestamp": 1700000000}""");

        Assert.Multiple(() =>
        {
            Assert.That(parsed.IsJsonObject, Is.True);
            Assert.That(parsed.Code, Is.EqualTo("RATE_LIMITED"));
            Assert.That(parsed.Message, Is.Null);
            Assert.That(parsed.Timestamp, Is.Null);
        });
    }

    // Two values for one field leave no telling which the server meant: none of the body is taken.
    [Test]
    public void A_body_of_another_shape_with_a_field_given_twice_yields_nothing()
    {
        var body = Encoding.UTF8.GetBytes("""{"code": "A", "code": "B", "timestamp": 1700000000}""");

        Assert.That(ErrorBodyParser.Parse(body), Is.EqualTo(default(ErrorBody)));
    }

    [TestCase("[1, 2]")]
    [TestCase("\"text\"")]
    [TestCase("<html>")]
    [TestCase("{\"code\": \"trunc")]
    public void A_body_that_is_no_JSON_object_yields_nothing(string body) =>
        Assert.That(ErrorBodyParser.Parse(body), Is.EqualTo(default(ErrorBody)));
}
