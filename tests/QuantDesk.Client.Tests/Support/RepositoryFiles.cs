namespace QuantDesk.Client.Tests.Support;

/// <summary>Finds files of the repository the tests were built from.</summary>
public static class RepositoryFiles
{
    /// <summary>When set to 1, tests that check a generated document rewrite it instead of failing.</summary>
    public const string UpdateDocsVariable = "QUANTDESK_UPDATE_DOCS";

    public static string PathOf(string relativePath)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QuantDesk.Client.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("repository root"), relativePath);
    }

    /// <summary>
    /// Asserts that a document in the repository is exactly <paramref name="expected"/>; with
    /// <see cref="UpdateDocsVariable"/>=1 it writes the document instead, and fails.
    /// </summary>
    public static void AssertGenerated(string relativePath, string expected)
    {
        var path = PathOf(relativePath);
        if (Environment.GetEnvironmentVariable(UpdateDocsVariable) == "1")
        {
            // An update run rewrites the document and still fails, so it can never be taken for a green run.
            File.WriteAllText(path, expected);
            Assert.Fail($"{relativePath} rewritten because {UpdateDocsVariable}=1; review and commit it, then run the tests without the variable.");
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";
        Assert.That(actual, Is.EqualTo(expected), $"{relativePath} is generated from the tests: run them with {UpdateDocsVariable}=1 to rewrite it.");
    }
}
