using System.Text.Json.Serialization;
using QuantDesk.Client.Serialization;

namespace QuantDesk.Client;

/// <summary>
/// The status of a backtest run. An extensible value: the known statuses are listed as properties, and any other
/// status the service sends is kept exactly as sent, so a client built today still reads runs in states added later.
/// Statuses compare case-insensitively.
/// </summary>
[JsonConverter(typeof(BacktestRunStatusJsonConverter))]
public readonly struct BacktestRunStatus : IEquatable<BacktestRunStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The status as the service spells it, for example <c>queued</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public BacktestRunStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The run is accepted and waits for a worker (<c>queued</c>).</summary>
    public static BacktestRunStatus Queued { get; } = new("queued");

    /// <summary>The run is waiting to be scheduled (<c>pending</c>).</summary>
    public static BacktestRunStatus Pending { get; } = new("pending");

    /// <summary>The simulation is in progress (<c>running</c>).</summary>
    public static BacktestRunStatus Running { get; } = new("running");

    /// <summary>The simulation finished and the metrics are final (<c>completed</c>).</summary>
    public static BacktestRunStatus Completed { get; } = new("completed");

    /// <summary>
    /// Whether the run is still in progress (<see cref="Queued"/>, <see cref="Pending"/> or <see cref="Running"/>).
    /// Any other status, including one this version does not know, is final.
    /// </summary>
    public bool IsInProgress => Equals(Queued) || Equals(Pending) || Equals(Running);

    /// <summary>Whether the run completed successfully (<see cref="Completed"/>).</summary>
    public bool IsCompleted => Equals(Completed);

    /// <summary>Converts a wire value to a status.</summary>
    /// <param name="value">The status as the service spells it.</param>
    public static implicit operator BacktestRunStatus(string value) => new(value);

    /// <summary>Whether two statuses are the same, ignoring case.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    public static bool operator ==(BacktestRunStatus left, BacktestRunStatus right) => left.Equals(right);

    /// <summary>Whether two statuses differ, ignoring case.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    public static bool operator !=(BacktestRunStatus left, BacktestRunStatus right) => !left.Equals(right);

    /// <summary>Whether this status is <paramref name="other"/>, ignoring case.</summary>
    /// <param name="other">The status to compare with.</param>
    /// <returns><see langword="true"/> when both spell the same status.</returns>
    public bool Equals(BacktestRunStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BacktestRunStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The status exactly as the service sent it.</summary>
    /// <returns>The wire value; empty for <see langword="default"/>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
