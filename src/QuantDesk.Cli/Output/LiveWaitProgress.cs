using System.Diagnostics;
using System.Globalization;
using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output;

/// <summary>Progress for an interactive terminal: one spinner line, redrawn after every poll with the status, poll count and time.</summary>
internal sealed class LiveWaitProgress(StatusContext status, string runId) : IProgress<BacktestRun>
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _polls;

    public static string Waiting(string runId) => $"Run {Markup.Escape(runId)}";

    public void Report(BacktestRun value)
    {
        var polls = Interlocked.Increment(ref _polls);
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        status.Status = $"{Waiting(runId)}: [{RunTable.StatusStyle(value.Status).Foreground.ToMarkup()}]{Markup.Escape(value.Status.ToString())}[/] " +
                        $"(poll {polls}, {elapsed} s)";
    }
}
