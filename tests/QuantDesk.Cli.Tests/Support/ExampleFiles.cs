namespace QuantDesk.Cli.Tests.Support;

/// <summary>Files of the repository the CLI tests read (paths relative to its root, for RepositoryFiles.PathOf).</summary>
public static class ExampleFiles
{
    public const string Strategy = "samples/strategies/mean-reversion.json";
}
