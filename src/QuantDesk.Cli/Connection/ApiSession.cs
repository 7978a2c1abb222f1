using System.Globalization;
using QuantDesk.Client;
using QuantDesk.Client.Testing;

namespace QuantDesk.Cli.Connection;

/// <summary>The client one command uses, and the embedded sandbox behind it with <c>--sandbox</c>.</summary>
internal sealed class ApiSession : IDisposable
{
    private readonly QuantDeskSandbox? _sandbox;

    private ApiSession(IQuantDeskClient api, QuantDeskSandbox? sandbox)
    {
        Api = api;
        _sandbox = sandbox;
    }

    public IQuantDeskClient Api { get; }

    /// <summary>The sandbox's address with <c>--sandbox</c>; null against a real API.</summary>
    public Uri? SandboxAddress => _sandbox?.BaseAddress;

    /// <summary>Opens the client, and the sandbox it talks to with <c>--sandbox</c>.</summary>
    /// <param name="settings">Where to connect, with which token.</param>
    /// <param name="retryNotices">Told before each retry's pause; null keeps retries silent (JSON and CSV output).</param>
    public static ApiSession Open(ConnectionSettings settings, RetryNotices? retryNotices)
    {
        var sandbox = settings.Sandbox ? SandboxScenery.Furnish(QuantDeskSandbox.Start()) : null;
        try
        {
            var options = new QuantDeskClientOptions
            {
                BaseAddress = sandbox?.BaseAddress ?? settings.BaseAddress,
                AccessToken = settings.Token,
                ApplicationId = ApplicationId,
            };
            options.Retry.MaxRetryAttempts = settings.Retries;
            options.Retry.OnRetry = retryNotices is null ? null : retryNotices.OnRetry;
            return new ApiSession(new QuantDeskClient(options), sandbox);
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
