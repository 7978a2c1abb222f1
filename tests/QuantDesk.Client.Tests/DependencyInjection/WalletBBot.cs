using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.DependencyInjection;

/// <summary>A service that asks for one wallet's client the way applications do, by a keyed constructor parameter.</summary>
public sealed class WalletBBot([FromKeyedServices("wallet-b")] IQuantDeskClient client)
{
    public Task RunAsync() => client.Backtests.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
}
