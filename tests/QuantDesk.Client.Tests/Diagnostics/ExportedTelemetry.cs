using System.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace QuantDesk.Client.Tests.Diagnostics;

/// <summary>What the SDK's in-memory exporters received: the spans, the metrics and the resource they are sent with.</summary>
public sealed class ExportedTelemetry
{
    public ExportedTelemetry(IReadOnlyList<Activity> spans, IEnumerable<Metric> metrics, Resource resource)
        : this(spans, [.. metrics.Select(ExportedMetric.Of)], resource)
    {
        // Read at once (above): the SDK reuses a Metric's points on its next collection.
    }

    private ExportedTelemetry(IReadOnlyList<Activity> spans, IReadOnlyList<ExportedMetric> metrics, Resource resource)
    {
        Spans = spans;
        Metrics = metrics;
        Resource = resource;
    }

    public IReadOnlyList<Activity> Spans { get; }

    public IReadOnlyList<ExportedMetric> Metrics { get; }

    public Resource Resource { get; }

    /// <summary>
    /// Only the spans and points of calls to this server: the instruments are process-wide, so a call some other
    /// code makes meanwhile would be exported too.
    /// </summary>
    public ExportedTelemetry To(Uri server) =>
        new(
            [.. Spans.Where(span => Equals(span.GetTagItem("server.port"), server.Port))],
            [.. Metrics.Select(metric => metric with { Points = [.. metric.Points.Where(point => Equals(point["server.port"], server.Port))] })],
            Resource);

    /// <summary>The one exported instrument of this name.</summary>
    public ExportedMetric Metric(string name) => Metrics.Single(metric => metric.Name == name);

    /// <summary>
    /// Everything exported that can hold text: each span's names, status, trace state, tags, events, links and
    /// baggage; each instrument's description and every tag of its points; the resource's attributes.
    /// </summary>
    public IEnumerable<string> Texts() =>
        Spans.SelectMany(SpanTexts)
            .Concat(Metrics.SelectMany(metric => metric.Texts()))
            .Concat(Resource.Attributes.Select(attribute => $"resource {attribute.Key}={attribute.Value}"));

    private static IEnumerable<string> SpanTexts(Activity span) =>
        new[]
            {
                $"span {span.OperationName}", $"display name {span.DisplayName}", $"source {span.Source.Name} {span.Source.Version}",
                $"kind {span.Kind}", $"status {span.Status} {span.StatusDescription}", $"trace state {span.TraceStateString}",
            }
            .Concat(span.TagObjects.Select(tag => $"{span.DisplayName} tag {tag.Key}={tag.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{span.DisplayName} event {e.Name} {tag.Key}={tag.Value}").Prepend($"{span.DisplayName} event {e.Name}")))
            .Concat(span.Links.SelectMany(link => (link.Tags ?? []).Select(tag => $"{span.DisplayName} link {tag.Key}={tag.Value}")))
            .Concat(span.Baggage.Select(item => $"{span.DisplayName} baggage {item.Key}={item.Value}"));
}
