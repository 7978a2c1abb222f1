using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Reliability;
using QuantDesk.Client.Tests.Support;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Security;

public sealed class TokenSecrecyTests
{
    private const string Secret = "secret-jwt-9d41c7";
    private const string Token = Secret + ".payload.signature";

    public static IEnumerable<TestCaseData> Faults() =>
        FaultCases.All.Select(fault => new TestCaseData(fault).SetName("The_token_stays_out_of_logs_exceptions_and_spans." + fault.Name));

    [TestCaseSource(nameof(Faults))]
    public async Task The_token_stays_out_of_logs_exceptions_and_spans(FaultCase fault)
    {
        using var server = fault.Start();
        using var spans = new ActivityRecorder();
        var sentWithToken = new ConcurrentQueue<bool>();
        using var fixture = new ClientFixture(
            options =>
            {
                options.BaseAddress = server.BaseAddress;
                fault.Configure?.Invoke(options);
                options.AccessTokenProvider = (_, _) => ValueTask.FromResult<string?>(Token);
            },
            http => http.AddHttpMessageHandler(() => new ObservingHandler(request => sentWithToken.Enqueue(request.Headers.Authorization?.Parameter == Token))));

        Exception? caught = null;
        try
        {
            await fixture.Client.GetBacktestRunAsync(FaultCases.RunId);
        }
        catch (Exception exception)
        {
            caught = exception;
        }

        var options = fixture.Services.GetRequiredService<IOptions<QuantDeskClientOptions>>().Value;
        var texts = fixture.Logs.Entries.Select(entry => $"log {entry.EventId}: {entry.Message}")
            .Concat(spans.Stopped.SelectMany(ActivityRecorder.TextOf).Select(text => "span " + text))
            .Append("options " + options)
            .Concat(caught is null ? [] : ["exception message " + caught.Message, "exception " + caught]);
        Assert.Multiple(() =>
        {
            Assert.That(sentWithToken, Is.Not.Empty.And.All.True, "every attempt carried the token");
            Assert.That(fixture.Logs.Entries.Any(entry => entry.Level == LogLevel.Trace), Is.True, "Trace logging is on");
            Assert.That(spans.Stopped, Is.Not.Empty, "spans were recorded");
            Assert.That(texts.Where(text => text.Contains(Secret, StringComparison.Ordinal)), Is.Empty);
        });
    }

    [TestCase(302)]
    [TestCase(307)]
    public async Task A_redirect_to_another_host_is_followed_without_the_token(int status)
    {
        using var elsewhere = QuantDeskSandbox.Start();
        using var fixture = new ClientFixture(options => options.AccessToken = Token);
        var location = new Uri($"http://127.0.0.1:{elsewhere.BaseAddress.Port}/api/v2/backtest/runs/{QuantDeskSandbox.ExampleRunId}");
        fixture.Sandbox.Server.AnswerRun(QuantDeskSandbox.ExampleRunId, Response.Create().WithStatusCode(status).WithHeader("Location", location.AbsoluteUri));

        var run = (await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).Data;

        Assert.Multiple(() =>
        {
            Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer " + Token }), "the API itself got the token");
            Assert.That(AuthorizationHeaders(elsewhere.Server), Is.EqualTo(new[] { "(none)" }), "the other host never sees it");
            Assert.That(run.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId), "the client returns the other host's answer");
        });
    }

    [Test]
    public async Task A_request_to_another_origin_goes_without_the_token()
    {
        using var other = QuantDeskSandbox.Start();
        using var fixture = new ClientFixture(options => options.AccessToken = Token);
        var http = fixture.Services.GetRequiredService<IHttpClientFactory>().CreateClient(QuantDeskServiceCollectionExtensions.HttpClientName);

        using var response = await http.GetAsync(new Uri(other.BaseAddress, "api/v2/backtest/runs/" + QuantDeskSandbox.ExampleRunId));
        using var own = await http.GetAsync(new Uri("api/v2/backtest/runs/" + QuantDeskSandbox.ExampleRunId, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(AuthorizationHeaders(other.Server), Is.EqualTo(new[] { "(none)" }));
            Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer " + Token }), "control: the API's own origin gets it");
        });
    }

    private static string[] AuthorizationHeaders(WireMockServer server) =>
        server.LogEntries
            .Select(entry => entry.RequestMessage!.Headers!.TryGetValue("Authorization", out var values) ? values.Single() : "(none)")
            .ToArray();
}
