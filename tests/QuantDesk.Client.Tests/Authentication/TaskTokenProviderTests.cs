using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Authentication;

/// <summary>
/// UseAccessTokenProvider: token providers written as ordinary <see cref="Task{TResult}"/> methods. The method
/// groups below are <c>Task&lt;string&gt;</c>, so this file compiling (warnings are errors) is part of the test.
/// </summary>
public sealed class TaskTokenProviderTests
{
    private const string RunId = "run-task-provider";

    [Test]
    public async Task A_Task_of_string_method_group_taking_only_the_cancellation_token_sends_its_token()
    {
        var store = new CredentialStore();
        using var fixture = new ClientFixture(options => options.UseAccessTokenProvider(store.GetTokenAsync));

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer stored-token-1" }));
    }

    [Test]
    public async Task An_async_lambda_taking_the_request_and_the_cancellation_token_sends_its_token()
    {
        using var fixture = new ClientFixture(options => options.UseAccessTokenProvider(async (request, cancellationToken) =>
        {
            await Task.Delay(1, cancellationToken);
            return request.ForceRefresh ? "refreshed" : "lambda-token";
        }));

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer lambda-token" }));
    }

    [Test]
    public async Task A_401_reaches_the_two_argument_form_with_ForceRefresh_and_the_request_is_resent_with_its_new_token()
    {
        var store = new CredentialStore();
        using var fixture = new ClientFixture(options => options.UseAccessTokenProvider(store.GetTokenForAsync));
        fixture.Sandbox.Server.AcceptOnlyToken(RunId, "renewed-token");

        var run = (await fixture.Client.GetBacktestRunAsync(RunId)).Data;

        Assert.Multiple(() =>
        {
            Assert.That(run.RunId, Is.EqualTo(RunId));
            Assert.That(store.Requests, Is.EqualTo(new[] { new AccessTokenRequest(false), new AccessTokenRequest(true) }));
            Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer stored-token-1", "Bearer renewed-token" }));
        });
    }

    [Test]
    public async Task A_401_asks_the_one_argument_form_again_for_the_resend()
    {
        var store = new CredentialStore();
        using var fixture = new ClientFixture(options => options.UseAccessTokenProvider(store.GetTokenAsync));
        fixture.Sandbox.Server.AcceptOnlyToken(RunId, "stored-token-2");

        await fixture.Client.GetBacktestRunAsync(RunId);

        Assert.That(AuthorizationHeaders(fixture.Sandbox.Server), Is.EqualTo(new[] { "Bearer stored-token-1", "Bearer stored-token-2" }));
    }

    [Test]
    public void Both_forms_return_the_options_for_chaining_and_set_the_provider()
    {
        var store = new CredentialStore();
        var first = new QuantDeskClientOptions();
        var second = new QuantDeskClientOptions();

        Assert.Multiple(() =>
        {
            Assert.That(first.UseAccessTokenProvider(store.GetTokenAsync), Is.SameAs(first));
            Assert.That(second.UseAccessTokenProvider(store.GetTokenForAsync), Is.SameAs(second));
            Assert.That(first.AccessTokenProvider, Is.Not.Null);
            Assert.That(second.AccessTokenProvider, Is.Not.Null);
        });
    }

    [Test]
    public void A_null_provider_is_an_ArgumentNullException_for_either_form()
    {
        var options = new QuantDeskClientOptions();

        Assert.Multiple(() =>
        {
            Assert.That(() => options.UseAccessTokenProvider((Func<CancellationToken, Task<string>>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("provider"));
            Assert.That(() => options.UseAccessTokenProvider((Func<AccessTokenRequest, CancellationToken, Task<string>>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("provider"));
            Assert.That(options.AccessTokenProvider, Is.Null, "nothing was set");
        });
    }

    private static IEnumerable<string> AuthorizationHeaders(WireMockServer server) =>
        server.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).Select(entry => entry.RequestMessage!.Headers!["Authorization"].Single());

    /// <summary>A token store with the ordinary shapes: Task&lt;string&gt; methods, one of them told about refreshes.</summary>
    private sealed class CredentialStore
    {
        private int _issued;

        public List<AccessTokenRequest> Requests { get; } = [];

        public Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
            Task.FromResult($"stored-token-{Interlocked.Increment(ref _issued)}");

        public async Task<string> GetTokenForAsync(AccessTokenRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            await Task.Yield();
            return request.ForceRefresh ? "renewed-token" : await GetTokenAsync(cancellationToken);
        }
    }
}
