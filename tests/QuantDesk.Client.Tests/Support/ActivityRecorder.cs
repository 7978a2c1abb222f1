using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuantDesk.Client.Tests.Support;

/// <summary>Records every activity (span) that stops while it listens: the client's own and the transport's.</summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder(Func<ActivitySource, bool>? sources = null)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = sources ?? (_ => true),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<Activity> Stopped => _stopped;

    /// <summary>Everything a span exposes as text: name, status description, tags, events and their tags.</summary>
    public static IEnumerable<string> TextOf(Activity activity) =>
        new[] { activity.DisplayName, activity.StatusDescription ?? string.Empty }
            .Concat(activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
            .Concat(activity.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name}:{tag.Key}={tag.Value}")));

    public void Dispose() => _listener.Dispose();
}
