namespace QuantDesk.Client.Diagnostics;

/// <summary>
/// An API operation as the contract states it: operationId, HTTP method and path template. The generated client
/// lists its operations (<c>BacktestClient.Operations</c>, from Templates/Client.Class.liquid), and telemetry finds a
/// request's operation from its method and path only when something listens, so requests carry no stamp.
/// </summary>
internal sealed class OperationInfo
{
    private readonly string[] _templateSegments;

    public OperationInfo(string name, string method, string pathTemplate)
    {
        Name = name;
        Method = method;
        PathTemplate = pathTemplate;
        _templateSegments = pathTemplate.Trim('/').Split('/');
    }

    public string Name { get; }

    public string Method { get; }

    public string PathTemplate { get; }

    /// <summary>The client's operation that a request was made for, or null for a request of another kind.</summary>
    public static OperationInfo? Of(HttpRequestMessage? request) => Match(request, BacktestClient.Operations);

    public static OperationInfo? Match(HttpRequestMessage? request, IReadOnlyList<OperationInfo> operations)
    {
        if (request?.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return null;
        }

        var path = uri.AbsolutePath.AsSpan().TrimEnd('/');
        foreach (var operation in operations)
        {
            if (operation.Method == request.Method.Method && operation.MatchesEndOf(path))
            {
                return operation;
            }
        }

        return null;
    }

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

        var path = requestUri.AbsolutePath.Trim('/').Split('/');
        for (var i = 1; i < _templateSegments.Length; i++)
        {
            var index = path.Length - _templateSegments.Length + i;
            if (_templateSegments[i].StartsWith('{') && _templateSegments[i - 1] == "runs" && index >= 0)
            {
                return Uri.UnescapeDataString(path[index]);
            }
        }

        return null;
    }

    // The base address may put a prefix before the template (https://host/gateway/api/v2/...), so the template is
    // compared with the end of the path, segment by segment; a {parameter} matches any one non-empty segment.
    private bool MatchesEndOf(ReadOnlySpan<char> path)
    {
        for (var i = _templateSegments.Length - 1; i >= 0; i--)
        {
            var slash = path.LastIndexOf('/');
            var segment = path[(slash + 1)..];
            var template = _templateSegments[i];
            if (segment.IsEmpty || (!template.StartsWith('{') && !segment.SequenceEqual(template)))
            {
                return false;
            }

            path = slash < 0 ? [] : path[..slash];
        }

        return true;
    }
}
