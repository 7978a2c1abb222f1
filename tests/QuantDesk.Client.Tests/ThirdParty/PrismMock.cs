using System.Diagnostics;
using System.Net.Sockets;
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
        var port = LoopbackPorts.Free();
        var arguments = $"mock {RepositoryFiles.PathOf("contract/quantdesk-openapi.upstream.json")} --host 127.0.0.1 --port {port}" + (dynamic ? $" --dynamic --seed {seed}" : string.Empty);
        var process = Process.Start(new ProcessStartInfo(Executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("Prism did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var mock = new PrismMock(process, new Uri($"http://127.0.0.1:{port}/"));

        // Listening is the only readiness signal Prism gives; a generous "does not hang" bound.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with {process.ExitCode}.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return mock;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        mock.Dispose();
        throw new TimeoutException("Prism did not listen within 30 s.");
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
