using QuantDesk.Client.Authentication;

namespace QuantDesk.Client.Tests.Authentication;

/// <summary>Where a credential may travel, decided on addresses alone, and what a token may contain.</summary>
public sealed class TransportSecurityTests
{
    private static readonly Uri ApiBase = new("https://api.quantdesk.test/v2/");

    [TestCase("https://api.quantdesk.test/v2/backtests/run-1", true)]
    [TestCase("https://API.QuantDesk.test:443/elsewhere", true)]
    [TestCase("https://evil.test/go?next=https://api.quantdesk.test/v2/", false)]
    [TestCase("https://evil.test/https://api.quantdesk.test/v2/", false)]
    [TestCase("http://api.quantdesk.test/v2/backtests", false)]
    [TestCase("https://api.quantdesk.test:8443/v2/backtests", false)]
    [TestCase("https://api.quantdesk.test.evil.test/v2/", false)]
    public void An_address_is_on_the_API_origin_only_with_its_scheme_host_and_port(string address, bool onOrigin) =>
        Assert.That(TransportSecurity.IsApiOrigin(new Uri(address), ApiBase), Is.EqualTo(onOrigin));

    [Test]
    public void A_base_address_without_a_closing_slash_does_not_take_in_a_longer_host_name()
    {
        var bare = new Uri("https://api.quantdesk.test");
        var lookalike = new Uri("https://api.quantdesk.test.evil.test/v2/");

        Assert.That(TransportSecurity.IsApiOrigin(lookalike, bare), Is.False);
    }

    [Test]
    public void A_relative_or_missing_address_is_never_on_the_API_origin()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TransportSecurity.IsApiOrigin(new Uri("/v2/backtests", UriKind.Relative), ApiBase), Is.False);
            Assert.That(TransportSecurity.IsApiOrigin(new Uri("https://api.quantdesk.test/v2/", UriKind.Absolute), new Uri("/v2/", UriKind.Relative)), Is.False);
            Assert.That(TransportSecurity.IsApiOrigin(null, ApiBase), Is.False);
        });
    }

    [TestCase("a", true)]
    [TestCase("!~", true)]
    [TestCase("", false)]
    [TestCase("tok en", false)]
    [TestCase("tok\u007Fen", false)]
    [TestCase("tök", false)]
    public void A_token_is_sendable_only_when_it_is_visible_ASCII_and_not_empty(string token, bool sendable) =>
        Assert.That(TransportSecurity.IsSendableToken(token), Is.EqualTo(sendable));
}
