using OpenTelemetry.Metrics;

namespace QuantDesk.Client.Tests.Diagnostics;

/// <summary>One exported metric point, copied out of the SDK's reused buffers.</summary>
/// <param name="Tags">The point's tags.</param>
/// <param name="Sum">A counter's sum, or a histogram's sum of its measurements.</param>
/// <param name="Count">A histogram's number of measurements; <see langword="null"/> for a counter.</param>
/// <param name="ExemplarTexts">Whatever the point's exemplars carry as text (their filtered tags), if the SDK kept any.</param>
public sealed record ExportedPoint(IReadOnlyDictionary<string, object?> Tags, double Sum, long? Count, IReadOnlyList<string> ExemplarTexts)
{
    public object? this[string tag] => Tags.TryGetValue(tag, out var value) ? value : null;

    // MetricPoint is a struct in the SDK's reused storage: it is read here, once, by reference.
    public static ExportedPoint Of(Metric metric, in MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        var exemplarTexts = new List<string>();
        if (point.TryGetExemplars(out var exemplars))
        {
            foreach (ref readonly var exemplar in exemplars)
            {
                foreach (var tag in exemplar.FilteredTags)
                {
                    exemplarTexts.Add($"{tag.Key}={tag.Value}");
                }
            }
        }

        return metric.MetricType switch
        {
            MetricType.LongSum => new ExportedPoint(tags, point.GetSumLong(), null, exemplarTexts),
            MetricType.Histogram => new ExportedPoint(tags, point.GetHistogramSum(), point.GetHistogramCount(), exemplarTexts),
            _ => throw new InvalidOperationException($"The client has no {metric.MetricType} instrument: {metric.Name}."),
        };
    }
}
