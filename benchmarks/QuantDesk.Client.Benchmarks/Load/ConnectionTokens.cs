using System.Collections.Concurrent;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// The Bearer tokens each connection carried while recording. Seen from the server, clients that send on one pool
/// are the only ones whose tokens meet on a connection: with a pool per name, every connection would carry one
/// name's token. Off during the measured rounds, so the server's cost there is one field read per call.
/// </summary>
public sealed class ConnectionTokens
{
    private readonly ConcurrentDictionary<(string Connection, string Authorization), byte> _seen = new();
    private volatile bool _recording;

    public bool IsRecording => _recording;

    public void Start()
    {
        _seen.Clear();
        _recording = true;
    }

    public void Stop() => _recording = false;

    public void Add(string connection, string authorization) => _seen.TryAdd((connection, authorization), 0);

    public int Connections => _seen.Keys.Select(key => key.Connection).Distinct(StringComparer.Ordinal).Count();

    public int Tokens => _seen.Keys.Select(key => key.Authorization).Distinct(StringComparer.Ordinal).Count();

    public int ConnectionsWithSeveralTokens => _seen.Keys.GroupBy(key => key.Connection, StringComparer.Ordinal).Count(group => group.Count() > 1);
}
