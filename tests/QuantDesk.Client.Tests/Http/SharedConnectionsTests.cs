using QuantDesk.Client.Http;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Http;

/// <summary>One connection pool behind many handlers: IHttpClientFactory disposes the handlers it recycles, never the pool.</summary>
public sealed class SharedConnectionsTests
{
    [Test]
    public async Task Disposing_one_handler_leaves_the_pool_to_the_others()
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(204, null, []));
        using var connections = new SharedConnections();
        var recycled = new HttpClient(connections.CreateHandler());
        using var current = new HttpClient(connections.CreateHandler());
        using (await recycled.GetAsync(server.BaseAddress))
        {
        }

        recycled.Dispose();
        using var response = await current.GetAsync(server.BaseAddress);

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
    }
}
