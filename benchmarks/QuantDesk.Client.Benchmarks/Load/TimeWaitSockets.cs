using System.Globalization;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// Counts TCP sockets in TIME_WAIT (state 06 in /proc/net/tcp and tcp6) on a port: each closed connection leaves
/// one for a minute, so a client that does not pool connections shows thousands after a load run.
/// </summary>
public static class TimeWaitSockets
{
    private const string TimeWait = "06";

    public static int Count(int port)
    {
        var count = 0;
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
                if (fields.Length > 3 && fields[3] == TimeWait && (PortOf(fields[1]) == port || PortOf(fields[2]) == port))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static int PortOf(string address) =>
        int.Parse(address.AsSpan(address.LastIndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
