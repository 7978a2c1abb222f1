namespace QuantDesk.Client.Diagnostics;

/// <summary>Counts the requests one operation put on the wire (retries and a token-refresh resend included).</summary>
internal sealed class AttemptCounter
{
    private static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("QuantDesk.Client.Attempts");

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static AttemptCounter StartCounting(HttpRequestMessage request)
    {
        var counter = new AttemptCounter();
        request.Options.Set(Key, counter);
        return counter;
    }

    public static void CountAttempt(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Key, out var counter))
        {
            Interlocked.Increment(ref counter._count);
        }
    }
}
