using System.Diagnostics;

namespace QuantDesk.Client.Diagnostics;

/// <summary>The low-cardinality tags every instrument shares: operation, method and server.</summary>
internal static class RequestTags
{
    public static TagList For(HttpRequestMessage? request, OperationInfo? operation)
    {
        var tags = new TagList();
        if (operation is not null)
        {
            tags.Add(TelemetryTags.Operation, operation.Name);
        }

        if (request is not null)
        {
            tags.Add(TelemetryTags.Method, request.Method.Method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                tags.Add(TelemetryTags.ServerAddress, uri.Host);
                tags.Add(TelemetryTags.ServerPort, uri.Port);
            }
        }

        return tags;
    }
}
