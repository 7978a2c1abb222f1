using QuantDesk.Client.Authentication;

namespace QuantDesk.Client.Tests.Authentication;

/// <summary>Which token a request carried, read back from its Authorization header, and its redaction from server text.</summary>
public sealed class SentTokenTests
{
    [TestCase("Bearer tok-123", "tok-123")]
    [TestCase("bearer  tok-123 ", "tok-123")]
    [TestCase("Bearer ", null)]
    [TestCase("Basic dXNlcjpwYXNz", null)]
    [TestCase("Token abcdefgh", null)]
    public void The_token_is_what_follows_the_Bearer_scheme(string header, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://sent-token.test/");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        Assert.That(SentToken.Of(request), Is.EqualTo(token));
    }

    [Test]
    public void No_request_or_no_Authorization_header_is_no_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://sent-token.test/");
        request.Headers.TryAddWithoutValidation("X-Authorization", "Bearer tok-123");

        Assert.Multiple(() =>
        {
            Assert.That(SentToken.Of(null), Is.Null);
            Assert.That(SentToken.Of(request), Is.Null);
        });
    }

    [TestCase("token tok-1 and tok-1 again", "tok-1", "token (redacted) and (redacted) again")]
    [TestCase("nothing to hide", "tok-1", "nothing to hide")]
    [TestCase("tok-1", "", "tok-1")]
    [TestCase("tok-1", null, "tok-1")]
    [TestCase(null, "tok-1", null)]
    public void Every_occurrence_of_the_token_is_redacted_and_nothing_else_changes(string? text, string? token, string? scrubbed)
    {
        Assert.That(SentToken.Scrub(text, token), Is.EqualTo(scrubbed));
    }
}
