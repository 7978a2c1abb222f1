namespace QuantDesk.Client;

/// <summary>What a run's status means for waiting; the values themselves are generated from openapi.json.</summary>
public readonly partial struct BacktestRunStatus
{
    /// <summary>
    /// Whether the run is still in progress (<see cref="Queued"/>, <see cref="Pending"/> or <see cref="Running"/>).
    /// Any other status, including one this version does not know or an empty one, is final.
    /// </summary>
    public bool IsInProgress => Equals(Queued) || Equals(Pending) || Equals(Running);

    /// <summary>Whether the run completed successfully (<see cref="Completed"/>).</summary>
    public bool IsCompleted => Equals(Completed);
}
