using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Diagnostics;

/// <summary>
/// An application's container with the OpenTelemetry SDK and the client registered as docs/observability.md tells
/// users to, exporting to memory, and a sandbox on loopback as the API.
/// </summary>
public sealed class OpenTelemetryApplication : IAsyncDisposable
{
    public const string AccessToken = "a-secret-token-value";

    // Generous: only there so that a broken pipeline fails the test instead of hanging the run.
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly List<IHostedService> _started = [];

    public OpenTelemetryApplication(Action<QuantDeskClientOptions>? configure = null, params string[] moreSources)
    {
        Sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(QuantDeskTelemetry.ActivitySourceName).AddSource(moreSources).AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddMeter(QuantDeskTelemetry.MeterName).AddInMemoryExporter(_metrics));
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = Sandbox.BaseAddress;
            options.AccessToken = AccessToken;

            // getBacktestRun is public: without this the token would never be on the wire, and its absence from the
            // telemetry would prove nothing.
            options.SendAccessTokenOnEveryCall = true;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(options);
        });
        _services = services.BuildServiceProvider();
        Api = _services.GetRequiredService<IQuantDeskClient>();
    }

    public QuantDeskSandbox Sandbox { get; }

    public IQuantDeskClient Api { get; }

    public IBacktestClient Backtests => Api.Backtests;

    /// <summary>
    /// Starts what a generic host would: AddOpenTelemetry builds its TracerProvider and MeterProvider only in its
    /// hosted service (or when something resolves them), and until then no listener exists and nothing is exported.
    /// </summary>
    public async Task StartAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None).WaitAsync(Limit);
            _started.Add(service);
        }
    }

    /// <summary>Flushes both providers and returns what they exported up to now.</summary>
    public ExportedTelemetry Flush()
    {
        var tracerProvider = _services.GetRequiredService<TracerProvider>();
        var meterProvider = _services.GetRequiredService<MeterProvider>();
        Assert.That(tracerProvider.ForceFlush((int)Limit.TotalMilliseconds), Is.True, "the tracer provider flushed");

        // The in-memory exporter appends the same Metric objects on every export; one export is one reading.
        _metrics.Clear();
        Assert.That(meterProvider.ForceFlush((int)Limit.TotalMilliseconds), Is.True, "the meter provider flushed");
        return new ExportedTelemetry([.. _spans], [.. _metrics], tracerProvider.GetResource());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_started))
        {
            await service.StopAsync(CancellationToken.None).WaitAsync(Limit);
        }

        await _services.DisposeAsync();
        Sandbox.Dispose();
    }
}
