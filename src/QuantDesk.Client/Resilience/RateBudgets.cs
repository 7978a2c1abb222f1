using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace QuantDesk.Client.Resilience;

/// <summary>
/// The rate budgets of one container (or of one standalone client), by key: a client with
/// <see cref="QuantDeskRateBudgetOptions.SharedKey"/> draws on the budget of that key, any other on one of its own.
/// </summary>
internal sealed class RateBudgets : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateBudget>> _budgets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int, TimeSpan, int, QuantDeskRateBudgetBehavior)> _limitsOf = new(StringComparer.Ordinal);

    /// <summary>The budget for a client, or null when its options leave the budget off.</summary>
    /// <exception cref="OptionsValidationException">Another client shares the key with other limits.</exception>
    public RateBudget? For(string clientName, QuantDeskClientOptions options)
    {
        var settings = options.RateBudget;
        if (!settings.IsEnabled)
        {
            return null;
        }

        // A client's own budget has a key no shared one can have.
        var key = settings.SharedKey is { } shared ? "shared:" + shared : "client:" + clientName;
        var limits = (settings.PermitLimit, settings.Window, settings.QueueLimit, settings.WhenExhausted);
        var agreedBefore = _limitsOf.TryGetValue(clientName, out var before) ? before : default((int, TimeSpan, int, QuantDeskRateBudgetBehavior)?);
        _limitsOf[clientName] = limits;
        while (true)
        {
            var current = _budgets.GetOrAdd(key, static (_, state) => new Lazy<RateBudget>(() => new RateBudget(state.Settings, state.Clock)), (Settings: settings, Clock: options.TimeProvider));
            if (current.Value.Limits == limits)
            {
                return current.Value;
            }

            // New limits replace the budget when they are a reload: of the client's own budget, or of a shared one by
            // a client that agreed with it before. Two clients that never agreed on a shared key are a mistake.
            if (settings.SharedKey is not null && agreedBefore != current.Value.Limits)
            {
                throw new OptionsValidationException(
                    clientName,
                    typeof(QuantDeskClientOptions),
                    [$"QuantDesk:RateBudget:SharedKey '{settings.SharedKey}' is shared by clients with different limits ({current.Value.Limits.PermitLimit} per {current.Value.Limits.Window} and {settings.PermitLimit} per {settings.Window}); give every client that shares a key the same PermitLimit, Window, QueueLimit and WhenExhausted."]);
            }

            // Whichever budget won a race to replace this one, the next turn of the loop reads it back.
            _budgets.TryUpdate(key, new Lazy<RateBudget>(() => new RateBudget(settings, options.TimeProvider)), current);
        }
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
