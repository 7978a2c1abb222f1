namespace QuantDesk.Client.Tests.Support;

/// <summary>One request as <see cref="LoopbackHttpServer"/> received it: the raw target and the header lines.</summary>
public sealed record LoopbackRequest(string Target, IReadOnlyList<string> Headers)
{
    public static LoopbackRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        return new LoopbackRequest(lines[0].Split(' ')[1], lines[1..]);
    }

    public bool HasHeader(string line) => Headers.Contains(line, StringComparer.OrdinalIgnoreCase);
}
