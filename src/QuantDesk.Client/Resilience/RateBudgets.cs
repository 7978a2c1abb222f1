using System.Collections.Concurrent;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// The rate budgets of one container (or of one standalone client), by key: a client with
/// <see cref="QuantDeskRateBudgetOptions.SharedKey"/> draws on the budget of that key, any other on one of its own.
/// </summary>
internal sealed class RateBudgets : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateBudget>> _budgets = new(StringComparer.Ordinal);

    /// <summary>The budget for a client, or null when its options leave the budget off.</summary>
    /// <exception cref="InvalidOperationException">Another client shares the key with other limits.</exception>
    public RateBudget? For(string clientName, QuantDeskClientOptions options)
    {
        var settings = options.RateBudget;
        if (!settings.IsEnabled)
        {
            return null;
        }

        // A client's own budget has a key no shared one can have.
        var key = settings.SharedKey is { } shared ? "shared:" + shared : "client:" + clientName;
        var budget = _budgets.GetOrAdd(key, static (_, state) => new Lazy<RateBudget>(() => new RateBudget(state.Settings, state.Clock)), (Settings: settings, Clock: options.TimeProvider)).Value;
        if (budget.Limits != (settings.PermitLimit, settings.Window, settings.QueueLimit, settings.WhenExhausted))
        {
            if (settings.SharedKey is null)
            {
                // The client's own settings were reloaded: its budget starts afresh with them.
                var replacement = new Lazy<RateBudget>(() => new RateBudget(settings, options.TimeProvider));
                _budgets[key] = replacement;
                return replacement.Value;
            }

            throw new InvalidOperationException(
                $"QuantDesk:RateBudget:SharedKey '{settings.SharedKey}' is shared by clients with different limits ({budget.Limits.PermitLimit} per {budget.Limits.Window} and {settings.PermitLimit} per {settings.Window}); give every client that shares a key the same PermitLimit, Window, QueueLimit and WhenExhausted.");
        }

        return budget;
    }

    public void Dispose()
    {
        foreach (var budget in _budgets.Values)
        {
            if (budget.IsValueCreated)
            {
                budget.Value.Dispose();
            }
        }
    }
}
