namespace QuantDesk.Client;

/// <summary>What a call does when the client-side rate budget has no permit left (<see cref="QuantDeskRateBudgetOptions"/>).</summary>
public enum QuantDeskRateBudgetBehavior
{
    /// <summary>Wait in line for the next window's permits, within the call's <see cref="QuantDeskClientOptions.TotalTimeout"/>.</summary>
    Wait = 0,

    /// <summary>Fail at once with a <see cref="QuantDeskRateLimitException"/> (<see cref="QuantDeskRateLimitException.IsClientSide"/>), sending nothing.</summary>
    Fail = 1,
}
