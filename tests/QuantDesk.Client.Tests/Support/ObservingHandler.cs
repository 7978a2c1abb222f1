using System.Runtime.CompilerServices;

namespace QuantDesk.Client.Tests.Support;

/// <summary>A handler users could add: shows each attempt's request to the test, then passes it on.</summary>
public sealed class ObservingHandler(Action<HttpRequestMessage> observe) : DelegatingHandler
{
    /// <summary>Counts the attempts that reach the handlers users add (inside the retries).</summary>
    public static ObservingHandler CountingInto(StrongBox<int> count) =>
        new(_ => Interlocked.Increment(ref count.Value));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        observe(request);
        return base.SendAsync(request, cancellationToken);
    }
}
