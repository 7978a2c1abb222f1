namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// Which variant opened each client connection to the server. Every variant's pool keeps its connections between
/// its turns, so the port's connections after the run are all the variants' together; an idle pool opens none, so a
/// connection first seen after a variant's turn is that variant's.
/// </summary>
public sealed class ConnectionOwners
{
    private readonly int _port;
    private readonly Dictionary<int, int> _ownerByLocalPort = [];
    private HashSet<int> _seen;

    public ConnectionOwners(int port)
    {
        _port = port;
        _seen = TcpSockets.EstablishedClientPorts(port);
    }

    /// <summary>Gives the connections that appeared since the last turn to <paramref name="variant"/>.</summary>
    public void AfterTurnOf(int variant)
    {
        var now = TcpSockets.EstablishedClientPorts(_port);

        // A port the kernel hands out again after its connection closed belongs to whoever opened it last.
        foreach (var localPort in now.Where(localPort => !_seen.Contains(localPort)))
        {
            _ownerByLocalPort[localPort] = variant;
        }

        _seen = now;
    }

    /// <summary>
    /// The ESTABLISHED client connections to the port now, per variant, and those opened before the first turn
    /// (by something else on the machine).
    /// </summary>
    public (int[] PerVariant, int Unattributed) Established(int variants)
    {
        var perVariant = new int[variants];
        var unattributed = 0;
        foreach (var localPort in TcpSockets.EstablishedClientPorts(_port))
        {
            if (_ownerByLocalPort.TryGetValue(localPort, out var variant))
            {
                perVariant[variant]++;
            }
            else
            {
                unattributed++;
            }
        }

        return (perVariant, unattributed);
    }
}
