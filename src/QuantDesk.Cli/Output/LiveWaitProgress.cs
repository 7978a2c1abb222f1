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

    /// <summary>The line shown before the first poll has answered.</summary>
    public static string Waiting(string runId) => $"{Label(runId)}: waiting for the first poll";

    public void Report(BacktestRun value)
    {
        var polls = Interlocked.Increment(ref _polls);
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        status.Status = $"{Label(runId)}: [{RunTable.StatusStyle(value.Status).Foreground.ToMarkup()}]{Markup.Escape(value.Status.ToString())}[/] " +
                        $"(poll {polls}, {elapsed} s)";
    }

    private static string Label(string runId) => $"Run {Markup.Escape(runId)}";
}
