using System.CommandLine;
using QuantDesk.Cli.Input;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Backtests;

/// <summary><c>--poll-interval</c> and <c>--timeout</c>, and the wait they describe.</summary>
internal sealed class WaitOptions
{
    // The sandbox answers at once, so a short interval finishes a sandbox wait in well under a second.
    private static readonly TimeSpan SandboxPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SandboxMaxPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly BacktestWaitOptions Defaults = new();

    public Option<TimeSpan?> PollInterval { get; } = new("--poll-interval")
    {
        Description = $"The first wait between polls; it doubles up to {Duration.Describe(Defaults.MaxPollInterval)} (or this value, if longer). " +
                      $"Default: {Duration.Describe(Defaults.InitialPollInterval)}, {Duration.Describe(SandboxPollInterval)} with --sandbox. Format: {Duration.Format}.",
        HelpName = "duration",
        CustomParser = OptionParsers.PositiveDuration,
    };

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = $"How long to wait for the run to finish before giving up (exit code 6). Default: {Duration.Describe(Defaults.Timeout)}.",
        HelpName = "duration",
        CustomParser = OptionParsers.PositiveDuration,
    };

    public IEnumerable<Option> All => [PollInterval, Timeout];

    public BacktestWaitOptions Create(ParseResult parseResult, bool sandbox, IProgress<BacktestRun>? progress)
    {
        var options = new BacktestWaitOptions { Progress = progress };
        if (sandbox)
        {
            options.InitialPollInterval = SandboxPollInterval;
            options.MaxPollInterval = SandboxMaxPollInterval;
        }

        if (parseResult.GetValue(PollInterval) is { } interval)
        {
            options.InitialPollInterval = interval;
            options.MaxPollInterval = interval > options.MaxPollInterval ? interval : options.MaxPollInterval;
        }

        if (parseResult.GetValue(Timeout) is { } timeout)
        {
            options.Timeout = timeout;
        }

        return options;
    }
}
