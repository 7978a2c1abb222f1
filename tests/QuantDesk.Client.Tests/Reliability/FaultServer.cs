using System.Net.Sockets;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Reliability;

/// <summary>Where a fault comes from: the sandbox, a raw loopback socket, or a port nothing listens on.</summary>
public sealed class FaultServer : IDisposable
{
    private readonly IDisposable? _server;
    private readonly Func<int>? _requests;

    private FaultServer(Uri baseAddress, IDisposable? server, Func<int>? requests)
    {
        BaseAddress = baseAddress;
        _server = server;
        _requests = requests;
    }

    public Uri BaseAddress { get; }

    /// <summary>How many requests (or, for a raw socket, connections) the server saw; null when nothing listens.</summary>
    public int? Requests => _requests?.Invoke();

    public static FaultServer Sandbox(Action<WireMockServer> arrange)
    {
        var sandbox = QuantDeskSandbox.Start();
        arrange(sandbox.Server);
        return new FaultServer(sandbox.BaseAddress, sandbox, () => sandbox.Server.RequestsTo(FaultCases.RunId));
    }

    public static FaultServer Raw(Func<NetworkStream, CancellationToken, Task> answer)
    {
        var server = new RawHttpServer(answer);
        return new FaultServer(server.BaseAddress, server, () => server.Connections);
    }

    public static FaultServer Refused() => new(new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/"), server: null, requests: null);

    public void Dispose() => _server?.Dispose();
}
