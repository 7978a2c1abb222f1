using System.Net;
using System.Net.Http.Headers;

namespace QuantDesk.Client.Tests.Support;

/// <summary>
/// A handler users could add (a cache, a test double) that answers every request itself, without a socket: the task
/// it returns is already complete, so the client takes its completed-at-once paths.
/// </summary>
public sealed class AnswerAtOnce(HttpStatusCode status, Func<HttpContent> content, params (string Name, string Value)[] headers) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = new HttpResponseMessage(status) { RequestMessage = request, Content = content() };
        answer.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            answer.Headers.TryAddWithoutValidation(name, value);
        }

        return Task.FromResult(answer);
    }
}
