namespace QuantDesk.Client.Resilience;

/// <summary>Why the client-side rate budget sent a call back unsent.</summary>
internal enum RateBudgetRefusal
{
    /// <summary>No budget refused the call.</summary>
    None = 0,

    /// <summary>The window's permits are spent and the budget fails instead of waiting.</summary>
    Exhausted,

    /// <summary>The budget is paused by a 429's Retry-After and fails instead of waiting.</summary>
    Paused,

    /// <summary>As many calls as the queue holds are already waiting.</summary>
    QueueFull,

    /// <summary>No permit came within what was left of the call's TotalTimeout.</summary>
    OutOfTime,
}
