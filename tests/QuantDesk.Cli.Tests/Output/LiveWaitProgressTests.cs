using Microsoft.Extensions.Time.Testing;
using QuantDesk.Cli.Output;

namespace QuantDesk.Cli.Tests.Output;

public sealed class LiveWaitProgressTests
{
    private sealed class RecordedLine : IStatusLine
    {
        public List<string> Shown { get; } = [];

        public void Show(string markup) => Shown.Add(markup);
    }

    [Test]
    public void The_elapsed_time_moves_between_polls()
    {
        var clock = new FakeTimeProvider();
        var line = new RecordedLine();
        using var progress = new LiveWaitProgress(line, "run-1", clock);

        progress.Report(new BacktestRun { RunId = "run-1", Status = BacktestRunStatus.Running });
        clock.Advance(TimeSpan.FromSeconds(2.5));

        Assert.That(line.Shown[0], Does.EndWith("(poll 1, 0.0 s)"));
        Assert.That(line.Shown[^1], Does.EndWith("(poll 1, 2.5 s)"), "redrawn by the ticker, not by a poll");
        Assert.That(line.Shown, Has.Count.GreaterThanOrEqualTo(1 + (int)(2.5 / LiveWaitProgress.TickInterval.TotalSeconds)));
    }

    [Test]
    public void Before_the_first_answer_the_line_shows_the_wait_so_far()
    {
        var clock = new FakeTimeProvider();
        var line = new RecordedLine();
        using var progress = new LiveWaitProgress(line, "run-1", clock);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(line.Shown[^1], Is.EqualTo("Run run-1: waiting for the first poll (1.0 s)"));
    }

    [Test]
    public void Disposed_progress_stops_redrawing()
    {
        var clock = new FakeTimeProvider();
        var line = new RecordedLine();
        var progress = new LiveWaitProgress(line, "run-1", clock);
        progress.Dispose();

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.That(line.Shown, Is.Empty);
    }
}
