namespace QuantDesk.Cli.Errors;

/// <summary>Input the command cannot use (an option value, the strategy file); reported with <see cref="ExitCodes.BadInput"/>.</summary>
internal sealed class CliInputException(string message, Exception? innerException = null) : Exception(message, innerException);
