using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Http;

/// <summary>What a refused redirect's exception says: why it was refused, and the Location as the server sent it (without user info).</summary>
public sealed class RedirectRefusalTests
{
    private const string RunId = "run-refused";
    private const string Call = "QuantDesk API call GET /api/v2/backtest/runs/run-refused answered 302";

    [TestCase(null, "with a redirect but no Location (Location '')")]
    [TestCase("http://[broken", "with a redirect whose Location is not a URL (Location 'http://[broken')")]
    [TestCase("ftp://files.example/run", "with a redirect to a scheme other than http or https (Location 'ftp://files.example/run')")]
    [TestCase("http://user:secret@127.0.0.1/run", "with a redirect to an address that carries user info (Location 'http://127.0.0.1/run')")]
    [TestCase("http://[::ffff:0.0.0.0]/run", "with a redirect to an address that names no host (Location 'http://[::ffff:0:0]/run')")]
    public void A_refused_redirect_says_why_and_where_it_led(string? location, string refusal)
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(302, null, [], location is null ? [] : ["Location: " + location]));

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => ClientFor(server, maxRedirects: 5).Backtests.GetBacktestRunAsync(RunId));

        Assert.That(exception!.Message, Is.EqualTo($"{Call} {refusal}."));
        Assert.That(server.Requests, Is.EqualTo(1), "a refused redirect is not followed");
    }

    // The target refuses connections: the hop was made, not refused by the redirect rules.
    [Test]
    public void A_redirect_from_plain_http_to_https_is_followed()
    {
        var target = $"https://127.0.0.1:{LoopbackPorts.Closed()}/run";
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(302, null, [], "Location: " + target));

        var exception = Assert.ThrowsAsync<QuantDeskConnectionException>(() => ClientFor(server, maxRedirects: 5).Backtests.GetBacktestRunAsync(RunId));

        Assert.That(exception!.Message, Does.Not.Contain("with a redirect"));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [TestCase(1)]
    [TestCase(3)]
    public void The_redirect_past_MaxRedirects_is_named_by_its_number(int maxRedirects)
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(302, null, [], "Location: /api/v2/backtest/runs/" + RunId));

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => ClientFor(server, maxRedirects).Backtests.GetBacktestRunAsync(RunId));

        Assert.That(exception!.Message, Is.EqualTo($"{Call} with redirect number {maxRedirects + 1}, over QuantDeskClientOptions.MaxRedirects ({maxRedirects})."));
        Assert.That(server.Requests, Is.EqualTo(maxRedirects + 1));
    }

    private static QuantDeskClient ClientFor(LoopbackHttpServer server, int maxRedirects) =>
        new(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, MaxRedirects = maxRedirects, Retry = { MaxRetryAttempts = 0 } });
}
