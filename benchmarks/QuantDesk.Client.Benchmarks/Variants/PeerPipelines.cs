using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refit;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>
/// What a user writes by hand today instead of using this client, registered the way the .NET documentation shows:
/// a typed HttpClient (the raw client, or Refit) with a static Bearer handler and <c>AddStandardResilienceHandler()</c>
/// (rate limiter, total timeout, retry, circuit breaker, attempt timeout), with the factory's default logging
/// handlers and a console logger at Warning, as <see cref="FullPipeline"/> has.
/// </summary>
public static class PeerPipelines
{
    public static ServiceProvider HandRolled(Uri baseAddress, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        var services = NewServices();
        var builder = services
            .AddHttpClient<RawHttpClientApi>(client => client.BaseAddress = baseAddress)
            .AddHttpMessageHandler(() => new StaticBearerHandler(FullPipeline.Token));
        builder.AddStandardResilienceHandler();
        configureHttpClient?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    /// <summary>Refit's source-generated client over a named HttpClient with the same handlers.</summary>
    public static ServiceProvider Refit(Uri baseAddress, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        var services = NewServices();
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = HandWrittenJsonContext.Default }));
        var builder = services
            .AddHttpClient(nameof(IRefitBacktestApi), client => client.BaseAddress = baseAddress)
            .AddHttpMessageHandler(() => new StaticBearerHandler(FullPipeline.Token));
        builder.AddStandardResilienceHandler();
        configureHttpClient?.Invoke(builder);
        services.AddSingleton(provider => RestService.For<IRefitBacktestApi>(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IRefitBacktestApi)), settings));
        return services.BuildServiceProvider();
    }

    private static ServiceCollection NewServices()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        return services;
    }
}
