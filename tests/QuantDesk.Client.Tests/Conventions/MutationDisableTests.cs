using System.Text;
using System.Text.RegularExpressions;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Conventions;

/// <summary>
/// Mutants left out of mutation testing as equivalent: each one in the source beside its code, for one statement only,
/// with its reason, and all of them listed in <c>docs/equivalent-mutants.md</c>, which is generated from the source.
/// </summary>
public sealed partial class MutationDisableTests
{
    private const string Document = "docs/equivalent-mutants.md";

    // Stryker.NET's mutator groups, as its comments name them.
    private static readonly HashSet<string> Mutators = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "Statement", "Arithmetic", "Block", "Equality", "Boolean", "Logical", "Assignment", "Unary", "Update", "Checked",
        "Linq", "String", "Bitwise", "Initializer", "Regex", "NullCoalescing", "Math", "StringMethod", "Conditional", "CollectionExpression",
    };

    [Test]
    public void Every_disabled_mutant_covers_one_statement_of_known_mutators_and_says_why()
    {
        var malformed = Disables().Where(disable => disable.Reason is null || disable.Mutators.Any(mutator => !Mutators.Contains(mutator))).Select(disable => disable.ToString());

        Assert.That(malformed, Is.Empty);
    }

    [Test]
    public void The_list_of_equivalent_mutants_is_the_sources_own()
    {
        var document = new StringBuilder()
            .Append("# Equivalent mutants\n\n")
            .Append("Generated from the `// Stryker disable once` comments in `src/QuantDesk.Client` by `MutationDisableTests`: each\n")
            .Append("leaves the named mutators out of the statement that follows it, for the reason given. See `docs/testing.md`.\n\n")
            .Append("| File | Code | Mutators | Why the mutants are equivalent |\n")
            .Append("| --- | --- | --- | --- |\n");
        foreach (var disable in Disables())
        {
            document.Append($"| `{disable.File}` | `{disable.Code.Replace("|", "\\|", StringComparison.Ordinal)}` | {string.Join(", ", disable.Mutators)} | {disable.Reason} |\n");
        }

        document.Append($"\n{Disables().Count} in all.\n");
        RepositoryFiles.AssertGenerated(Document, document.ToString());
    }

    private static List<Disable> Disables()
    {
        var root = RepositoryFiles.PathOf("src/QuantDesk.Client");
        var found = new List<Disable>();
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains("Stryker", StringComparison.OrdinalIgnoreCase) || !lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var code = lines.Skip(i + 1).Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal)) ?? "";
                var file = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
                var match = DisableOnce().Match(lines[i]);
                found.Add(match.Success
                    ? new Disable(file, code, match.Groups["mutators"].Value.Split(',', StringSplitOptions.TrimEntries), match.Groups["reason"].Value.Trim())
                    : new Disable(file, code, [lines[i].Trim()], Reason: null));
            }
        }

        return found;
    }

    [GeneratedRegex(@"^\s*// Stryker disable once (?<mutators>[A-Za-z]+(?:,[A-Za-z]+)*) : (?<reason>\S.*)$")]
    private static partial Regex DisableOnce();

    private sealed record Disable(string File, string Code, string[] Mutators, string? Reason)
    {
        public override string ToString() => $"{File}: {string.Join(",", Mutators)} before '{Code}' ({Reason ?? "no reason, or not a 'disable once'"})";
    }
}
