using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Resilience;

public sealed class OnRetryCallbackTests
{
    [Test]
    public async Task Each_retry_is_reported_before_its_pause_with_what_failed_and_whether_the_server_asked_for_the_pause()
    {
        using var sandbox = QuantDeskSandbox.Start().RateLimitNextRequests(1, TimeSpan.Zero);
        sandbox.FailNextRequests(503);
        var events = new List<QuantDeskRetryEvent>();
        var options = new QuantDeskClientOptions { BaseAddress = sandbox.BaseAddress };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.OnRetry = events.Add;

        var run = await new QuantDeskClient(options).Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(run.Data.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId));
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events.Select(retry => retry.RetryNumber), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(events, Has.All.Property(nameof(QuantDeskRetryEvent.OperationId)).EqualTo("getBacktestRun").And.Property(nameof(QuantDeskRetryEvent.MaxRetryAttempts)).EqualTo(3));
        var statuses = events.Select(retry => (retry.StatusCode, retry.IsServerRequested, retry.Failure)).ToList();
        Assert.That(statuses, Is.EquivalentTo(new[] { ((int?)429, true, "429"), ((int?)503, false, "503") }));
    }

    [Test]
    public async Task A_post_is_never_retried_so_never_reported()
    {
        using var sandbox = QuantDeskSandbox.Start().FailNextRequests(503);
        var events = new List<QuantDeskRetryEvent>();
        var options = new QuantDeskClientOptions { BaseAddress = sandbox.BaseAddress, AccessToken = "t" };
        options.Retry.OnRetry = events.Add;

        var call = () => new QuantDeskClient(options).Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "a" });

        await Assert.ThatAsync(call, Throws.InstanceOf<QuantDeskApiException>());
        Assert.That(events, Is.Empty);
    }
}
