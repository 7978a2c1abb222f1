namespace QuantDesk.Cli.Output;

/// <summary>An accepted submission as <c>--json</c> prints it.</summary>
internal sealed record SubmissionJson(string RunId, string Status);
