namespace QuantDesk.Cli.Tests.Support;

/// <summary>A file with the given content, deleted on dispose.</summary>
public sealed class TemporaryFile : IDisposable
{
    public TemporaryFile(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"quantdesk-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
