using System.Net;

namespace QuantDesk.Client.Benchmarks.InMemory;

/// <summary>
/// Answers from memory, without sockets: the body a subclass finds for the request with 200, the documented 404 body
/// otherwise. Shared by every variant of a benchmark, so each pays the same for it.
/// </summary>
public abstract class InMemoryAnswerHandler : HttpMessageHandler
{
    public static readonly Uri BaseAddress = new("https://quantdesk.in-memory/");

    /// <summary>The 200 body for the request, or null for a 404.</summary>
    protected abstract byte[]? BodyFor(HttpRequestMessage request);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = BodyFor(request);
        var response = new HttpResponseMessage(body is null ? HttpStatusCode.NotFound : HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(body ?? ExampleBodies.NotFound),
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
