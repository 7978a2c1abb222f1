namespace QuantDesk.Cli.Output.Views;

/// <summary>Oracle prices as <c>--json</c> prints them: the symbol-to-price map, with when and where they were read.</summary>
internal sealed record OraclePricesJson(DateTimeOffset? Timestamp, string? Source, IReadOnlyDictionary<string, decimal> Prices);
