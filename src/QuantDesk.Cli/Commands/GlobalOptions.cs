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
        Description = "Run against the embedded QuantDesk sandbox, in-process: no network, no account, no token sent.",
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
        Description = $"The Bearer token (JWT). Default: the {TokenVariable} environment variable, which keeps it out of your shell history. Never printed.",
        HelpName = "jwt",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write the result as JSON to stdout, for scripts; no tables, no progress.",
        Recursive = true,
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
