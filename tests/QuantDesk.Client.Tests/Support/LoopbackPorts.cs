using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace QuantDesk.Client.Tests.Support;

public static class LoopbackPorts
{
    // Bound and never listening for the rest of the test run: a port that was merely released could be taken by
    // another test project running at the same time, and would then answer instead of refusing.
    private static readonly ConcurrentBag<Socket> Held = [];

    /// <summary>A loopback port that refuses every connection, and keeps doing so while the tests run.</summary>
    public static int Closed()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Held.Add(socket);
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A loopback port free at the moment, for a server of another process to listen on.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
