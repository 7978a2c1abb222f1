using System.Globalization;
using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output;

/// <summary>
/// Progress for an interactive terminal: one spinner line with the run's last status, the poll count and the time
/// waited so far. The time moves on between polls (redrawn every <see cref="TickInterval"/>), so a long pause — a
/// growing poll interval or a server's Retry-After — never looks frozen.
/// </summary>
internal sealed class LiveWaitProgress : IProgress<BacktestRun>, IDisposable
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(200);

    private readonly IStatusLine _line;
    private readonly string _runId;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly ITimer _ticker;
    private readonly Lock _gate = new();
    private BacktestRun? _last;
    private int _polls;

    public LiveWaitProgress(IStatusLine line, string runId, TimeProvider clock)
    {
        _line = line;
        _runId = runId;
        _clock = clock;
        _started = clock.GetTimestamp();
        _ticker = clock.CreateTimer(_ => Redraw(), null, TickInterval, TickInterval);
    }

    /// <summary>The line shown before the first poll has answered.</summary>
    public static string Waiting(string runId) => $"{Label(runId)}: waiting for the first poll";

    public void Report(BacktestRun value)
    {
        lock (_gate)
        {
            _last = value;
            _polls++;
        }

        Redraw();
    }

    public void Dispose() => _ticker.Dispose();

    private void Redraw()
    {
        BacktestRun? last;
        int polls;
        lock (_gate)
        {
            last = _last;
            polls = _polls;
        }

        var elapsed = _clock.GetElapsedTime(_started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        _line.Show(last is null
            ? $"{Waiting(_runId)} ({elapsed} s)"
            : $"{Label(_runId)}: [{Palette.RunStatus(last.Status).Foreground.ToMarkup()}]{Markup.Escape(TerminalText.Safe(last.Status.ToString()))}[/] (poll {polls}, {elapsed} s)");
    }

    private static string Label(string runId) => $"Run {Markup.Escape(TerminalText.Safe(runId))}";
}
