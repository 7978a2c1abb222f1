using WireMock;

namespace QuantDesk.Client.Testing;

/// <summary>A request the sandbox received, for assertions on what your code sent.</summary>
public sealed class SandboxRequest
{
    internal SandboxRequest(IRequestMessage message)
    {
        Method = message.Method;
        Path = message.Path;
        Body = message.Body;
        Headers = message.Headers?.ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The HTTP method, for example <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path, decoded, for example <c>/api/v2/backtest/runs/my-run</c>.</summary>
    public string Path { get; }

    /// <summary>The body as text, if the request had one.</summary>
    public string? Body { get; }

    /// <summary>The request headers (names compared case-insensitively), the <c>Authorization</c> header included.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Whether the request carried exactly this Bearer token.</summary>
    /// <param name="token">The expected token.</param>
    /// <returns><see langword="true"/> when the <c>Authorization</c> header is <c>Bearer</c> and the token.</returns>
    public bool HasBearerToken(string token) =>
        Headers.TryGetValue("Authorization", out var authorization) && authorization == "Bearer " + token;

    /// <summary>The method and path; never the headers, which may hold a token.</summary>
    /// <returns>For example <c>GET /api/v2/backtest/runs/my-run</c>.</returns>
    public override string ToString() => $"{Method} {Path}";
}
