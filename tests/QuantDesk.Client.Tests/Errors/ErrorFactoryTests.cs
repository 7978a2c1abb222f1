using System.Net;
using System.Text;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Tests.Errors;

/// <summary>Exceptions built from answers the pipeline did not shape: no content type, header lists without values.</summary>
public sealed class ErrorFactoryTests
{
    [Test]
    public void A_foreign_body_without_a_content_type_is_described_so()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new ByteArrayContent("oops"u8.ToArray()) };

        var exception = ErrorFactory.FromResponse(response, Encoding.UTF8.GetBytes("oops"), TimeProvider.System);

        Assert.That(exception.Message, Does.EndWith(". The body is not a QuantDesk error (no content type, 4 characters)."));
    }

    [Test]
    public void Headers_listed_without_a_value_read_as_absent()
    {
        var headers = new Dictionary<string, IEnumerable<string>>
        {
            ["X-Request-ID"] = [],
            ["Retry-After"] = [],
            ["Date"] = [],
            ["Content-Type"] = [],
        };

        var details = ErrorFactory.FromGeneratedCode(200, "oops", headers, "Could not deserialize the response body.");

        Assert.Multiple(() =>
        {
            Assert.That(details.RequestId, Is.Null);
            Assert.That(details.RetryAfter, Is.Null);
            Assert.That(details.Message, Does.EndWith("(no content type, 4 characters)."));
        });
    }
}
