using System.Text.RegularExpressions;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Packaging;

/// <summary>
/// The READMEs packed for the package pages. A package page shows the file on its own, so a relative link or image
/// (<c>docs/...</c>, <c>CONTRIBUTING.md</c>, <c>#a-section</c>) is broken there: every link must be absolute https.
/// </summary>
public sealed partial class PackageReadmeTests
{
    [Test]
    public void Every_packable_project_packs_a_readme_and_the_client_packs_its_own_instead_of_the_repositorys()
    {
        var readmes = PackageReadme.All();

        Assert.Multiple(() =>
        {
            Assert.That(readmes.Select(readme => readme.Project), Is.SupersetOf(new[] { "QuantDesk.Cli", "QuantDesk.Client", "QuantDesk.Client.Testing" }));
            Assert.That(readmes.Where(readme => readme.Path is null || !File.Exists(readme.Path)).Select(readme => readme.Project), Is.Empty, "packable projects without a packed README file");
            Assert.That(readmes.Single(readme => readme.Project == "QuantDesk.Client").Path, Is.Not.EqualTo(Path.GetFullPath(RepositoryFiles.PathOf("README.md"))));
        });
    }

    [Test]
    public void No_package_readme_has_a_relative_link_or_image()
    {
        var relative = PackageReadme.All()
            .Where(readme => readme.Path is not null && File.Exists(readme.Path))
            .SelectMany(readme => Links(File.ReadAllText(readme.Path!)).Where(link => !IsAbsoluteHttps(link)).Select(link => $"{readme.Project}: {link}"))
            .ToList();

        Assert.That(relative, Is.Empty, "a package page cannot resolve these: make them absolute https links or plain text");
    }

    [Test]
    public void The_link_check_sees_links_images_anchors_references_and_html_but_not_code()
    {
        const string text = """
            See [the docs](docs/reliability.md), ![logo](images/logo.png) and [a section](#errors).
            [ok](https://docs.quantdesk.app) and <img src="badge.svg"> or <a href="CONTRIBUTING.md">this</a>.
            `[not a link](in-code)` stays code.

            ```csharp
            var x = items[0](y);
            ```

            [ref]: src/QuantDesk.Cli/README.md
            """;

        var links = Links(text).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(links, Is.EquivalentTo(new[]
            {
                "docs/reliability.md", "images/logo.png", "#errors", "https://docs.quantdesk.app", "badge.svg", "CONTRIBUTING.md", "src/QuantDesk.Cli/README.md",
            }));
            Assert.That(links.Where(link => !IsAbsoluteHttps(link)).ToList(), Has.Count.EqualTo(6));
        });
    }

    private static IEnumerable<string> Links(string markdown)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(markdown.ReplaceLineEndings("\n"), string.Empty), string.Empty);
        return InlineLink().Matches(prose).Concat(ReferenceLink().Matches(prose)).Concat(HtmlLink().Matches(prose))
            .Select(match => match.Groups["target"].Value);
    }

    private static bool IsAbsoluteHttps(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    [GeneratedRegex(@"^\s*```.*?^\s*```[^\n]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]\n]*\]\(\s*<?(?<target>[^)\s>]+)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]\n]+\]:\s*<?(?<target>[^\s>]+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"\b(?:href|src)\s*=\s*[""'](?<target>[^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLink();
}
