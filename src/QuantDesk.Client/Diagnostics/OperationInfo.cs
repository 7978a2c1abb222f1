namespace QuantDesk.Client.Diagnostics;

/// <summary>
/// An API operation as the contract states it: operationId, HTTP method and path template. The generated client
/// creates one per operation (Templates/Client.Class.liquid) and hands it to each of its requests
/// (<see cref="Http.OperationRequest"/>), so telemetry never has to guess the operation from a path.
/// </summary>
internal sealed class OperationInfo
{
    private readonly int _resourceSegment;

    public OperationInfo(string name, string method, string pathTemplate, bool requiresAuthentication = false)
    {
        Name = name;
        Method = method;
        PathTemplate = pathTemplate;
        RequiresAuthentication = requiresAuthentication;
        _resourceSegment = ResourceSegmentOf(pathTemplate);
    }

    public string Name { get; }

    public string Method { get; }

    public string PathTemplate { get; }

    /// <summary>Whether the contract declares security (BearerAuth) for the operation.</summary>
    public bool RequiresAuthentication { get; }

    /// <summary>
    /// The backtest run id in the request's path: the value of the template parameter right after a <c>runs</c>
    /// segment, if the template has one.
    /// </summary>
    public string? RunIdIn(Uri? requestUri)
    {
        if (_resourceSegment < 0 || requestUri is not { IsAbsoluteUri: true })
        {
            return null;
        }

        // The base address may put a prefix before the template (https://host/gateway/api/v2/...): count from the end.
        var path = requestUri.AbsolutePath.Trim('/').Split('/');
        var fromEnd = PathTemplate.Trim('/').Split('/').Length - _resourceSegment;
        var index = path.Length - fromEnd;
        return index >= 0 ? Uri.UnescapeDataString(path[index]) : null;
    }

    private static int ResourceSegmentOf(string pathTemplate)
    {
        var segments = pathTemplate.Trim('/').Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{') && segments[i - 1] == "runs")
            {
                return i;
            }
        }

        return -1;
    }
}
