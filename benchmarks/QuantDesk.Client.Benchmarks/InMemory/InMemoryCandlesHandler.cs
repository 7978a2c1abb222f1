using System.Net;

namespace QuantDesk.Client.Benchmarks.InMemory;

/// <summary>
/// Answers GET api/v2/candles?symbol=SOL-PERP&amp;resolution=1h with <see cref="CandleBodies.TenThousand"/>, like
/// <see cref="InMemoryApiHandler"/> does for backtest runs (no sockets; the same bytes for every variant), and 404 for
/// anything else, so a variant that asked for something else would fail instead of being measured.
/// </summary>
public sealed class InMemoryCandlesHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var found = request.Method == HttpMethod.Get
            && string.Equals(request.RequestUri!.PathAndQuery, CandleBodies.PathAndQuery, StringComparison.Ordinal);
        var response = new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(found ? CandleBodies.TenThousand : ExampleBodies.NotFound),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Headers.TryAddWithoutValidation("X-Request-ID", "req_in_memory");
        return Task.FromResult(response);
    }

    // IHttpClientFactory disposes primary handlers it rotates out; this one is shared and holds nothing.
    protected override void Dispose(bool disposing)
    {
    }
}
