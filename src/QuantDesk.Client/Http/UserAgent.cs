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
        return LibraryProductOf(
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            assembly.GetName().Version,
            RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The product token for a package version (else the assembly version) and a runtime description.</summary>
    internal static string LibraryProductOf(string? informationalVersion, Version? assemblyVersion, string frameworkDescription)
    {
        var version = informationalVersion ?? assemblyVersion?.ToString() ?? "0.0.0";

        // SourceLink appends "+<commit>"; the product token carries the package version only.
        var metadataStart = version.IndexOf('+', StringComparison.Ordinal);

        // Stryker disable once Equality : a version never starts with its build metadata
        if (metadataStart >= 0)
        {
            version = version[..metadataStart];
        }

        var runtime = frameworkDescription.Replace(".NET ", string.Empty, StringComparison.Ordinal);
        return $"QuantDesk.Client/{version} (.NET {runtime})";
    }
}
