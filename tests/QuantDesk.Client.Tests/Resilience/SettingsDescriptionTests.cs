namespace QuantDesk.Client.Tests.Resilience;

/// <summary>What the retry and rate budget settings say of themselves, as logs and debuggers show them.</summary>
public sealed class SettingsDescriptionTests
{
    [Test]
    public void The_retry_settings_name_every_value()
    {
        var retry = new QuantDeskRetryOptions
        {
            MaxRetryAttempts = 2,
            BaseDelay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(4),
            UseJitter = false,
            MaxRetryAfter = TimeSpan.FromSeconds(9),
        };

        Assert.That(retry.ToString(), Is.EqualTo("{ MaxRetryAttempts = 2, BaseDelay = 00:00:00.2500000, MaxDelay = 00:00:04, UseJitter = False, MaxRetryAfter = 00:00:09 }"));
    }

    [TestCase(0, null, "off")]
    [TestCase(20, null, "20 per 1.5 s, Fail, queue 7")]
    [TestCase(20, "gateway", "20 per 1.5 s, Fail, queue 7, shared")]
    public void A_rate_budget_says_whether_it_is_on_its_limits_and_whether_it_is_shared(int permits, string? sharedKey, string described)
    {
        var budget = new QuantDeskRateBudgetOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMilliseconds(1500),
            WhenExhausted = QuantDeskRateBudgetBehavior.Fail,
            QueueLimit = 7,
            SharedKey = sharedKey,
        };

        Assert.That(budget.ToString(), Is.EqualTo(described));
    }
}
