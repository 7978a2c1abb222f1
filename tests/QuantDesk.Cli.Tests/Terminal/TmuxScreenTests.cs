using System.Diagnostics;

namespace QuantDesk.Cli.Tests.Terminal;

/// <summary>
/// What a person sees: the built tool runs in a real terminal (a detached tmux pane, 100×32, xterm-256color) and
/// the screen is read back with <c>tmux capture-pane</c>, as text and with its colour escapes.
/// </summary>
[NonParallelizable]
public sealed class TmuxScreenTests
{
    private static readonly TimeSpan DoesNotHang = TimeSpan.FromSeconds(60);

    [Test]
    public async Task The_orderbook_and_candles_views_on_a_real_terminal()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Inconclusive("tmux runs on Linux and macOS only.");
        }

        var tool = typeof(QuantDeskCli).Assembly.Location;
        var socket = $"quantdesk-test-{Guid.NewGuid():N}";
        try
        {
            var book = await ScreenAsync(socket, "book", $"dotnet '{tool}' --sandbox markets orderbook SOL-PERP --depth 5");
            var candles = await ScreenAsync(socket, "candles", $"dotnet '{tool}' --sandbox markets candles SOL-PERP --height 8");

            Assert.That(book.Text, Does.Contain("SOL-PERP · mid 168.42 · spread 0.02 (1.2 bps) · source cache"));
            Assert.That(book.Text.Split('\n').Count(line => line.StartsWith("ask 168.", StringComparison.Ordinal) && line.TrimEnd().EndsWith('█')), Is.EqualTo(5));
            Assert.That(book.Text.Split('\n').Count(line => line.StartsWith("bid 168.", StringComparison.Ordinal) && line.TrimEnd().EndsWith('█')), Is.EqualTo(5));
            Assert.That(book.Escaped, Does.Match("\u001b\\[[0-9;]*(31|91|38;5;9|38:5:9)[0-9;]*m"), "asks in red");
            Assert.That(book.Escaped, Does.Match("\u001b\\[[0-9;]*(32|92|38;5;2|38:5:2)[0-9;]*m"), "bids in green");

            Assert.That(candles.Text, Does.Contain("SOL-PERP 1h · 96 candles · close 168.42"));
            Assert.That(candles.Text.Split('\n').Count(line => line.Contains(" ┤ ", StringComparison.Ordinal) || line.Contains(" │ ", StringComparison.Ordinal)), Is.EqualTo(8), "8 chart rows");
            Assert.That(candles.Text, Does.Contain("┃"));
            Assert.That(candles.Text.Split('\n').Max(line => line.TrimEnd().Length), Is.LessThanOrEqualTo(100), "nothing wider than the pane");
        }
        finally
        {
            await TmuxAsync(socket, "kill-server");
        }
    }

    private static async Task<(string Text, string Escaped)> ScreenAsync(string socket, string session, string command)
    {
        const string done = "__screen_done__";
        var started = await TmuxAsync(socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "100", "-y", "32", "-e", "TERM=xterm-256color",
            $"sh -c \"{command.Replace("\"", "\\\"", StringComparison.Ordinal)}; echo {done}; sleep 120\"");
        Assert.That(started.ExitCode, Is.Zero, started.Output);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < DoesNotHang)
        {
            var text = await TmuxAsync(socket, "capture-pane", "-p", "-t", session);
            if (text.Output.Contains(done, StringComparison.Ordinal))
            {
                var escaped = await TmuxAsync(socket, "capture-pane", "-p", "-e", "-t", session);
                return (text.Output, escaped.Output);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the command did not finish within {DoesNotHang}: {command}");
        throw new InvalidOperationException();
    }

    private static async Task<(int ExitCode, string Output)> TmuxAsync(string socket, params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(socket);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("tmux is not installed: the terminal check needs it (apt install tmux).");
            throw;
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(DoesNotHang);
            return (process.ExitCode, output + error);
        }
    }
}
