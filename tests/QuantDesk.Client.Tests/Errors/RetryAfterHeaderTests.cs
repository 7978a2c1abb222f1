using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Tests.Errors;

/// <summary>How a <c>Retry-After</c> header becomes a pause: seconds as they are, a date against the server's <c>Date</c> or the client's clock, within zero and one day.</summary>
public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset ServerDate = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_date_is_read_against_the_server_s_Date_rather_than_the_client_s_clock()
    {
        var clientClock = new FakeTimeProvider(ServerDate.AddHours(5));

        var wait = RetryAfterHeader.Read(new RetryConditionHeaderValue(ServerDate.AddSeconds(45)), ServerDate, clientClock);

        Assert.That(wait, Is.EqualTo(TimeSpan.FromSeconds(45)));
    }

    [Test]
    public void A_date_without_a_server_Date_is_read_against_the_client_s_clock()
    {
        var clientClock = new FakeTimeProvider(ServerDate.AddSeconds(15));

        var wait = RetryAfterHeader.Read(new RetryConditionHeaderValue(ServerDate.AddSeconds(45)), date: null, clientClock);

        Assert.That(wait, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void A_date_in_the_past_is_no_pause()
    {
        var wait = RetryAfterHeader.Read(new RetryConditionHeaderValue(ServerDate.AddSeconds(-10)), ServerDate, clock: null);

        Assert.That(wait, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_pause_longer_than_a_day_is_read_as_a_day()
    {
        var wait = RetryAfterHeader.Read(new RetryConditionHeaderValue(TimeSpan.FromDays(3)), date: null, clock: null);

        Assert.That(wait, Is.EqualTo(RetryAfterHeader.Longest));
    }

    [TestCase("30", null, 30)]
    [TestCase("Tue, 01 Dec 2026 10:00:20 GMT", "Tue, 01 Dec 2026 10:00:00 GMT", 20)]
    public void Header_text_is_read_with_the_Date_beside_it(string retryAfter, string? date, int seconds)
    {
        Assert.That(RetryAfterHeader.Read(retryAfter, date), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase(null)]
    [TestCase("soon")]
    [TestCase("")]
    public void Header_text_that_is_not_a_Retry_After_is_no_pause(string? retryAfter)
    {
        Assert.That(RetryAfterHeader.Read(retryAfter, "Tue, 01 Dec 2026 10:00:00 GMT"), Is.Null);
    }
}
