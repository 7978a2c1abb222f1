using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output;

/// <summary>
/// Progress for output that is not an interactive terminal (a pipe, a file, a CI log): one plain line whenever the
/// run's status changes, instead of a line that redraws itself.
/// </summary>
internal sealed class PlainWaitProgress(IAnsiConsole console, string runId) : IProgress<BacktestRun>
{
    private BacktestRunStatus? _lastStatus;

    public void Report(BacktestRun value)
    {
        if (_lastStatus != value.Status)
        {
            _lastStatus = value.Status;
            console.WriteLine($"Run {TerminalText.Safe(runId)}: {TerminalText.Safe(value.Status.ToString())}");
        }
    }
}
