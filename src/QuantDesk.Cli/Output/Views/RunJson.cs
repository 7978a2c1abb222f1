namespace QuantDesk.Cli.Output.Views;

/// <summary>A run as <c>--json</c> prints it; the names follow the API's.</summary>
internal sealed record RunJson(string RunId, string Status, double? Sharpe, double? Dsr, double? MaxDrawdown);
