namespace QuantDesk.Client.Diagnostics;

/// <summary>The API operation a request belongs to, as the generated code states it: operationId and path template.</summary>
internal sealed record OperationInfo(string Name, string PathTemplate)
{
    private static readonly HttpRequestOptionsKey<OperationInfo> Key = new("QuantDesk.Client.Operation");

    /// <summary>Called by the generated code before each request (Templates/Client.Class.BeforeSend.liquid).</summary>
    public static void Stamp(HttpRequestMessage request, string name, string pathTemplate) =>
        request.Options.Set(Key, new OperationInfo(name, pathTemplate));

    public static OperationInfo? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var operation) ? operation : null;

    /// <summary>
    /// The backtest run id in the request's path: the value of the template parameter right after a <c>runs</c>
    /// segment, if the template has one.
    /// </summary>
    public string? RunIdIn(Uri? requestUri)
    {
        if (requestUri is not { IsAbsoluteUri: true })
        {
            return null;
        }

        var template = PathTemplate.Trim('/').Split('/');
        var path = requestUri.AbsolutePath.Trim('/').Split('/');
        for (var i = 1; i < template.Length; i++)
        {
            var index = path.Length - template.Length + i;
            if (template[i].StartsWith('{') && template[i - 1] == "runs" && index >= 0)
            {
                return Uri.UnescapeDataString(path[index]);
            }
        }

        return null;
    }
}
