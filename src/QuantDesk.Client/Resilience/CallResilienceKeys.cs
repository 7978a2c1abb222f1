using Polly;

namespace QuantDesk.Client.Resilience;

/// <summary>What the pipeline's strategies know of the call they run, in Polly's <see cref="ResilienceContext"/>.</summary>
internal static class CallResilienceKeys
{
    /// <summary>The request, for the retry rules (only idempotent methods) and for telemetry.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("QuantDesk.Request");

    /// <summary>When the whole call must be over, by the options' clock (<see cref="QuantDeskClientOptions.TotalTimeout"/>).</summary>
    public static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("QuantDesk.Deadline");

    /// <summary>The pause before the retry the retry rules just allowed.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> RetryDelay = new("QuantDesk.RetryDelay");
}
