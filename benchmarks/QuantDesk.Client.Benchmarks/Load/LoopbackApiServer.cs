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

/// <summary>Kestrel on a free 127.0.0.1 port, answering the run request with the same bytes as the sandbox.</summary>
public sealed class LoopbackApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApiServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<LoopbackApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context =>
        {
            var found = context.Request.Path.Value?.EndsWith("/runs/" + ExampleBodies.RunId, StringComparison.Ordinal) == true;
            context.Response.StatusCode = found ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(found ? ExampleBodies.Run : ExampleBodies.NotFound).AsTask();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackApiServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
