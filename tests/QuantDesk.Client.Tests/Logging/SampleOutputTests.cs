using System.Diagnostics;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Logging;

/// <summary>
/// The built sample (samples/QuantDesk.Client.Sample), run as a process of its own the way a newcomer runs it: what it
/// prints against a server that cannot be reached, and against its embedded sandbox.
/// </summary>
public sealed class SampleOutputTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Against_a_refused_port_the_sample_prints_one_log_line_and_one_error_line_and_exits_with_1()
    {
        var port = LoopbackPorts.Closed();

        var (exitCode, output, error) = await RunSampleAsync("--base-url", $"http://127.0.0.1:{port}/", "--run-id", "abc");

        var outputLines = Lines(output);
        var errorLines = Lines(error);
        var all = outputLines.Concat(errorLines).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), output + error);
            Assert.That(all, Has.None.Contains("   at "), "no stack trace");
            Assert.That(all, Has.None.Contains("Unhandled exception"));
            Assert.That(all, Has.None.Match(@"^\s"), "every event is one line: no indented continuation lines");
            Assert.That(all, Has.None.Contains("Polly"), "Polly's own events are not shown");
            Assert.That(all, Has.None.Contains("[1002]"), "a scheduled retry is Information, below the sample's minimum level");
            Assert.That(outputLines, Is.EqualTo(new[]
            {
                $"QuantDesk API: http://127.0.0.1:{port}/",
                $"warn: QuantDesk.Client[1003] QuantDesk API call getBacktestRun GET http://127.0.0.1:{port}/api/v2/backtest/runs/abc failed after 4 attempt(s): QuantDesk.Client.QuantDeskConnectionException (no response)",
            }));
            Assert.That(errorLines, Has.Count.EqualTo(1));
            Assert.That(errorLines.FirstOrDefault(), Does.StartWith("QuantDesk API call GET /api/v2/backtest/runs/abc could not reach 127.0.0.1"));
        });
    }

    [Test]
    public async Task Against_the_embedded_sandbox_the_sample_prints_the_metrics_with_the_drawdown_as_a_percentage_without_a_space()
    {
        var (exitCode, output, error) = await RunSampleAsync();

        var lines = Lines(output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), output + error);
            Assert.That(lines, Does.Contain("Sharpe     1.84"));
            Assert.That(lines, Does.Contain("Max DD     -14.0%"));
            Assert.That(Lines(error), Is.Empty);
        });
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunSampleAsync(params string[] arguments)
    {
        // The sample is built beside the tests, in the same configuration (the test project references it for that).
        var configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
        var sample = RepositoryFiles.PathOf($"samples/QuantDesk.Client.Sample/bin/{configuration}/net10.0/QuantDesk.Client.Sample.dll");
        Assert.That(File.Exists(sample), Is.True, $"the sample is not built: {sample}");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(sample);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("QUANTDESK_TOKEN");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the sample did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the sample did not end within {Patience.TotalSeconds} s");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    private static List<string> Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Where(line => line.Length > 0).ToList();
}
