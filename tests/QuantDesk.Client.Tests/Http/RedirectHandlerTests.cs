using QuantDesk.Client.Http;

namespace QuantDesk.Client.Tests.Http;

/// <summary>Which redirect targets name no host to send to, decided on the address alone.</summary>
public sealed class RedirectHandlerTests
{
    [TestCase("http://0.0.0.0/run")]
    [TestCase("http://[::]/run")]
    [TestCase("http://[::ffff:0.0.0.0]/run")]
    public void An_unspecified_address_names_no_host(string target) =>
        Assert.That(RedirectHandler.NamesNoHost(new Uri(target)), Is.True);

    // The last of these ends in four zero bytes, like the IPv4-mapped form of 0.0.0.0, without being one.
    [TestCase("http://127.0.0.1/run")]
    [TestCase("http://[::1]/run")]
    [TestCase("http://[::ffff:127.0.0.1]/run")]
    [TestCase("http://[2001:db8::]/run")]
    [TestCase("http://api.quantdesk.test/run")]
    public void A_real_address_or_name_is_a_host(string target) =>
        Assert.That(RedirectHandler.NamesNoHost(new Uri(target)), Is.False);
}
