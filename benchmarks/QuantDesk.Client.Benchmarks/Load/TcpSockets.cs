using System.Globalization;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// The kernel's TCP tables (/proc/net/tcp and tcp6), read for one port: sockets in TIME_WAIT (state 06), which each
/// closed connection leaves for a minute, so a client that does not pool connections shows thousands after a load
/// run; and the client ends of ESTABLISHED connections (state 01), which show how many connections a pool holds.
/// </summary>
public static class TcpSockets
{
    private const string Established = "01";
    private const string TimeWait = "06";

    /// <summary>Sockets in TIME_WAIT with <paramref name="port"/> at either end.</summary>
    public static int TimeWaitCount(int port) =>
        Rows().Count(row => row.State == TimeWait && (row.LocalPort == port || row.RemotePort == port));

    /// <summary>
    /// The local ports of the ESTABLISHED connections to <paramref name="port"/>: the client ends only, since on
    /// loopback the table holds the server's end of each connection too.
    /// </summary>
    public static HashSet<int> EstablishedClientPorts(int port) =>
        Rows().Where(row => row.State == Established && row.RemotePort == port).Select(row => row.LocalPort).ToHashSet();

    private static IEnumerable<(string State, int LocalPort, int RemotePort)> Rows()
    {
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st ...; addresses are HEXIP:HEXPORT.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3)
                {
                    yield return (fields[3], PortOf(fields[1]), PortOf(fields[2]));
                }
            }
        }
    }

    private static int PortOf(string address) =>
        int.Parse(address.AsSpan(address.LastIndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
