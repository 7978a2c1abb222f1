using System.Net.Http.Headers;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>What a hand-written client adds for a static Bearer token: the header on every request.</summary>
public sealed class StaticBearerHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
