namespace QuantDesk.Cli.Output.Views;

/// <summary>An accepted submission as <c>--json</c> prints it.</summary>
internal sealed record SubmissionJson(string RunId, string Status);
