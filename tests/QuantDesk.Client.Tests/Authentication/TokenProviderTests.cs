using System.Diagnostics;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Authentication;

/// <summary>Token providers that hang or hand out tokens an HTTP header cannot carry.</summary>
public sealed class TokenProviderTests
{
    private const string RunId = "run-provider";

    [Test]
    public void A_provider_that_never_returns_and_ignores_its_token_is_ended_by_the_total_timeout()
    {
        var asked = 0;
        using var fixture = new ClientFixture(options =>
        {
            // Each attempt's wait for the provider ends at AttemptTimeout and is retried; the last attempt gets only
            // the half second left, so it is the TotalTimeout that ends the call.
            options.AttemptTimeout = TimeSpan.FromSeconds(1);
            options.TotalTimeout = TimeSpan.FromSeconds(2.5);
            options.AccessTokenProvider = (_, _) =>
            {
                Interlocked.Increment(ref asked);
                return new ValueTask<string?>(new TaskCompletionSource<string?>().Task);
            };
        });

        var error = Assert.ThrowsAsync<QuantDeskTimeoutException>(() => fixture.Client.GetBacktestRunAsync(RunId).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("TotalTimeout (2.5 s)"));
            Assert.That(fixture.Sandbox.Server.LogEntries, Is.Empty, "nothing was sent");
            Assert.That(asked, Is.GreaterThanOrEqualTo(2), "every attempt asked the provider again");
        });
    }

    [Test]
    public void A_provider_that_never_returns_is_ended_by_the_callers_cancellation()
    {
        using var fixture = new ClientFixture(options =>
        {
            options.AccessTokenProvider = (_, _) => new ValueTask<string?>(new TaskCompletionSource<string?>().Task);
        });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = Assert.CatchAsync<OperationCanceledException>(() => fixture.Client.GetBacktestRunAsync(RunId, cancellation.Token));

        Assert.That(error!.CancellationToken, Is.EqualTo(cancellation.Token));
    }

    [TestCase("with\0nul")]
    [TestCase("with\r\nline-break")]
    [TestCase("non-ascii-é")]
    [TestCase("control\u0007char")]
    [TestCase("inner space")]
    public void A_provider_token_that_cannot_go_in_a_header_fails_before_anything_is_sent_and_is_not_retried(string token)
    {
        var asked = 0;
        using var fixture = new ClientFixture(options => options.AccessTokenProvider = (_, _) =>
        {
            Interlocked.Increment(ref asked);
            return ValueTask.FromResult<string?>(token);
        });

        var error = Assert.ThrowsAsync<QuantDeskCredentialException>(() => fixture.Client.GetBacktestRunAsync(RunId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("The QuantDesk access token provider returned a token that cannot be sent in an HTTP header").And.Not.Contain(token));
            Assert.That(asked, Is.EqualTo(1), "not retried");
            Assert.That(fixture.Sandbox.Server.LogEntries, Is.Empty, "nothing was sent");
        });
    }
}
