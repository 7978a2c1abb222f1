namespace QuantDesk.Client.Benchmarks.InMemory;

/// <summary>
/// Answers GET api/v2/candles?symbol=SOL-PERP&amp;resolution=1h with <see cref="CandleBodies.TenThousand"/>, and 404
/// for anything else, so a variant that asked for something else would fail instead of being measured.
/// </summary>
public sealed class InMemoryCandlesHandler : InMemoryAnswerHandler
{
    protected override byte[]? BodyFor(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get && string.Equals(request.RequestUri!.PathAndQuery, CandleBodies.PathAndQuery, StringComparison.Ordinal)
            ? CandleBodies.TenThousand
            : null;
}
