using System.CommandLine;
using System.Net;
using QuantDesk.Cli.Commands;
using QuantDesk.Cli.Errors;
using QuantDesk.Client;

namespace QuantDesk.Cli.Connection;

/// <summary>Where the commands send their requests, and with which token.</summary>
internal sealed record ConnectionSettings(bool Sandbox, Uri BaseAddress, string? Token, int Retries)
{
    /// <summary>The token the CLI sends to its embedded sandbox, never to a real server.</summary>
    public const string SandboxToken = "sandbox-token";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The token as given, from <c>--token</c> or <c>QUANTDESK_TOKEN</c>, for keeping it out of messages; null when unset.</summary>
    public static string? RawToken(ParseResult parseResult, GlobalOptions options, Func<string, string?> environment)
    {
        var token = parseResult.GetValue(options.Token) ?? environment(GlobalOptions.TokenVariable);
        return string.IsNullOrWhiteSpace(token) ? null : token.Trim();
    }

    /// <summary>
    /// The token from <c>--token</c>, else from <c>QUANTDESK_TOKEN</c>; null when neither is set. A pasted
    /// <c>Bearer </c> prefix (an Authorization header's value) is dropped, since the client adds its own.
    /// </summary>
    /// <exception cref="CliInputException">The token holds characters an HTTP header cannot carry.</exception>
    public static string? ReadToken(ParseResult parseResult, GlobalOptions options, Func<string, string?> environment)
    {
        var token = RawToken(parseResult, options, environment);
        if (token is null)
        {
            return null;
        }

        if (token.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            token = token[BearerPrefix.Length..].TrimStart();
        }
        else if (token.Equals(BearerPrefix.TrimEnd(), StringComparison.OrdinalIgnoreCase))
        {
            token = string.Empty;
        }

        if (token.Length == 0 || token.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            // The token itself is never echoed, not even the character at fault.
            throw new CliInputException(
                $"the token from {Source(parseResult, options)} cannot be sent in an HTTP header: a JWT is visible ASCII only, without spaces, line breaks or accented letters. Nothing was sent.");
        }

        return token;
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
        var address = baseAddress ?? QuantDeskClientOptions.DefaultBaseAddress;
        if (!sandbox && token is not null && address.Scheme == Uri.UriSchemeHttp && !IsThisMachine(address))
        {
            throw new CliInputException(
                $"--base-url {address.GetLeftPart(UriPartial.Authority)} is plain http to another machine, and the token would travel unencrypted: use https (plain http is for localhost only).");
        }

        return new ConnectionSettings(sandbox, address, token, parseResult.GetValue(options.Retries));
    }

    /// <summary>Describes the settings without revealing the token.</summary>
    public override string ToString() =>
        $"ConnectionSettings {{ Sandbox = {Sandbox}, BaseAddress = {BaseAddress}, Token = {(Token is null ? "(none)" : "(redacted)")}, Retries = {Retries} }}";

    private static string Source(ParseResult parseResult, GlobalOptions options) =>
        parseResult.GetValue(options.Token) is not null ? "--token" : GlobalOptions.TokenVariable;

    private static bool IsThisMachine(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
