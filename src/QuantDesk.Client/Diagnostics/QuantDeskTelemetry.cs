namespace QuantDesk.Client;

/// <summary>
/// The names under which the client reports traces and metrics, for enabling them in OpenTelemetry
/// (<c>tracing.AddSource(QuantDeskTelemetry.ActivitySourceName)</c>, <c>metrics.AddMeter(QuantDeskTelemetry.MeterName)</c>).
/// docs/observability.md lists every span tag, instrument and log event.
/// </summary>
public static class QuantDeskTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> with one span per API operation.</summary>
    public const string ActivitySourceName = "QuantDesk.Client";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> with the duration, retry and failure instruments.</summary>
    public const string MeterName = "QuantDesk.Client";
}
