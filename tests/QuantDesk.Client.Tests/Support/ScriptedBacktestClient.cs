namespace QuantDesk.Client.Tests.Support;

/// <summary>
/// A client whose polls answer from a script (a run, or an exception to throw), on a fake clock, so the waits
/// between polls run in microseconds and their lengths can be read off <see cref="PollTimes"/>.
/// </summary>
public sealed class ScriptedBacktestClient(SteppedClock clock, params Func<BacktestRun>[] polls)
    : BacktestClient(new HttpClient(), clock)
{
    private readonly Queue<Func<BacktestRun>> _polls = new(polls);

    public List<TimeSpan> PollTimes { get; } = [];

    public DateTimeOffset Start { get; } = clock.GetUtcNow();

    public static Func<BacktestRun> Run(BacktestRunStatus status) => () => QuantDeskModelFactory.BacktestRun("run-1", status);

    public static Func<BacktestRun> Fails(int statusCode, TimeSpan? retryAfter = null) =>
        () => throw QuantDeskModelFactory.ApiException(statusCode, retryAfter: retryAfter, requestId: "req_scripted");

    public override Task<BacktestRunResponse> GetBacktestRunAsync(string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (PollTimes)
        {
            PollTimes.Add(clock.GetUtcNow() - Start);
        }

        var poll = _polls.Count > 1 ? _polls.Dequeue() : _polls.Peek();
        try
        {
            return Task.FromResult(QuantDeskModelFactory.BacktestRunResponse(poll()));
        }
        catch (Exception exception)
        {
            return Task.FromException<BacktestRunResponse>(exception);
        }
    }

    /// <summary>Moves the clock until the task ends (<see cref="SteppedClock.RunAsync{T}"/>).</summary>
    public Task<T> RunAsync<T>(Task<T> task, TimeSpan step, TimeSpan limit) => clock.RunAsync(task, step, limit);
}
