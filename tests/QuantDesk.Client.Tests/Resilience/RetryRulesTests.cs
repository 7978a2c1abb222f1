using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Retry;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>The edges of the retry rules, on a clock that stands still: a pause of exactly the cap, or of exactly the time left.</summary>
public sealed class RetryRulesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_Retry_After_of_exactly_MaxRetryAfter_is_waited_out()
    {
        var call = Call(totalTimeout: TimeSpan.FromSeconds(60));

        var retried = ShouldRetry(call, retryAfterSeconds: 30, new QuantDeskRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) });

        Assert.Multiple(() =>
        {
            Assert.That(retried, Is.True);
            Assert.That(call.RetryDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(call.RetryDelayIsServerRequested, Is.True);
        });
    }

    [Test]
    public void A_pause_of_exactly_the_time_the_call_has_left_is_not_started()
    {
        var call = Call(totalTimeout: TimeSpan.FromSeconds(10));

        var retried = ShouldRetry(call, retryAfterSeconds: 10, new QuantDeskRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) });

        Assert.Multiple(() =>
        {
            Assert.That(retried, Is.False, "the retry could only end in the total timeout");
            Assert.That(call.RetryDelay, Is.Null);
        });
    }

    private CallState Call(TimeSpan totalTimeout) =>
        new(new HttpRequestMessage(HttpMethod.Get, "https://retry-rules.test/api/v2/markets"), _clock, totalTimeout);

    private bool ShouldRetry(CallState call, int retryAfterSeconds, QuantDeskRetryOptions retry)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(CallResilienceKeys.Call, call);
        using var answer = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        answer.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            return RetryRules.ShouldRetry(new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromResult(answer), attemptNumber: 0), retry, _clock);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
