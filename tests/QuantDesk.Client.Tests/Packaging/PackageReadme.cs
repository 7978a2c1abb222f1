using System.Xml.Linq;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Packaging;

/// <summary>The file a packable project packs as its package page's README (its <c>PackageReadmeFile</c>).</summary>
/// <param name="Project">The project's name.</param>
/// <param name="Path">The full path of the packed file's source, or <see langword="null"/> when none is packed.</param>
public sealed record PackageReadme(string Project, string? Path)
{
    private static readonly string[] ProjectFolders = ["src", "samples", "tests", "benchmarks"];

    /// <summary>Every project of the repository with <c>IsPackable</c> true, read from its csproj.</summary>
    public static IReadOnlyList<PackageReadme> All() =>
        ProjectFolders
            .Select(RepositoryFiles.PathOf)
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path: path, Document: XDocument.Load(path)))
            .Where(project => Property(project.Document, "IsPackable") == "true")
            .Select(project => Of(project.Path, project.Document))
            .OrderBy(readme => readme.Project, StringComparer.Ordinal)
            .ToList();

    private static PackageReadme Of(string projectPath, XDocument project)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(projectPath);
        var readmeName = Property(project, "PackageReadmeFile");
        if (readmeName is null)
        {
            return new PackageReadme(name, null);
        }

        // <None Include="SOURCE" Pack="true" PackagePath="/" /> packs SOURCE under its own name;
        // PackagePath="README.md" packs it under that name.
        var packed = project.Descendants()
            .Where(item => item.Name.LocalName == "None" && (string?)item.Attribute("Pack") == "true" && item.Attribute("PackagePath") is not null)
            .Select(item => (Include: (string)item.Attribute("Include")!, PackagePath: (string)item.Attribute("PackagePath")!))
            .Where(item => PackedName(item.Include, item.PackagePath) == readmeName)
            .Select(item => System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(projectPath)!, item.Include)))
            .SingleOrDefault();
        return new PackageReadme(name, packed);
    }

    private static string PackedName(string include, string packagePath) =>
        packagePath.Length == 0 || packagePath.EndsWith('/') || packagePath.EndsWith('\\')
            ? System.IO.Path.GetFileName(include)
            : System.IO.Path.GetFileName(packagePath);

    private static string? Property(XDocument project, string name) =>
        project.Descendants().LastOrDefault(element => element.Name.LocalName == name && element.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();
}
