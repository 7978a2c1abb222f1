using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Http;

/// <summary>The HttpClient's own settings, over whatever the application set for every HttpClient it makes.</summary>
public sealed class HttpClientSetupTests
{
    [Test]
    public async Task A_User_Agent_the_application_sets_for_every_HttpClient_is_replaced_by_the_clients_own()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Everywhere/1.0")));
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApplicationId = "grid-bot/2.1";
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var userAgent = sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["User-Agent"].Single();
        Assert.That(userAgent, Does.StartWith("grid-bot/2.1 QuantDesk.Client/").And.Not.Contain("Everywhere"));
    }
}
