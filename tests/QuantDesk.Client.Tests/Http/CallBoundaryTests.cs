using Polly.Timeout;
using QuantDesk.Client.Http;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Tests.Http;

/// <summary>What a failed call turns into once the caller has cancelled: always a cancellation for the caller's token.</summary>
public sealed class CallBoundaryTests
{
    private static readonly QuantDeskClientOptions Options = new();

    [Test]
    public void The_callers_own_cancellation_is_passed_on_as_it_is()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var own = new OperationCanceledException("canceled below", cancellation.Token);

        var failure = CallBoundary.Failure(own, Call(), Options, cancellation.Token);

        Assert.That(failure, Is.SameAs(own));
    }

    [Test]
    public void A_cancellation_for_another_token_becomes_one_for_the_callers_with_it_inside()
    {
        using var cancellation = new CancellationTokenSource();
        using var other = new CancellationTokenSource();
        cancellation.Cancel();
        other.Cancel();
        var below = new TaskCanceledException("canceled below", null, other.Token);

        var failure = CallBoundary.Failure(below, Call(), Options, cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.TypeOf<OperationCanceledException>().And.Property(nameof(OperationCanceledException.CancellationToken)).EqualTo(cancellation.Token));
            Assert.That(failure.InnerException, Is.SameAs(below));
        });
    }

    [Test]
    public void An_attempt_timeout_that_raced_the_callers_cancellation_is_the_callers_cancellation_without_a_Polly_type()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var failure = CallBoundary.Failure(new TimeoutRejectedException(), Call(), Options, cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.TypeOf<OperationCanceledException>().And.Property(nameof(OperationCanceledException.CancellationToken)).EqualTo(cancellation.Token));
            Assert.That(failure.InnerException, Is.Null);
        });
    }

    private static CallState Call() =>
        new(new HttpRequestMessage(HttpMethod.Get, "https://call-boundary.test/api/v2/markets"), TimeProvider.System, TimeSpan.FromSeconds(30));
}
