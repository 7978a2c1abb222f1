using System.Net;
using System.Net.Sockets;

namespace QuantDesk.Client.Tests.Support;

public static class LoopbackPorts
{
    /// <summary>A loopback port nothing listens on: connecting to it is refused.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
