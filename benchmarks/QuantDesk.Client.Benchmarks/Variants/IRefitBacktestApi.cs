using Refit;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>The same operation declared for Refit.</summary>
public interface IRefitBacktestApi
{
    [Get("/api/v2/backtest/runs/{id}")]
    Task<RunEnvelope> GetBacktestRunAsync(string id, CancellationToken cancellationToken = default);
}
