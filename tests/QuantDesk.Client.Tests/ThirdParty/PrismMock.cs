using System.Diagnostics;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.ThirdParty;

/// <summary>
/// Stoplight Prism (a validating mock server, npm @stoplight/prism-cli, pinned) serving the upstream QuantDesk
/// document, installed into artifacts/prism on first use. It refuses requests the document does not allow (422)
/// and answers with the document's examples, or with random bodies the document allows (<c>--dynamic</c>).
/// </summary>
internal sealed class PrismMock : IDisposable
{
    public const string Version = "5.16.0";

    private static readonly string InstallDirectory = RepositoryFiles.PathOf("artifacts/prism");
    private static readonly string Executable = Path.Combine(InstallDirectory, "node_modules", ".bin", "prism");
    private static readonly Lock InstallLock = new();

    private readonly Process _process;

    private PrismMock(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<PrismMock> StartAsync(bool dynamic, int seed = 0)
    {
        EnsureInstalled();

        // A free port can be taken by another test process before Prism binds it; Prism then exits, and a new port is
        // tried. Readiness is Prism's own "listening" line, so a server of another process is never taken for it.
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPorts.Free();
            var mock = Start(port, dynamic, seed, out var listening);
            var outcome = await Task.WhenAny(listening, Task.Delay(TimeSpan.FromSeconds(60)));
            if (outcome == listening && await listening)
            {
                return mock;
            }

            mock.Dispose();
            if (outcome != listening)
            {
                throw new TimeoutException("Prism did not listen within 60 s.");
            }

            if (attempt == 5)
            {
                throw new InvalidOperationException("Prism exited before listening on five free ports in a row.");
            }
        }
    }

    private static PrismMock Start(int port, bool dynamic, int seed, out Task<bool> listening)
    {
        var arguments = $"mock {RepositoryFiles.PathOf("contract/quantdesk-openapi.upstream.json")} --host 127.0.0.1 --port {port}" + (dynamic ? $" --dynamic --seed {seed}" : string.Empty);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(Executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false },
            EnableRaisingEvents = true,
        };
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeningLine = $"Prism is listening on http://127.0.0.1:{port}";
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains(listeningLine, StringComparison.Ordinal) == true)
            {
                ready.TrySetResult(true);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => ready.TrySetResult(false);
        if (!process.Start())
        {
            throw new InvalidOperationException("Prism did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        listening = ready.Task;
        return new PrismMock(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (File.Exists(Executable))
            {
                return;
            }

            Directory.CreateDirectory(InstallDirectory);
            using var npm = Process.Start(new ProcessStartInfo("npm", $"install --no-save --no-audit --no-fund --prefix \"{InstallDirectory}\" @stoplight/prism-cli@{Version}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("npm did not start: Node.js and npm are needed for the Prism tests.");
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEnd();
            npm.WaitForExit();
            if (npm.ExitCode != 0 || !File.Exists(Executable))
            {
                throw new InvalidOperationException($"npm could not install @stoplight/prism-cli@{Version}: {error}{output.Result}");
            }
        }
    }
}
