using System.Globalization;
using QuantDesk.Client;
using QuantDesk.Client.Testing;

namespace QuantDesk.Cli.Connection;

/// <summary>The client one command uses, and the embedded sandbox behind it with <c>--sandbox</c>.</summary>
internal sealed class ApiSession : IDisposable
{
    private readonly QuantDeskSandbox? _sandbox;

    private ApiSession(IBacktestClient client, QuantDeskSandbox? sandbox)
    {
        Client = client;
        _sandbox = sandbox;
    }

    public IBacktestClient Client { get; }

    /// <summary>The sandbox's address with <c>--sandbox</c>; null against a real API.</summary>
    public Uri? SandboxAddress => _sandbox?.BaseAddress;

    public static ApiSession Open(ConnectionSettings settings)
    {
        var sandbox = settings.Sandbox ? QuantDeskSandbox.Start() : null;
        try
        {
            var options = new QuantDeskClientOptions
            {
                BaseAddress = sandbox?.BaseAddress ?? settings.BaseAddress,
                AccessToken = settings.Token,
                ApplicationId = ApplicationId,
            };
            options.Retry.MaxRetryAttempts = settings.Retries;
            return new ApiSession(new BacktestClient(options), sandbox);
        }
        catch
        {
            sandbox?.Dispose();
            throw;
        }
    }

    public void Dispose() => _sandbox?.Dispose();

    // Tells the QuantDesk operators which tool and version the traffic comes from.
    private static string ApplicationId =>
        typeof(ApiSession).Assembly.GetName().Version is { } version
            ? string.Create(CultureInfo.InvariantCulture, $"quantdesk-cli/{version.Major}.{version.Minor}.{version.Build}")
            : "quantdesk-cli";
}
