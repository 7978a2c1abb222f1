using System.Text.RegularExpressions;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Generation;

/// <summary>
/// Each template in Generation/Templates overrides an embedded template of the pinned NSwag version; the original it
/// was written against is kept in Generation/Originals. An upgrade that changes an original fails here, before an
/// override silently drops what the new original adds.
/// </summary>
public sealed partial class TemplateOverrideTests
{
    private static readonly string Templates = RepositoryFiles.PathOf("src/QuantDesk.Client/Generation/Templates");
    private static readonly string Originals = RepositoryFiles.PathOf("src/QuantDesk.Client/Generation/Originals");

    private static IEnumerable<string> Overrides() =>
        Directory.EnumerateFiles(Templates, "*.liquid").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Overrides))]
    public void The_pinned_original_of_an_override_is_the_one_the_pinned_NSwag_embeds(string template)
    {
        var resource = OriginalNamed(File.ReadAllText(Path.Combine(Templates, template)));
        var embedded = EmbeddedTemplates.All();

        Assert.Multiple(() =>
        {
            Assert.That(resource, Does.EndWith("." + template), "the override's header names the template it overrides");
            Assert.That(embedded, Does.ContainKey(resource), "the pinned NSwag no longer embeds this template");
            Assert.That(File.Exists(Path.Combine(Originals, resource)), Is.True, "keep the original in Generation/Originals");
        });
        Assert.That(EmbeddedTemplates.Normalize(File.ReadAllText(Path.Combine(Originals, resource))), Is.EqualTo(embedded[resource]), $"{resource} changed upstream: re-sync {template}");
    }

    [Test]
    public void Every_pinned_original_belongs_to_an_override()
    {
        var named = Overrides().Select(template => OriginalNamed(File.ReadAllText(Path.Combine(Templates, template))));

        Assert.That(Directory.EnumerateFiles(Originals, "*.liquid").Select(Path.GetFileName), Is.EquivalentTo(named));
    }

    [Test]
    public void The_templates_directory_holds_only_overrides_of_embedded_templates()
    {
        var embedded = EmbeddedTemplates.All().Keys.Select(name => name[(name.IndexOf(".Templates.", StringComparison.Ordinal) + ".Templates.".Length)..]);

        Assert.That(Overrides(), Is.SubsetOf(embedded));
    }

    private static string OriginalNamed(string overrideText) => OriginalName().Match(overrideText) is { Success: true } match
        ? match.Groups["name"].Value
        : throw new AssertionException("the override's header must name its original as \"NSwag...Templates.X.liquid\" or \"NJsonSchema...Templates.X.liquid\"");

    [GeneratedRegex("\"(?<name>(?:NSwag|NJsonSchema)\\.CodeGeneration\\.CSharp\\.Templates\\.[\\w.]+\\.liquid)\"")]
    private static partial Regex OriginalName();
}
