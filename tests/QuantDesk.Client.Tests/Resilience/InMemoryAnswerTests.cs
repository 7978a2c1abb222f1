using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>
/// Answers that are complete before the call awaits them (a handler answering from memory, as test doubles and
/// caches do) take the pipeline's fast path; it must do what the awaited path does.
/// </summary>
public sealed class InMemoryAnswerTests
{
    private static readonly byte[] NotFoundBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ErrorBody("RUN_NOT_FOUND", "No such run.", "req_memory").ToJsonString());

    [Test]
    public void An_error_answered_from_memory_is_typed_and_logged_as_a_failed_call()
    {
        using var fixture = new ClientFixture(
            options => options.Retry.MaxRetryAttempts = 0,
            builder => builder.AddHttpMessageHandler(() => new AnswerAtOnce(HttpStatusCode.NotFound, () => new ByteArrayContent(NotFoundBody))));

        var notFound = Assert.ThrowsAsync<QuantDeskNotFoundException>(() => fixture.Client.GetBacktestRunAsync("run-in-memory"));

        Assert.Multiple(() =>
        {
            Assert.That(notFound!.RequestId, Is.EqualTo("req_memory"));
            Assert.That(fixture.Logs.Entries.Where(entry => entry.EventId.Id == 1003).Select(entry => entry.Message), Has.One.Contains("getBacktestRun").And.Contains("req_memory"));
        });
    }

    [Test]
    public void A_429_answered_from_memory_pauses_the_rate_budget()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var fixture = new ClientFixture(
            options =>
            {
                options.TimeProvider = clock;
                options.Retry.MaxRetryAttempts = 0;
                options.RateBudget.PermitLimit = 100;
                options.RateBudget.WhenExhausted = QuantDeskRateBudgetBehavior.Fail;
            },
            builder => builder.AddHttpMessageHandler(() => new AnswerAtOnce(HttpStatusCode.TooManyRequests, () => new ByteArrayContent(NotFoundBody), ("Retry-After", "5"))));

        var limited = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => fixture.Client.GetBacktestRunAsync("run-in-memory"));
        var paused = Assert.ThrowsAsync<QuantDeskRateLimitException>(() => fixture.Client.GetBacktestRunAsync("run-in-memory"));

        Assert.Multiple(() =>
        {
            Assert.That(limited!.IsClientSide, Is.False);
            Assert.That(paused!.IsClientSide, Is.True);
            Assert.That(paused.Message, Does.Contain("the budget is paused"));
            Assert.That(paused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));
        });
    }
}
