using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace QuantDesk.Client.Tests.Generation;

/// <summary>The liquid templates embedded in the pinned NSwag.MSBuild's generator assemblies, read without loading them.</summary>
internal static class EmbeddedTemplates
{
    private static readonly string[] Assemblies = ["NSwag.CodeGeneration.CSharp.dll", "NJsonSchema.CodeGeneration.CSharp.dll"];

    public static string ToolsDirectory =>
        typeof(EmbeddedTemplates).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "NSwagToolsDirectory").Value!;

    /// <summary>Every embedded template by resource name, its text with line endings and byte order mark normalized.</summary>
    public static Dictionary<string, string> All()
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in Assemblies)
        {
            using var file = File.OpenRead(Path.Combine(ToolsDirectory, assembly));
            using var pe = new PEReader(file);
            var metadata = pe.GetMetadataReader();
            var resources = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress).GetReader();
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                var reader = resources;
                reader.Offset = (int)resource.Offset;
                var length = reader.ReadInt32();
                templates[metadata.GetString(resource.Name)] = Normalize(Encoding.UTF8.GetString(reader.ReadBytes(length)));
            }
        }

        return templates;
    }

    public static string Normalize(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
}
