using OpenTelemetry.Metrics;

namespace QuantDesk.Client.Tests.Diagnostics;

/// <summary>One exported instrument and its points, as the SDK handed them to the exporter.</summary>
public sealed record ExportedMetric(
    string Name,
    string Unit,
    string Description,
    MetricType Type,
    string MeterName,
    string? MeterVersion,
    IReadOnlyDictionary<string, object?> MeterTags,
    IReadOnlyList<ExportedPoint> Points)
{
    public static ExportedMetric Of(Metric metric)
    {
        var points = new List<ExportedPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(ExportedPoint.Of(metric, point));
        }

        var meterTags = (metric.MeterTags ?? []).ToDictionary(tag => tag.Key, tag => tag.Value);
        return new ExportedMetric(metric.Name, metric.Unit, metric.Description, metric.MetricType, metric.MeterName, metric.MeterVersion, meterTags, points);
    }

    /// <summary>The instrument's name, unit, description and meter, and every tag of every point, as text.</summary>
    public IEnumerable<string> Texts() =>
        new[] { $"metric {Name}", $"unit {Unit}", $"description {Description}", $"meter {MeterName} {MeterVersion}" }
            .Concat(MeterTags.Select(tag => $"meter tag {tag.Key}={tag.Value}"))
            .Concat(Points.SelectMany(point => point.Tags.Select(tag => $"{Name} tag {tag.Key}={tag.Value}").Concat(point.ExemplarTexts.Select(text => $"{Name} exemplar {text}"))));
}
