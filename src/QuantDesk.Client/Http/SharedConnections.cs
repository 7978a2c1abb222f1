namespace QuantDesk.Client.Http;

/// <summary>
/// One connection pool for every client a container registers, whatever its name: a pool is keyed by host and port,
/// and nothing a name owns lives on a connection (tokens travel per request, there is no cookie jar), so wallets
/// may share sockets safely. Owned by the container and closed with it; IHttpClientFactory's handler recycling
/// reaches only the non-owning <see cref="Handler"/>s, and DNS changes are seen through the pool's connection lifetime.
/// </summary>
internal sealed class SharedConnections : IDisposable
{
    private readonly SocketsHttpHandler _sockets = ClientPipeline.CreatePrimaryHandler();

    /// <summary>A primary handler for one HttpClient, sending on the shared pool without owning it.</summary>
    public HttpMessageHandler CreateHandler() => new Handler(_sockets);

    public void Dispose() => _sockets.Dispose();

    private sealed class Handler(SocketsHttpHandler sockets) : HttpMessageHandler
    {
        // Stryker disable once Boolean : the invoker is never disposed; the flag says that it must never close the shared pool
        private readonly HttpMessageInvoker _invoker = new(sockets, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invoker.SendAsync(request, cancellationToken);

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invoker.Send(request, cancellationToken);
    }
}
