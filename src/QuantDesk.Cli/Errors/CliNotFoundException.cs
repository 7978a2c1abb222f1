namespace QuantDesk.Cli.Errors;

/// <summary>Something asked for is not in what the API answered; reported with <see cref="ExitCodes.NotFound"/>.</summary>
internal sealed class CliNotFoundException(string message) : Exception(message);
