using System.Net;
using QuantDesk.Client.Http;

namespace QuantDesk.Client.Tests.Http;

public sealed class ResponseHeadersTests
{
    [Test]
    public void Shows_response_and_content_headers_by_case_insensitive_name()
    {
        using var response = Response();

        var headers = new ResponseHeaders(response);

        Assert.Multiple(() =>
        {
            Assert.That(headers["x-request-id"], Is.EqualTo(new[] { "req_1" }));
            Assert.That(headers.TryGetValue("Content-Type", out var contentType), Is.True);
            Assert.That(contentType, Is.EqualTo(new[] { "application/json" }));
            Assert.That(headers.ContainsKey("Retry-After"), Is.False);
            Assert.That(headers.Keys, Is.EquivalentTo(new[] { "X-Request-ID", "Content-Type" }));
            Assert.That(headers, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Copies_the_headers_when_first_read_not_when_created()
    {
        using var response = Response();

        var headers = new ResponseHeaders(response);
        response.Headers.TryAddWithoutValidation("Retry-After", "5");

        Assert.That(headers["Retry-After"], Is.EqualTo(new[] { "5" }));
    }

    [Test]
    public void The_sent_token_is_taken_out_of_a_header_even_when_only_one_of_its_values_echoes_it()
    {
        using var response = Response();
        response.Headers.TryAddWithoutValidation("X-Echo", ["plain", "Bearer sent-token-123"]);

        var headers = new ResponseHeaders(response, "sent-token-123");

        Assert.That(headers["X-Echo"], Has.Length.EqualTo(2).And.Contains("plain").And.None.Contains("sent-token-123"));
    }

    private static HttpResponseMessage Response()
    {
        var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent("{}"u8.ToArray()) };
        response.Headers.TryAddWithoutValidation("X-Request-ID", "req_1");
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return response;
    }
}
