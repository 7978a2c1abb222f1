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
    private Dictionary<string, IEnumerable<string>>? _copy;

    public ResponseHeaders(HttpResponseMessage response)
    {
        _response = response;
    }

    public int Count => Copy.Count;

    public IEnumerable<string> Keys => Copy.Keys;

    public IEnumerable<IEnumerable<string>> Values => Copy.Values;

    public IEnumerable<string> this[string key] => Copy[key];

    private Dictionary<string, IEnumerable<string>> Copy => _copy ??= CopyHeaders(_response);

    public bool ContainsKey(string key) => Copy.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Copy.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The same names and precedence as the generated code's own copy: content headers after response headers.
    private static Dictionary<string, IEnumerable<string>> CopyHeaders(HttpResponseMessage response)
    {
        var copy = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            copy[name] = values;
        }

        if (response.Content is { } content)
        {
            foreach (var (name, values) in BufferedContent.HeadersOf(content))
            {
                copy[name] = values;
            }
        }

        return copy;
    }
}
