using System.Globalization;

namespace QuantDesk.Client;

/// <summary>
/// A client-side rate budget: at most <see cref="PermitLimit"/> attempts per <see cref="Window"/>, counted before an
/// attempt goes on the wire (the first and every retry), so the client keeps under the API's limits
/// instead of learning them from 429s. Off by default. Clients with the same <see cref="SharedKey"/> draw on one
/// budget; a 429 with <c>Retry-After</c> pauses the budget for every client sharing it.
/// </summary>
public sealed class QuantDeskRateBudgetOptions
{
    /// <summary>Requests allowed per <see cref="Window"/>; 0 (the default) turns the budget off.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The length of one window, after which its permits are all available again. Defaults to 1 second.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The budget's name among the clients of one container: registrations whose options give the same key, such as
    /// the API key or gateway they trade under, share one budget and its pauses. Null (the default): the client has a
    /// budget of its own. Clients sharing a key must give it the same limits (a reload may change them for all).
    /// Standalone clients (<c>new QuantDeskClient(options)</c>) share nothing: each has its own budget.
    /// </summary>
    public string? SharedKey { get; set; }

    /// <summary>Whether a call waits for a permit (the default) or fails at once.</summary>
    public QuantDeskRateBudgetBehavior WhenExhausted { get; set; } = QuantDeskRateBudgetBehavior.Wait;

    /// <summary>How many calls may wait for a permit at once; one more fails at once. Defaults to 1,000.</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Whether the budget is on: <see cref="PermitLimit"/> is above 0.</summary>
    internal bool IsEnabled => PermitLimit > 0;

    /// <inheritdoc />
    public override string ToString() =>
        IsEnabled
            ? string.Create(CultureInfo.InvariantCulture, $"{PermitLimit} per {Window.TotalSeconds:0.###} s, {WhenExhausted}, queue {QueueLimit}{(SharedKey is null ? string.Empty : ", shared")}")
            : "off";

    internal QuantDeskRateBudgetOptions Clone() => (QuantDeskRateBudgetOptions)MemberwiseClone();
}
