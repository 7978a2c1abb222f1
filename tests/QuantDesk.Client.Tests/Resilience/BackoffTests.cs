using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>The pause between retries when the server names none: the base delay doubled per retry, capped, and with jitter between half and all of it.</summary>
public sealed class BackoffTests
{
    [TestCase(0, 100)]
    [TestCase(1, 200)]
    [TestCase(3, 800)]
    [TestCase(4, 1000)]
    [TestCase(1000, 1000)]
    public void Without_jitter_the_base_delay_doubles_per_retry_up_to_the_cap(int attemptNumber, int milliseconds)
    {
        var retry = new QuantDeskRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), UseJitter = false };

        Assert.That(RetryRules.Backoff(retry, attemptNumber), Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Test]
    public void By_default_each_pause_is_jittered_between_half_and_all_of_the_backoff()
    {
        var retry = new QuantDeskRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        var pauses = Enumerable.Range(0, 200).Select(_ => RetryRules.Backoff(retry, 2)).ToList();

        Assert.That(pauses, Is.All.InRange(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)));
        Assert.That(pauses.Distinct().Count(), Is.GreaterThan(1), "jittered pauses differ");
    }
}
