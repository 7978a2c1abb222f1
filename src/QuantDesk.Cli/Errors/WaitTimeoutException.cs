namespace QuantDesk.Cli.Errors;

/// <summary>A wait ran past <c>--timeout</c>; reported with <see cref="ExitCodes.NetworkOrTimeout"/>.</summary>
internal sealed class WaitTimeoutException(string message, Exception innerException) : Exception(message, innerException);
