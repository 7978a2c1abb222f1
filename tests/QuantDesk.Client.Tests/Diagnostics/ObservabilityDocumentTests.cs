using System.Reflection;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Diagnostics;
using QuantDesk.Client.Logging;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Diagnostics;

public sealed class ObservabilityDocumentTests
{
    private static readonly string Document = File.ReadAllText(RepositoryFiles.PathOf("docs/observability.md"));

    [Test]
    public void Every_log_event_is_documented_with_its_id_name_and_level()
    {
        var events = typeof(ClientLog).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.That(events, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var logEvent in events)
            {
                Assert.That(Document, Does.Contain($"| {logEvent.EventId} | `{logEvent.EventName}` | {logEvent.Level} |"));
            }
        });
    }

    [Test]
    public void Every_instrument_and_span_tag_is_documented()
    {
        var names = typeof(TelemetryTags).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(ClientInstrumentation).GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral))
            .Select(field => (string)field.GetValue(null)!)
            .Append(RetryTelemetry.EventName)
            .Append(RateBudgetTelemetry.OutcomeTag)
            .ToList();

        Assert.Multiple(() =>
        {
            foreach (var name in names)
            {
                Assert.That(Document, Does.Contain($"`{name}`"));
            }

            Assert.That(Document, Does.Contain($"named `{QuantDeskTelemetry.ActivitySourceName}`"));
        });
    }
}
