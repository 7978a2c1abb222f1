using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>How long each attempt may take, and how a failed attempt is named in retry logs and events.</summary>
public sealed class AttemptPipelineTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [TestCase(30_000, 5_000)]
    [TestCase(3_000, 3_000)]
    [TestCase(0, 1)]
    [TestCase(-2_000, 1)]
    public void A_retry_gets_the_attempt_timeout_or_what_is_left_of_the_call_but_at_least_a_millisecond(int leftMilliseconds, int attemptMilliseconds)
    {
        var call = new CallState(new HttpRequestMessage(HttpMethod.Get, "https://attempts.test/api/v2/markets"), _clock, TimeSpan.FromSeconds(60)) { Attempts = 1 };
        _clock.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(leftMilliseconds));
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(CallResilienceKeys.Call, call);

        var budget = ResiliencePipelineCache.AttemptBudget(context, AttemptTimeout);
        ResilienceContextPool.Shared.Return(context);

        Assert.That(budget, Is.EqualTo(TimeSpan.FromMilliseconds(attemptMilliseconds)));
    }

    [Test]
    public void A_failed_attempt_is_named_by_its_status_its_timeout_or_its_exception_type()
    {
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Multiple(() =>
        {
            Assert.That(ResiliencePipelineCache.FailureOf(Outcome.FromResult(unavailable)), Is.EqualTo("503"));
            Assert.That(ResiliencePipelineCache.FailureOf(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())), Is.EqualTo("attempt timeout"));
            Assert.That(ResiliencePipelineCache.FailureOf(Outcome.FromException<HttpResponseMessage>(new HttpRequestException())), Is.EqualTo("HttpRequestException"));
            Assert.That(ResiliencePipelineCache.FailureOf(Outcome.FromResult<HttpResponseMessage>(null!)), Is.EqualTo("unknown"));
        });
    }
}
