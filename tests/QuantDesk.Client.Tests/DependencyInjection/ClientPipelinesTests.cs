using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QuantDesk.Client.DependencyInjection;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Tests.DependencyInjection;

/// <summary>The pipelines of a container's names: each one follows its options' reloads until the container goes.</summary>
public sealed class ClientPipelinesTests
{
    [Test]
    public void Disposing_them_stops_listening_to_every_names_options_once()
    {
        var monitor = new RecordingMonitor();
        using var budgets = new RateBudgets();
        var pipelines = new ClientPipelines(monitor, NullLoggerFactory.Instance, budgets);
        pipelines.For("wallet-a");
        pipelines.For("wallet-b");

        pipelines.Dispose();
        pipelines.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(monitor.Listeners, Has.Count.EqualTo(2));
            Assert.That(monitor.Listeners.Select(listener => listener.Disposals), Is.All.EqualTo(1));
        });
    }

    [Test]
    public void A_monitor_that_gives_no_listener_handle_is_no_failure()
    {
        var monitor = new RecordingMonitor { GivesHandles = false };
        using var budgets = new RateBudgets();
        using var pipelines = new ClientPipelines(monitor, NullLoggerFactory.Instance, budgets);

        Assert.That(() => pipelines.For("wallet-a"), Throws.Nothing);
    }

    private sealed class RecordingMonitor : IOptionsMonitor<QuantDeskClientOptions>
    {
        public List<Listener> Listeners { get; } = [];

        public bool GivesHandles { get; init; } = true;

        public QuantDeskClientOptions CurrentValue => Get(Options.DefaultName);

        public QuantDeskClientOptions Get(string? name) => new() { BaseAddress = new Uri("https://pipelines.test/") };

        public IDisposable? OnChange(Action<QuantDeskClientOptions, string?> listener)
        {
            if (!GivesHandles)
            {
                return null;
            }

            var handle = new Listener();
            Listeners.Add(handle);
            return handle;
        }
    }

    private sealed class Listener : IDisposable
    {
        public int Disposals { get; private set; }

        public void Dispose() => Disposals++;
    }
}
