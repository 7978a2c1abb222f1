using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Support;

/// <summary>
/// A sandbox on loopback plus a client resolved the way users get it (AddQuantDeskClient), with fast retry
/// delays, the token on every call and every log line captured.
/// </summary>
public sealed class ClientFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public ClientFixture(Action<QuantDeskClientOptions>? configure = null, Action<IHttpClientBuilder>? builder = null)
    {
        Sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        var httpClient = services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = Sandbox.BaseAddress;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);

            // Most tests drive the token pipeline through the simplest GET, which is public: they send the token on
            // every call. The default (only on secured operations) is pinned by SecuredOperationTokenTests.
            options.SendAccessTokenOnEveryCall = true;
            configure?.Invoke(options);
        });
        builder?.Invoke(httpClient);
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<IBacktestClient>();
        Api = _services.GetRequiredService<IQuantDeskClient>();
    }

    public QuantDeskSandbox Sandbox { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IBacktestClient Client { get; }

    public IQuantDeskClient Api { get; }

    public IServiceProvider Services => _services;

    public void Dispose()
    {
        _services.Dispose();
        Sandbox.Dispose();
    }
}
