using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QuantDesk.Client.Diagnostics;

/// <summary>
/// The client's <see cref="ActivitySource"/>, <see cref="Meter"/> and instruments. Process-wide, as OpenTelemetry
/// expects of a library (listeners subscribe by name); created once and never changed.
/// </summary>
internal static class ClientInstrumentation
{
    public const string DurationName = "quantdesk.client.operation.duration";
    public const string RetriesName = "quantdesk.client.operation.retries";
    public const string FailuresName = "quantdesk.client.operation.failures";

    /// <summary>The name of <see cref="RateBudgetWait"/>.</summary>
    public const string RateBudgetWaitName = "quantdesk.client.rate_budget.wait_duration";

    private static readonly string? Version = typeof(ClientInstrumentation).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(QuantDeskTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(QuantDeskTelemetry.MeterName, Version);

    /// <summary>How long whole operations take, retries and delays included.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        DurationName,
        unit: "s",
        description: "Duration of QuantDesk API operations, all attempts and retry delays included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    /// <summary>Whether any listener takes the duration or failure measurements; when none does, no tags are built.</summary>
    public static bool IsMeasuring => Duration.Enabled || Failures.Enabled;

    /// <summary>Retries scheduled, tagged with what the retried attempt ended in.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetriesName,
        unit: "{retry}",
        description: "Retries of QuantDesk API operations after a transient failure.");

    /// <summary>Operations that ended in an error (not counting cancellation by the caller).</summary>
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        FailuresName,
        unit: "{failure}",
        description: "QuantDesk API operations that failed, by status code and error type.");

    /// <summary>Time each attempt spent waiting for the client-side rate budget (0 when a permit was free), by outcome.</summary>
    public static readonly Histogram<double> RateBudgetWait = Meter.CreateHistogram(
        RateBudgetWaitName,
        unit: "s",
        description: "Time QuantDesk API attempts waited for the client-side rate budget before being sent or refused.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
}
