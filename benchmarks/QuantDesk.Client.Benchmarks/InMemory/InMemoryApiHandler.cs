using System.Net;

namespace QuantDesk.Client.Benchmarks.InMemory;

/// <summary>
/// Answers like the sandbox without sockets: the example run for its id, the documented 404 body for any other.
/// Shared by every variant, so each pays the same for it.
/// </summary>
public sealed class InMemoryApiHandler : HttpMessageHandler
{
    public static readonly Uri BaseAddress = new("https://quantdesk.in-memory/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var found = request.RequestUri!.OriginalString.EndsWith(ExampleBodies.RunId, StringComparison.Ordinal);
        var response = new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(found ? ExampleBodies.Run : ExampleBodies.NotFound),
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
