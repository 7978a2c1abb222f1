using QuantDesk.Client.Configuration;

namespace QuantDesk.Client.Tests.Configuration;

/// <summary>Every numeric limit of the options, on both sides of each edge: the edge itself is valid, one step past it is refused by name.</summary>
public sealed class OptionLimitTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static IEnumerable<TestCaseData> Edges()
    {
        yield return Edge("AttemptTimeout", "shortest", o => (o.AttemptTimeout, o.TotalTimeout) = (Shortest, Shortest), o => o.AttemptTimeout = Shortest - Tick);
        yield return Edge("AttemptTimeout", "longest", o => (o.AttemptTimeout, o.TotalTimeout) = (Day, Day), o => (o.AttemptTimeout, o.TotalTimeout) = (Day + Tick, Day));
        yield return Edge("TotalTimeout", "shortest", o => (o.AttemptTimeout, o.TotalTimeout) = (Shortest, Shortest), o => (o.AttemptTimeout, o.TotalTimeout) = (Shortest - Tick, Shortest - Tick));
        yield return Edge("TotalTimeout", "longest", o => o.TotalTimeout = Day, o => o.TotalTimeout = Day + Tick);
        yield return Edge("AttemptTimeout (", "equal to TotalTimeout", o => (o.AttemptTimeout, o.TotalTimeout) = (Hour, Hour), o => (o.AttemptTimeout, o.TotalTimeout) = (Hour + Tick, Hour));
        yield return Edge("MaxResponseContentLength", "smallest", o => o.MaxResponseContentLength = 1024, o => o.MaxResponseContentLength = 1023);
        yield return Edge("MaxResponseContentLength", "largest", o => o.MaxResponseContentLength = 1024L * 1024 * 1024, o => o.MaxResponseContentLength = (1024L * 1024 * 1024) + 1);
        yield return Edge("MaxRedirects", "fewest", o => o.MaxRedirects = 0, o => o.MaxRedirects = -1);
        yield return Edge("MaxRedirects", "most", o => o.MaxRedirects = 20, o => o.MaxRedirects = 21);
        yield return Edge("Retry:MaxRetryAttempts", "fewest", o => o.Retry.MaxRetryAttempts = 0, o => o.Retry.MaxRetryAttempts = -1);
        yield return Edge("Retry:MaxRetryAttempts", "most", o => o.Retry.MaxRetryAttempts = 10, o => o.Retry.MaxRetryAttempts = 11);
        yield return Edge("Retry:BaseDelay", "shortest", o => o.Retry.BaseDelay = TimeSpan.Zero, o => o.Retry.BaseDelay = -Tick);
        yield return Edge("Retry:BaseDelay", "longest", o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (Hour, Hour), o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (Hour + Tick, Hour + Tick));
        yield return Edge("Retry:MaxDelay", "shortest", o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (TimeSpan.Zero, TimeSpan.Zero), o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (TimeSpan.Zero, -Tick));
        yield return Edge("Retry:MaxDelay", "longest", o => o.Retry.MaxDelay = Hour, o => o.Retry.MaxDelay = Hour + Tick);
        yield return Edge("Retry:MaxDelay (", "equal to BaseDelay", o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (Hour, Hour), o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (Hour, Hour - Tick));
        yield return Edge("Retry:MaxRetryAfter", "shortest", o => o.Retry.MaxRetryAfter = TimeSpan.Zero, o => o.Retry.MaxRetryAfter = -Tick);
        yield return Edge("Retry:MaxRetryAfter", "longest", o => o.Retry.MaxRetryAfter = Hour, o => o.Retry.MaxRetryAfter = Hour + Tick);
        yield return Edge("RateBudget:PermitLimit", "off", o => o.RateBudget.PermitLimit = 0, o => o.RateBudget.PermitLimit = -1);
        yield return Edge("RateBudget:Window", "shortest", o => o.RateBudget.Window = Shortest, o => o.RateBudget.Window = Shortest - Tick);
        yield return Edge("RateBudget:Window", "longest", o => o.RateBudget.Window = Hour, o => o.RateBudget.Window = Hour + Tick);
        yield return Edge("RateBudget:QueueLimit", "none", o => o.RateBudget.QueueLimit = 0, o => o.RateBudget.QueueLimit = -1);
    }

    [TestCaseSource(nameof(Edges))]
    public void The_edge_is_valid_and_one_step_past_it_is_refused_by_name(string setting, Action<QuantDeskClientOptions> atEdge, Action<QuantDeskClientOptions> pastEdge)
    {
        Assert.That(Failures(atEdge), Is.Empty);
        Assert.That(Failures(pastEdge), Has.Some.StartsWith("QuantDesk:" + setting));
    }

    private static TestCaseData Edge(string setting, string edge, Action<QuantDeskClientOptions> atEdge, Action<QuantDeskClientOptions> pastEdge) =>
        new TestCaseData(setting, atEdge, pastEdge).SetName($"{setting.TrimEnd(' ', '(')}_{edge.Replace(' ', '_')}");

    private static IEnumerable<string> Failures(Action<QuantDeskClientOptions> configure)
    {
        var options = new QuantDeskClientOptions();
        configure(options);
        return new QuantDeskClientOptionsValidator().Validate(null, options).Failures ?? [];
    }
}
