namespace QuantDesk.Client;

/// <summary>
/// How <see cref="IBacktestClient.WaitForCompletionAsync"/> polls a run: the interval starts at
/// <see cref="InitialPollInterval"/> and doubles up to <see cref="MaxPollInterval"/>; a <c>Retry-After</c> from the
/// API stretches the next wait; the whole wait ends after <see cref="Timeout"/>.
/// </summary>
public sealed class BacktestWaitOptions
{
    /// <summary>The wait before the second poll (the first is immediate). One second by default.</summary>
    public TimeSpan InitialPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls, at most a day. Ten seconds by default.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the whole wait may take before it fails with <see cref="QuantDeskTimeoutException"/>, at most 49 days
    /// (what a timer holds). Thirty minutes by default; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits as
    /// long as the run takes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after the wait starts a 404 is taken for a run that is not visible yet (a run read right after
    /// it was submitted) and polled again. Five seconds by default; <see cref="TimeSpan.Zero"/> fails on the
    /// first 404.
    /// </summary>
    public TimeSpan NotFoundGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Told about the run after every successful poll, the final one included.</summary>
    public IProgress<BacktestRun>? Progress { get; set; }

    private static readonly TimeSpan MaxPollIntervalLimit = TimeSpan.FromDays(1);

    // The longest delay a timer takes (uint.MaxValue - 1 milliseconds, about 49.7 days), rounded down.
    private static readonly TimeSpan TimeoutLimit = TimeSpan.FromDays(49);

    internal void Validate()
    {
        const string parameter = "options";
        if (InitialPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameter, InitialPollInterval, "BacktestWaitOptions.InitialPollInterval must be positive.");
        }

        if (MaxPollInterval < InitialPollInterval || MaxPollInterval > MaxPollIntervalLimit)
        {
            throw new ArgumentOutOfRangeException(parameter, MaxPollInterval, "BacktestWaitOptions.MaxPollInterval must not be shorter than InitialPollInterval, nor longer than a day.");
        }

        if ((Timeout <= TimeSpan.Zero || Timeout > TimeoutLimit) && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameter, Timeout, "BacktestWaitOptions.Timeout must be positive and at most 49 days, or Timeout.InfiniteTimeSpan.");
        }

        if (NotFoundGracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameter, NotFoundGracePeriod, "BacktestWaitOptions.NotFoundGracePeriod must not be negative.");
        }
    }
}
