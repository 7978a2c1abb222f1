namespace QuantDesk.Client;

/// <summary>
/// The QuantDesk Backtesting operations, generated from openapi.json. Resolve it from dependency injection after
/// <c>services.AddQuantDeskClient(...)</c>, or create a <see cref="BacktestClient"/> with
/// <see cref="QuantDeskClientOptions"/>. Mock it in your own unit tests.
/// </summary>
public partial interface IBacktestClient
{
}
