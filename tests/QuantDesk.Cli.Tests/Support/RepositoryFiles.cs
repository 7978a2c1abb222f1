namespace QuantDesk.Cli.Tests.Support;

public static class RepositoryFiles
{
    public const string ExampleStrategy = "samples/strategies/mean-reversion.json";

    public static string PathOf(string relativePath)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QuantDesk.Client.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("repository root"), relativePath);
    }
}
