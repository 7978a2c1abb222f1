using System.Globalization;

namespace QuantDesk.Client.Tests.Reliability;

/// <summary>
/// One row of the fault matrix: how the server misbehaves, and the exact outcome the client must end in. The same
/// values are asserted by <see cref="FaultMatrixTests"/> and rendered into docs/reliability.md.
/// </summary>
/// <param name="Name">The test name.</param>
/// <param name="Fault">What the server does, for the table.</param>
/// <param name="Start">Starts the misbehaving server.</param>
/// <param name="Expected">The exception type, or <see langword="null"/> for a result.</param>
/// <param name="StatusCode">The exception's status code (or null: no answer).</param>
/// <param name="Attempts">Requests the client sends (and the server sees, where it can count).</param>
/// <param name="Elapsed">Bounds on the call's duration.</param>
public sealed record FaultCase(
    string Name,
    string Fault,
    Func<FaultServer> Start,
    Type? Expected,
    int? StatusCode,
    int Attempts,
    ElapsedBounds Elapsed)
{
    /// <summary>Settings on top of the matrix's defaults (fast retry delays).</summary>
    public Action<QuantDeskClientOptions>? Configure { get; init; }

    /// <summary>What else is true of the outcome, for the table; each is asserted.</summary>
    public IReadOnlyList<OutcomeDetail> Details { get; init; } = [];

    public string Outcome => Expected is null
        ? "result"
        : StatusCode is { } status ? $"`{Expected.Name}` ({status})" : $"`{Expected.Name}`";

    public override string ToString() => Name;
}

/// <summary>A fact about an outcome, worded for the table and checked against the exception.</summary>
public sealed record OutcomeDetail(string Note, Func<Exception?, bool> Holds);

/// <summary>How long the call may take: at least <paramref name="Min"/>, less than <paramref name="Max"/>.</summary>
public sealed record ElapsedBounds(TimeSpan Min, TimeSpan Max)
{
    public static ElapsedBounds Under(double seconds) => new(TimeSpan.Zero, TimeSpan.FromSeconds(seconds));

    public static ElapsedBounds Between(double minSeconds, double maxSeconds) => new(TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds));

    public override string ToString() => Min == TimeSpan.Zero
        ? string.Create(CultureInfo.InvariantCulture, $"< {Max.TotalSeconds:0.##} s")
        : string.Create(CultureInfo.InvariantCulture, $"≥ {Min.TotalSeconds:0.##} s, < {Max.TotalSeconds:0.##} s");
}
