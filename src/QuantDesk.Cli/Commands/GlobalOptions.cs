using System.CommandLine;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands;

/// <summary>The options every command takes, before or after the command's name.</summary>
internal sealed class GlobalOptions
{
    public const string TokenVariable = "QUANTDESK_TOKEN";
    public const int DefaultRetries = 3;

    public Option<bool> Sandbox { get; } = new("--sandbox")
    {
        Description = "Run against the embedded QuantDesk sandbox, in-process: no network, no account; your token is never sent there.",
        Recursive = true,
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"The QuantDesk API address. Default: {QuantDeskClientOptions.DefaultBaseAddress}",
        HelpName = "url",
        Recursive = true,
        CustomParser = OptionParsers.HttpAddress,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"The Bearer token (JWT); a pasted 'Bearer ' prefix is dropped. Default: the {TokenVariable} environment variable, which keeps it out of your shell history. Never printed.",
        HelpName = "jwt",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write the result as one JSON document to stdout, for scripts; decimals exactly as the API sent them, no tables, no progress.",
        Recursive = true,
    };

    /// <summary>Added by the commands whose result is rows (<see cref="CommandRunner.OffersCsv"/>), not recursive.</summary>
    public Option<bool> Csv { get; } = new("--csv")
    {
        Description = "Write the rows as CSV to stdout, for spreadsheets: a header line, invariant numbers, UTC times.",
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = $"Retries of a read after a transient failure (429, 5xx, network), 0 to 10. Submissions are never retried.",
        HelpName = "count",
        Recursive = true,
        DefaultValueFactory = _ => DefaultRetries,
        CustomParser = OptionParsers.RetryCount,
    };

    public IEnumerable<Option> All => [Sandbox, BaseUrl, Token, Json, Retries];
}
