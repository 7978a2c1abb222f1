using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace QuantDesk.Client.Http;

/// <summary>
/// The response and content headers of an answer as the dictionary NSwag's generated code hands to exceptions.
/// Copied only when first read: a successful call never reads them, so it pays for no copy.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private readonly HttpResponseMessage _response;
    private readonly string? _sentToken;
    private Dictionary<string, IEnumerable<string>>? _copy;

    /// <summary>A view of the answer's headers; with <paramref name="sentToken"/>, a value that echoes it has it redacted.</summary>
    public ResponseHeaders(HttpResponseMessage response, string? sentToken = null)
    {
        _response = response;
        _sentToken = sentToken;
    }

    /// <summary>The token the answered request carried, if any: what a server must not be able to echo into an exception.</summary>
    public string? SentToken => Authentication.SentToken.Of(_response.RequestMessage);

    public int Count => Copy.Count;

    public IEnumerable<string> Keys => Copy.Keys;

    public IEnumerable<IEnumerable<string>> Values => Copy.Values;

    public IEnumerable<string> this[string key] => Copy[key];

    // Stryker disable once Assignment : a copy made again on every read holds the same headers
    private Dictionary<string, IEnumerable<string>> Copy => _copy ??= CopyHeaders(_response, _sentToken);

    public bool ContainsKey(string key) => Copy.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Copy.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The same names and precedence as the generated code's own copy: content headers after response headers.
    private static Dictionary<string, IEnumerable<string>> CopyHeaders(HttpResponseMessage response, string? sentToken)
    {
        var copy = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            copy[name] = Redacted(values, sentToken);
        }

        if (response.Content is { } content)
        {
            foreach (var (name, values) in BufferedContent.HeadersOf(content))
            {
                copy[name] = Redacted(values, sentToken);
            }
        }

        return copy;
    }

    // Stryker disable once Conditional : scrubbing values that do not hold the token gives the same values
    private static IEnumerable<string> Redacted(IEnumerable<string> values, string? sentToken) =>
        sentToken is null || !values.Any(value => value.Contains(sentToken, StringComparison.Ordinal))
            ? values
            : values.Select(value => Authentication.SentToken.Scrub(value, sentToken)!).ToArray();
}
