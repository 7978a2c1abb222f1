using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Http;

/// <summary>
/// Every answer a call received is disposed by the time the call ends, whatever became of it: a redirect followed, a
/// 401 answered with a refresh, a body that broke off or was too large, an error turned into an exception. An answer
/// left undisposed keeps its connection out of the pool until the garbage collector finds it.
/// </summary>
public sealed class AnswerDisposalTests
{
    private static readonly string RunBody = QuantDeskSandbox.ExampleRunBody(QuantDeskSandbox.ExampleRunId).ToJsonString();

    [Test]
    public async Task A_redirect_is_disposed_once_it_is_followed()
    {
        var answers = new Answers((_, _) => Answer(HttpStatusCode.Found, "", ("Location", "/api/v2/backtest/runs/" + QuantDeskSandbox.ExampleRunId)), (_, _) => Answer(HttpStatusCode.OK, RunBody));
        using var fixture = Fixture(answers);

        await fixture.Client.GetBacktestRunAsync("run-moved");

        Assert.That(answers.Contents.Select(content => content.Disposed), Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public async Task A_401_is_disposed_once_the_refreshed_token_is_sent()
    {
        var answers = new Answers((_, _) => Answer(HttpStatusCode.Unauthorized, ErrorBody("UNAUTHORIZED")), (_, _) => Answer(HttpStatusCode.OK, RunBody));
        var tokens = new Queue<string>(["stale", "fresh"]);
        using var fixture = Fixture(answers, options => options.AccessTokenProvider = (_, _) => new ValueTask<string?>(tokens.Dequeue()));

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(answers.Contents.Select(content => content.Disposed), Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void A_401_is_disposed_when_the_refresh_fails()
    {
        var answers = new Answers((_, _) => Answer(HttpStatusCode.Unauthorized, ErrorBody("UNAUTHORIZED")));
        using var fixture = Fixture(answers, options => options.AccessTokenProvider = (request, _) =>
            request.ForceRefresh ? throw new InvalidOperationException("identity provider down") : new ValueTask<string?>("stale"));

        Assert.ThrowsAsync<QuantDeskCredentialException>(() => fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.That(answers.Contents.Select(content => content.Disposed), Is.EqualTo(new[] { true }));
    }

    [Test]
    public async Task A_success_is_disposed_once_its_body_is_buffered()
    {
        var answers = new Answers((_, _) => Answer(HttpStatusCode.OK, RunBody));
        using var fixture = Fixture(answers);

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(answers.Contents.Select(content => content.Disposed), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void A_body_that_breaks_off_is_disposed()
    {
        var answers = new Answers((_, _) => Answer(HttpStatusCode.OK, RunBody, breaksOff: true));
        using var fixture = Fixture(answers);

        Assert.ThrowsAsync<QuantDeskConnectionException>(() => fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.That(answers.Contents.Select(content => content.Disposed), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void A_body_over_the_cap_is_disposed()
    {
        var answers = new Answers((_, _) => Answer(HttpStatusCode.OK, RunBody + new string(' ', 2048)));
        using var fixture = Fixture(answers, options => options.MaxResponseContentLength = 1024);

        Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.That(answers.Contents.Select(content => content.Disposed), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void Retried_errors_and_the_last_one_are_all_disposed()
    {
        var answers = new Answers((_, _) => Answer(HttpStatusCode.ServiceUnavailable, ErrorBody("UNAVAILABLE")));
        using var fixture = Fixture(answers, options => options.Retry.MaxRetryAttempts = 2);

        Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId));

        Assert.That(answers.Contents.Select(content => content.Disposed), Is.EqualTo(new[] { true, true, true }));
    }

    private static ClientFixture Fixture(Answers answers, Action<QuantDeskClientOptions>? configure = null) =>
        new(
            options =>
            {
                options.Retry.MaxRetryAttempts = 0;
                configure?.Invoke(options);
            },
            builder => builder.AddHttpMessageHandler(() => answers));

    private static string ErrorBody(string code) => QuantDeskSandbox.ErrorBody(code, "No.", "req_disposal").ToJsonString();

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        Answer(status, body, breaksOff: false, headers);

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, bool breaksOff, params (string Name, string Value)[] headers)
    {
        var answer = new HttpResponseMessage(status) { Content = new TrackedContent(Encoding.UTF8.GetBytes(body), breaksOff) };
        foreach (var (name, value) in headers)
        {
            answer.Headers.TryAddWithoutValidation(name, value);
        }

        return answer;
    }

    // Answers each request from the next script entry (the last one repeats), without a socket, keeping every content.
    private sealed class Answers(params Func<HttpRequestMessage, int, HttpResponseMessage>[] script) : DelegatingHandler
    {
        public List<TrackedContent> Contents { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = script[Math.Min(Contents.Count, script.Length - 1)](request, Contents.Count);
            answer.RequestMessage = request;
            Contents.Add((TrackedContent)answer.Content);
            return Task.FromResult(answer);
        }
    }

    private sealed class TrackedContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly bool _breaksOff;

        public TrackedContent(byte[] body, bool breaksOff)
        {
            _body = body;
            _breaksOff = breaksOff;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() =>
            Task.FromResult<Stream>(_breaksOff ? new BreakingStream(_body) : new MemoryStream(_body, writable: false));

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    // Gives the first half of the body, then fails as a reset connection does.
    private sealed class BreakingStream(byte[] body) : MemoryStream(body, 0, body.Length / 2, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("connection reset");
    }
}
