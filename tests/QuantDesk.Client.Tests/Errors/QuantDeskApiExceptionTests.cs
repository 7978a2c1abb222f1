using System.Text.Json;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Tests.Errors;

/// <summary>The exception shapes the generated code constructs, built directly: what each one carries.</summary>
public sealed class QuantDeskApiExceptionTests
{
    private static readonly Dictionary<string, IEnumerable<string>> NoHeaders = [];

    [TestCase(null)]
    [TestCase("")]
    public void An_unusable_empty_success_body_gets_a_JsonException_that_calls_it_empty(string? body)
    {
        var exception = new QuantDeskApiException("Response was null which was not expected.", 200, body, NoHeaders, innerException: null);

        Assert.That(exception.InnerException, Is.TypeOf<JsonException>().With.Message.EqualTo("The response body (empty) is not the documented JSON object."));
    }

    [Test]
    public void The_typed_shape_keeps_its_result_and_the_details_of_the_answer()
    {
        var exception = new QuantDeskApiException<string>("Could not deserialize.", 200, "{}", NoHeaders, "the result", innerException: null);

        Assert.Multiple(() =>
        {
            Assert.That(exception.Result, Is.EqualTo("the result"));
            Assert.That(exception.StatusCode, Is.EqualTo(200));
            Assert.That(exception.ResponseBody, Is.EqualTo("{}"));
        });
    }
}
