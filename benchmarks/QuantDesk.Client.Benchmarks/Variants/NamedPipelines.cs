using Microsoft.Extensions.DependencyInjection;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>
/// The client as a service holding several wallets registers it: one AddQuantDeskClient per name, each configured as
/// <see cref="FullPipeline"/> configures the unnamed client but with a token of its own. Each name has its own
/// pipeline (token source, retries, rate budget) over one connection pool, so spreading calls over the names shows
/// what the extra pipelines cost and whether the pool really is one.
/// </summary>
public static class NamedPipelines
{
    public static IReadOnlyList<string> Names { get; } = ["wallet-1", "wallet-2", "wallet-3", "wallet-4"];

    public static string TokenOf(string name) => $"benchmark-{name}.payload.signature";

    public static ServiceProvider Create(Uri baseAddress)
    {
        var services = FullPipeline.NewServices();
        foreach (var name in Names)
        {
            services.AddQuantDeskClient(name, options => FullPipeline.Configure(options, baseAddress, TokenOf(name)));
        }

        return services.BuildServiceProvider();
    }
}
