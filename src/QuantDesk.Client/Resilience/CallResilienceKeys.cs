using Polly;

namespace QuantDesk.Client.Resilience;

/// <summary>The keys under which the client keeps its state in Polly's <see cref="ResilienceContext"/>.</summary>
internal static class CallResilienceKeys
{
    /// <summary>The call the strategies run (<see cref="CallState"/>).</summary>
    // Stryker disable once String : the client's one key is found by its name, whatever that is
    public static readonly ResiliencePropertyKey<CallState> Call = new("QuantDesk.Call");

    public static CallState? CallOf(ResilienceContext context) =>
        context.Properties.TryGetValue(Call, out var call) ? call : null;
}
