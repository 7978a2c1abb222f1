namespace QuantDesk.Cli.Output.Views;

/// <summary>A dataset as <c>--json</c> prints it.</summary>
internal sealed record DatasetJson(string DatasetId, string? Version, string? Symbol, string? Resolution);
