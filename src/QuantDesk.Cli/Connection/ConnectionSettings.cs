using System.CommandLine;
using QuantDesk.Cli.Commands;
using QuantDesk.Cli.Errors;
using QuantDesk.Client;

namespace QuantDesk.Cli.Connection;

/// <summary>Where the commands send their requests, and with which token.</summary>
internal sealed record ConnectionSettings(bool Sandbox, Uri BaseAddress, string? Token, int Retries)
{
    /// <summary>The token the CLI sends to its embedded sandbox, never to a real server.</summary>
    public const string SandboxToken = "sandbox-token";

    /// <summary>The token from <c>--token</c>, else from <c>QUANTDESK_TOKEN</c>; null when neither is set.</summary>
    public static string? ReadToken(ParseResult parseResult, GlobalOptions options, Func<string, string?> environment)
    {
        var token = parseResult.GetValue(options.Token) ?? environment(GlobalOptions.TokenVariable);
        return string.IsNullOrWhiteSpace(token) ? null : token.Trim();
    }

    public static ConnectionSettings Read(ParseResult parseResult, GlobalOptions options, Func<string, string?> environment)
    {
        var sandbox = parseResult.GetValue(options.Sandbox);
        var baseAddress = parseResult.GetValue(options.BaseUrl);
        if (sandbox && baseAddress is not null)
        {
            throw new CliInputException("--sandbox and --base-url cannot be used together: the sandbox has its own address.");
        }

        // The sandbox is a local fake: a real token has no business going there, so it gets a token of its own
        // (its secured operations, like the real API's, want one).
        var token = sandbox ? SandboxToken : ReadToken(parseResult, options, environment);
        return new ConnectionSettings(sandbox, baseAddress ?? QuantDeskClientOptions.DefaultBaseAddress, token, parseResult.GetValue(options.Retries));
    }

    /// <summary>Describes the settings without revealing the token.</summary>
    public override string ToString() =>
        $"ConnectionSettings {{ Sandbox = {Sandbox}, BaseAddress = {BaseAddress}, Token = {(Token is null ? "(none)" : "(redacted)")}, Retries = {Retries} }}";
}
