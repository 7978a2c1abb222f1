using QuantDesk.Cli.Commands;

namespace QuantDesk.Cli.Errors;

/// <summary>A command whose operation needs a token ran without one; reported with <see cref="ExitCodes.Unauthorized"/> before anything is sent.</summary>
internal sealed class MissingTokenException()
    : Exception($"this command needs an access token: set {GlobalOptions.TokenVariable} (or pass --token), or try it with --sandbox. Nothing was sent.");
