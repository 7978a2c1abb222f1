using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Logging;

/// <summary>
/// Trace logging writes a header's value only if the header is on the allow-list: any other header, whatever its
/// name, is logged as <c>*</c>, in requests and in answers alike.
/// </summary>
public sealed class HeaderAllowListTests
{
    [Test]
    public async Task Only_allow_listed_headers_are_logged_with_their_values()
    {
        using var fixture = new ClientFixture(
            configure: options =>
            {
                options.ApplicationId = "allow-list/1";
                options.AccessToken = "allow-list-token";
            },
            builder: http => http.AddHttpMessageHandler(() => new HeaderAddingHandler(("X-Api-Key", "key-9f2c"), ("X-Wallet", "wallet-7"))));
        fixture.Sandbox.Server.AnswerRun(QuantDeskSandbox.ExampleRunId, WireMock.ResponseBuilders.Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-Request-ID", "req_allow_1")
            .WithHeader("Set-Cookie", "session=s3ss10n")
            .WithHeader("X-Internal-Trace", "node-4")
            .WithBody(QuantDeskSandbox.ExampleRunBody().ToJsonString()));

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var request = fixture.Logs.Entries.Single(entry => entry.EventId.Id == 102).Message.Split('\n');
        var response = fixture.Logs.Entries.Single(entry => entry.EventId.Id == 103).Message.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(request, Does.Contain("X-Api-Key: *").And.Contain("X-Wallet: *").And.Contain("Authorization: *"));
            Assert.That(request.Single(line => line.StartsWith("User-Agent: ", StringComparison.Ordinal)), Does.StartWith("User-Agent: allow-list/1"));
            Assert.That(response, Does.Contain("X-Request-ID: req_allow_1").And.Contain("Set-Cookie: *").And.Contain("X-Internal-Trace: *"));
            Assert.That(response.Single(line => line.StartsWith("Content-Type: ", StringComparison.Ordinal)), Does.StartWith("Content-Type: application/json"));
            Assert.That(string.Join('\n', request.Concat(response)), Does.Not.Contain("key-9f2c").And.Not.Contain("wallet-7").And.Not.Contain("s3ss10n").And.Not.Contain("node-4").And.Not.Contain("allow-list-token"));
        });
    }

    private sealed class HeaderAddingHandler(params (string Name, string Value)[] headers) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
