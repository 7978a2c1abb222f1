using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Http;
using QuantDesk.Client.Logging;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.DependencyInjection;

/// <summary>
/// The pipeline of each registered name, made on first use and kept for the container's life: its token source and
/// Polly pipeline outlive the handlers IHttpClientFactory recycles, and no name ever sees another's (tokens included).
/// </summary>
internal sealed class ClientPipelines : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ClientPipeline>> _pipelines = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _listeners = [];
    private readonly IOptionsMonitor<QuantDeskClientOptions> _monitor;
    private readonly ILogger _logger;
    private readonly RateBudgets _budgets;

    public ClientPipelines(IOptionsMonitor<QuantDeskClientOptions> monitor, ILoggerFactory loggerFactory, RateBudgets budgets)
    {
        _monitor = monitor;
        _logger = loggerFactory.CreateLogger(ClientLog.Category);
        _budgets = budgets;
    }

    public ClientPipeline For(string name) =>
        _pipelines.GetOrAdd(name, static (key, self) => new Lazy<ClientPipeline>(() => self.Create(key)), this).Value;

    public void Dispose()
    {
        lock (_listeners)
        {
            _listeners.ForEach(listener => listener.Dispose());
            _listeners.Clear();
        }
    }

    private ClientPipeline Create(string name) => new(OptionsReader(name), _logger, options => _budgets.For(name, options));

    // The name's current options as a field read on every call: kept up to date by the monitor's change
    // notifications rather than looked up in its cache each time, so reloaded settings apply to the next call.
    private Func<QuantDeskClientOptions> OptionsReader(string name)
    {
        // Listening before reading: a reload between the two would otherwise be missed until the next one.
        var current = new System.Runtime.CompilerServices.StrongBox<QuantDeskClientOptions?>();
        var listener = _monitor.OnChange((options, changed) =>
        {
            if (string.Equals(changed ?? Options.DefaultName, name, StringComparison.Ordinal))
            {
                Volatile.Write(ref current.Value, options);
            }
        });
        Interlocked.CompareExchange(ref current.Value, _monitor.Get(name), null);
        if (listener is not null)
        {
            lock (_listeners)
            {
                _listeners.Add(listener);
            }
        }

        return () => Volatile.Read(ref current.Value)!;
    }
}
