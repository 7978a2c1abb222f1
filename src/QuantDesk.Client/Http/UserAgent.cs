using System.Reflection;
using System.Runtime.InteropServices;

namespace QuantDesk.Client.Http;

/// <summary>Builds the User-Agent the client sends: <c>[app-id ]QuantDesk.Client/1.2.3 (.NET 10.0.1)</c>.</summary>
internal static class UserAgent
{
    private static readonly string LibraryProduct = CreateLibraryProduct();

    public static string Create(string? applicationId) =>
        string.IsNullOrEmpty(applicationId) ? LibraryProduct : $"{applicationId} {LibraryProduct}";

    private static string CreateLibraryProduct()
    {
        var assembly = typeof(UserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";

        // SourceLink appends "+<commit>"; the product token carries the package version only.
        var metadataStart = version.IndexOf('+', StringComparison.Ordinal);
        if (metadataStart >= 0)
        {
            version = version[..metadataStart];
        }

        var runtime = RuntimeInformation.FrameworkDescription.Replace(".NET ", string.Empty, StringComparison.Ordinal);
        return $"QuantDesk.Client/{version} (.NET {runtime})";
    }
}
