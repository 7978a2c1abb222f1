using Microsoft.Extensions.Options;

namespace QuantDesk.Client.Tests.Authentication;

/// <summary>
/// Options validation refuses a plain-http base address with a token; the handler refuses it again at send time, for
/// options changed in place after validation (the options monitor hands out one mutable instance).
/// </summary>
public sealed class ChangedBaseAddressTests
{
    [Test]
    public void A_base_address_changed_to_plain_http_after_validation_gets_no_token_and_no_request()
    {
        var sent = 0;
        var services = new ServiceCollection();
        services.AddQuantDeskClient(options =>
            {
                options.BaseAddress = new Uri("https://api.quantdesk.test/");
                options.AccessToken = "changed-base-token";
                options.SendAccessTokenOnEveryCall = true;
                options.Retry.MaxRetryAttempts = 0;
                options.AttemptTimeout = TimeSpan.FromSeconds(1);
                options.TotalTimeout = TimeSpan.FromSeconds(2);
            })
            .AddHttpMessageHandler(() => new Support.ObservingHandler(_ => Interlocked.Increment(ref sent)));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptionsMonitor<QuantDeskClientOptions>>().Get(Options.DefaultName).BaseAddress = new Uri("http://192.0.2.10/");

        var refused = Assert.ThrowsAsync<QuantDeskCredentialException>(() => provider.GetRequiredService<IQuantDeskClient>().Backtests.GetBacktestRunAsync("run-1"));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain("plain HTTP to '192.0.2.10'").And.Not.Contain("changed-base-token"));
            Assert.That(sent, Is.Zero);
        });
    }
}
