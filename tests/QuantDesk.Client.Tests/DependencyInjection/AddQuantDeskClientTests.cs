using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.DependencyInjection;

public sealed class AddQuantDeskClientTests
{
    [Test]
    public void Registers_the_backtest_client_on_IHttpClientFactory_and_returns_its_builder()
    {
        var services = new ServiceCollection();

        var builder = services.AddQuantDeskClient(_ => { });

        using var provider = services.BuildServiceProvider();
        Assert.Multiple(() =>
        {
            Assert.That(builder.Name, Is.EqualTo(QuantDeskServiceCollectionExtensions.HttpClientName));
            Assert.That(provider.GetRequiredService<IBacktestClient>(), Is.InstanceOf<BacktestClient>());
            Assert.That(provider.GetRequiredService<IHttpClientFactory>().CreateClient(builder.Name).BaseAddress, Is.EqualTo(new Uri("https://api.quantdesk.app/")));
        });
    }

    [Test]
    public void Calling_it_twice_adds_the_handlers_once_and_applies_both_configurations()
    {
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options => options.ApplicationId = "first/1");
        services.AddQuantDeskClient(options => options.AttemptTimeout = TimeSpan.FromSeconds(3));

        using var provider = services.BuildServiceProvider();
        var factoryOptions = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(QuantDeskServiceCollectionExtensions.HttpClientName);
        var options = provider.GetRequiredService<IOptions<QuantDeskClientOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(factoryOptions.HttpMessageHandlerBuilderActions, Has.Count.EqualTo(SingleRegistrationHandlerActions()));
            Assert.That(options.ApplicationId, Is.EqualTo("first/1"));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public async Task Calling_it_twice_still_sends_one_request_per_call()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options => options.BaseAddress = sandbox.BaseAddress);
        services.AddQuantDeskClient(options => options.AccessToken = "token-a");
        services.AddQuantDeskClient(options => options.SendAccessTokenOnEveryCall = true);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var request = sandbox.Server.LogEntries.Single().RequestMessage!;
        Assert.That(request.Headers!["Authorization"], Is.EqualTo(new[] { "Bearer token-a" }));
    }

    [Test]
    public async Task Binds_options_from_a_configuration_section()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantDesk:BaseAddress"] = sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["QuantDesk:AccessToken"] = "from-config",
            ["QuantDesk:SendAccessTokenOnEveryCall"] = "true",
            ["QuantDesk:TotalTimeout"] = "00:00:20",
            ["QuantDesk:Retry:MaxRetryAttempts"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(configuration.GetSection("QuantDesk"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<QuantDeskClientOptions>>().Value;
        await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(options.BaseAddress, Is.EqualTo(sandbox.BaseAddress), "trailing slash added");
            Assert.That(options.TotalTimeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(options.Retry.MaxRetryAttempts, Is.EqualTo(5));
            Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo("Bearer from-config"));
        });
    }

    [Test]
    public async Task Code_settings_given_with_a_configuration_section_apply_after_binding()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantDesk:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["QuantDesk:AccessToken"] = "from-config",
            ["QuantDesk:Retry:MaxRetryAttempts"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(configuration.GetSection("QuantDesk"), options =>
        {
            options.AccessToken = "from-code";
            options.SendAccessTokenOnEveryCall = true;
        });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<QuantDeskClientOptions>>().Value;
        await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(options.Retry.MaxRetryAttempts, Is.EqualTo(5), "the section is still bound");
        Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo("Bearer from-code"));
    }

    [Test]
    public async Task Retry_settings_reloaded_from_configuration_apply_to_the_next_call()
    {
        using var sandbox = QuantDeskSandbox.Start();
        sandbox.Server.AnswerRun("down", Responses.Json(503, "{}"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantDesk:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["QuantDesk:Retry:MaxRetryAttempts"] = "2",
            ["QuantDesk:Retry:BaseDelay"] = "00:00:00.005",
        }).Build();
        var services = new ServiceCollection();
        services.AddQuantDeskClient(configuration.GetSection("QuantDesk"));
        await using var provider = services.BuildServiceProvider();

        Assert.ThrowsAsync<QuantDeskApiException>(() => provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync("down"));
        configuration["QuantDesk:Retry:MaxRetryAttempts"] = "0";
        configuration.Reload();
        Assert.ThrowsAsync<QuantDeskApiException>(() => provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync("down"));

        Assert.That(sandbox.Server.RequestsTo("down"), Is.EqualTo(3 + 1));
    }

    [Test]
    public async Task The_registered_client_sends_no_cookies_back()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.Server.AnswerRun("cookie", WireMock.ResponseBuilders.Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Set-Cookie", "session=abc; Path=/")
            .WithBody(QuantDeskSandbox.ExampleRunBody("cookie").ToJsonString()));

        await fixture.Client.GetBacktestRunAsync("cookie");
        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(fixture.Sandbox.Server.LogEntries.Select(entry => entry.RequestMessage!.Headers!.ContainsKey("Cookie")), Is.EqualTo(new[] { false, false }));
    }

    [Test]
    public void Invalid_options_fail_on_first_use_with_a_message_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options => options.Retry.MaxRetryAttempts = 50);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBacktestClient>());

        Assert.That(error!.Message, Does.Contain("QuantDesk:Retry:MaxRetryAttempts must be between 0 and 10; got 50."));
    }

    private static int SingleRegistrationHandlerActions()
    {
        var services = new ServiceCollection();
        services.AddQuantDeskClient(_ => { });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(QuantDeskServiceCollectionExtensions.HttpClientName).HttpMessageHandlerBuilderActions.Count;
    }
}
