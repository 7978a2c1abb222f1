using QuantDesk.Client.Resilience;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>A container's rate budgets by key: own budgets apart from shared ones whatever the names, reloads, disposal.</summary>
public sealed class RateBudgetsTests
{
    [TestCase("wallet", "client:wallet")]
    [TestCase("shared:gateway", "gateway")]
    public void A_clients_own_budget_is_never_a_shared_one_whatever_the_names(string clientName, string sharedKey)
    {
        using var budgets = new RateBudgets();

        var own = budgets.For(clientName, Options(permits: 2));
        var shared = budgets.For("another", Options(permits: 2, sharedKey));

        Assert.That(own, Is.Not.SameAs(shared));
    }

    [Test]
    public void Reloaded_limits_of_a_clients_own_budget_replace_it()
    {
        using var budgets = new RateBudgets();

        var before = budgets.For("wallet", Options(permits: 2));
        var after = budgets.For("wallet", Options(permits: 3));

        Assert.Multiple(() =>
        {
            Assert.That(after, Is.Not.SameAs(before));
            Assert.That(after!.Limits.PermitLimit, Is.EqualTo(3));
            Assert.That(budgets.For("wallet", Options(permits: 3)), Is.SameAs(after));
        });
    }

    [Test]
    public void Disposing_them_stops_every_budgets_window_timer()
    {
        var clock = new CountingTimeProvider();
        var budgets = new RateBudgets();
        budgets.For("a", Options(permits: 2, clock: clock));
        budgets.For("b", Options(permits: 2, clock: clock));
        var timersBefore = clock.LiveTimers;

        budgets.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(timersBefore, Is.EqualTo(2));
            Assert.That(clock.LiveTimers, Is.Zero);
        });
    }

    private static QuantDeskClientOptions Options(int permits, string? sharedKey = null, TimeProvider? clock = null) => new()
    {
        TimeProvider = clock ?? TimeProvider.System,
        RateBudget = { PermitLimit = permits, Window = TimeSpan.FromHours(1), SharedKey = sharedKey },
    };
}
