using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Benchmarks.InMemory;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// Kestrel on a free 127.0.0.1 port, answering the run and portfolio requests with the same bytes as the sandbox, and
/// noting which tokens each connection carries while <see cref="Tokens"/> records.
/// </summary>
public sealed class LoopbackApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApiServer(WebApplication app, Uri baseAddress, ConnectionTokens tokens)
    {
        _app = app;
        BaseAddress = baseAddress;
        Tokens = tokens;
    }

    public Uri BaseAddress { get; }

    public ConnectionTokens Tokens { get; }

    public static async Task<LoopbackApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var tokens = new ConnectionTokens();
        app.Run(context =>
        {
            if (tokens.IsRecording)
            {
                tokens.Add(context.Connection.Id, context.Request.Headers.Authorization.ToString());
            }

            var path = context.Request.Path.Value ?? string.Empty;
            var body = path.EndsWith("/runs/" + ExampleBodies.RunId, StringComparison.Ordinal) ? ExampleBodies.Run
                : path.EndsWith("/portfolio", StringComparison.Ordinal) ? ExampleBodies.Portfolio
                : null;
            context.Response.StatusCode = body is not null ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body ?? ExampleBodies.NotFound).AsTask();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackApiServer(app, new Uri(address.TrimEnd('/') + "/"), tokens);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
