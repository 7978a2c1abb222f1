using Microsoft.Extensions.Options;
using QuantDesk.Client.Configuration;

namespace QuantDesk.Client.Tests.Configuration;

public sealed class QuantDeskClientOptionsTests
{
    [Test]
    public void Defaults_are_valid_and_point_at_production()
    {
        var options = new QuantDeskClientOptions();

        Assert.That(Validate(options), Is.Empty);
        Assert.That(options.BaseAddress, Is.EqualTo(new Uri("https://api.quantdesk.app/")));
    }

    [TestCase("https://api.example.com", "https://api.example.com/")]
    [TestCase("https://api.example.com/gateway", "https://api.example.com/gateway/")]
    [TestCase("https://api.example.com/gateway/", "https://api.example.com/gateway/")]
    public void Base_address_gets_a_trailing_slash(string given, string expected)
    {
        Assert.That(new QuantDeskClientOptions { BaseAddress = new Uri(given) }.BaseAddress, Is.EqualTo(new Uri(expected)));
    }

    [Test]
    public void A_relative_base_address_is_refused()
    {
        var failures = Validate(new QuantDeskClientOptions { BaseAddress = new Uri("api/", UriKind.Relative) });

        Assert.That(failures, Has.One.Contains("BaseAddress must be an absolute http(s) address"));
    }

    [Test]
    public void A_token_over_plain_http_to_another_host_is_refused_without_echoing_the_token()
    {
        var failures = Validate(new QuantDeskClientOptions { BaseAddress = new Uri("http://api.example.com/"), AccessToken = "tok-123-secret" });

        Assert.That(failures, Has.One.Contains("Use https"));
        Assert.That(string.Join(" ", failures), Does.Not.Contain("tok-123-secret"));
    }

    [TestCase("https://api.example.com/")]
    [TestCase("HTTPS://api.example.com/")]
    public void A_token_over_https_to_any_host_is_allowed(string address)
    {
        Assert.That(Validate(new QuantDeskClientOptions { BaseAddress = new Uri(address), AccessToken = "tok" }), Is.Empty);
    }

    [TestCase("http://localhost:5000/")]
    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://[::1]:5000/")]
    public void A_token_over_plain_http_to_loopback_is_allowed(string address)
    {
        Assert.That(Validate(new QuantDeskClientOptions { BaseAddress = new Uri(address), AccessToken = "t" }), Is.Empty);
    }

    [Test]
    public void A_provider_over_plain_http_to_another_host_is_refused()
    {
        var options = new QuantDeskClientOptions { BaseAddress = new Uri("http://api.example.com/"), AccessTokenProvider = (_, _) => ValueTask.FromResult<string?>("t") };

        Assert.That(Validate(options), Has.One.Contains("Use https"));
    }

    [Test]
    public void Public_routes_over_plain_http_without_a_token_are_allowed()
    {
        Assert.That(Validate(new QuantDeskClientOptions { BaseAddress = new Uri("http://api.example.com/") }), Is.Empty);
    }

    [TestCase(3, "00:00:00", "00:01:00", "AttemptTimeout must be between")]
    [TestCase(3, "00:00:10", "1.01:00:00", "TotalTimeout must be between")]
    [TestCase(3, "00:00:30", "00:00:20", "AttemptTimeout (00:00:30) must not exceed QuantDesk:TotalTimeout (00:00:20)")]
    [TestCase(-1, "00:00:10", "00:01:00", "MaxRetryAttempts must be between 0 and 10; got -1")]
    [TestCase(11, "00:00:10", "00:01:00", "MaxRetryAttempts must be between 0 and 10; got 11")]
    public void Out_of_range_settings_are_refused_by_name(int retries, string attemptTimeout, string totalTimeout, string expected)
    {
        var options = new QuantDeskClientOptions
        {
            AttemptTimeout = TimeSpan.Parse(attemptTimeout, System.Globalization.CultureInfo.InvariantCulture),
            TotalTimeout = TimeSpan.Parse(totalTimeout, System.Globalization.CultureInfo.InvariantCulture),
            Retry = { MaxRetryAttempts = retries },
        };

        Assert.That(Validate(options), Has.Some.Contains(expected));
    }

    [Test]
    public void Retry_delays_must_be_ordered()
    {
        var options = new QuantDeskClientOptions { Retry = { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) } };

        Assert.That(Validate(options), Has.One.Contains("MaxDelay (00:00:01) must not be shorter than QuantDesk:Retry:BaseDelay (00:00:10)"));
    }

    [TestCase("has space")]
    [TestCase("a/b/c(")]
    public void Application_id_must_be_one_product_token(string applicationId)
    {
        Assert.That(Validate(new QuantDeskClientOptions { ApplicationId = applicationId }), Has.One.Contains("ApplicationId must be one User-Agent product token"));
    }

    [TestCase(" padded")]
    [TestCase("line\nbreak")]
    [TestCase("   ")]
    public void A_malformed_token_is_refused_without_echoing_it(string token)
    {
        var failures = Validate(new QuantDeskClientOptions { AccessToken = token });

        Assert.That(failures, Has.One.Contains("AccessToken contains characters that cannot be sent in an HTTP header"));
    }

    [Test]
    public void Empty_placeholders_from_configuration_mean_not_set()
    {
        var options = new QuantDeskClientOptions { AccessToken = string.Empty, ApplicationId = string.Empty };

        Assert.That((options.AccessToken, options.ApplicationId, Validate(options).Count), Is.EqualTo(((string?)null, (string?)null, 0)));
    }

    [TestCase(512L)]
    [TestCase(2L * 1024 * 1024 * 1024)]
    public void Response_size_cap_must_be_sane(long bytes)
    {
        Assert.That(Validate(new QuantDeskClientOptions { MaxResponseContentLength = bytes }), Has.One.Contains("MaxResponseContentLength must be between 1024 and 1073741824 bytes"));
    }

    [Test]
    public void ToString_describes_the_options_without_the_token()
    {
        var text = new QuantDeskClientOptions { AccessToken = "eyJhbGciOi.secret.sig", ApplicationId = "bot/1" }.ToString();

        Assert.That(text, Does.Contain("AccessToken = (redacted)").And.Contain("ApplicationId = bot/1").And.Not.Contain("eyJhbGciOi"));
    }

    [Test]
    public void ToString_says_which_credentials_are_set_and_every_limit()
    {
        var bare = new QuantDeskClientOptions().ToString();
        var withProvider = new QuantDeskClientOptions { AccessTokenProvider = (_, _) => ValueTask.FromResult<string?>("t") }.ToString();

        Assert.That(bare, Does.StartWith("QuantDeskClientOptions { BaseAddress = https://api.quantdesk.app/, AccessToken = (none), AccessTokenProvider = (none), ApplicationId = (none), AttemptTimeout = "));
        Assert.That(withProvider, Does.Contain("AccessToken = (none), AccessTokenProvider = (set), "));
        Assert.That(bare, Does.Contain(", MaxResponseContentLength = 4194304, MaxRedirects = 5, Retry = ").And.EndWith(" }"));
    }

    [TestCase("https://api.example.com/?region=eu")]
    [TestCase("https://api.example.com/#top")]
    public void A_base_address_with_a_query_or_fragment_is_refused(string address)
    {
        Assert.That(Validate(new QuantDeskClientOptions { BaseAddress = new Uri(address) }), Has.Some.StartsWith("QuantDesk:BaseAddress must not have a query or fragment"));
    }

    [Test]
    public void Null_retry_and_rate_budget_settings_are_refused_by_name()
    {
        var failures = Validate(new QuantDeskClientOptions { Retry = null!, RateBudget = null! });

        Assert.That(failures, Is.EqualTo(new[]
        {
            "QuantDesk:Retry must not be null; set MaxRetryAttempts to 0 to turn retries off.",
            "QuantDesk:RateBudget must not be null; leave PermitLimit at 0 to turn the budget off.",
        }));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_blank_shared_budget_key_is_refused(string key)
    {
        Assert.That(Validate(new QuantDeskClientOptions { RateBudget = { SharedKey = key } }), Is.EqualTo(new[] { "QuantDesk:RateBudget:SharedKey must not be blank; leave it null for a budget of the client's own." }));
    }

    [Test]
    public void An_undefined_exhausted_budget_behavior_is_refused()
    {
        Assert.That(Validate(new QuantDeskClientOptions { RateBudget = { WhenExhausted = (QuantDeskRateBudgetBehavior)7 } }), Is.EqualTo(new[] { "QuantDesk:RateBudget:WhenExhausted must be Wait or Fail; got 7." }));
    }

    [Test]
    public void An_application_id_of_64_characters_is_valid_and_of_65_is_refused()
    {
        Assert.That(Validate(new QuantDeskClientOptions { ApplicationId = new string('a', 64) }), Is.Empty);
        Assert.That(Validate(new QuantDeskClientOptions { ApplicationId = new string('a', 65) }), Has.Some.StartsWith("QuantDesk:ApplicationId must be one User-Agent product token"));
    }

    [Test]
    public void The_standalone_client_validates_too()
    {
        var error = Assert.Throws<OptionsValidationException>(() => _ = new BacktestClient(new QuantDeskClientOptions { TotalTimeout = TimeSpan.Zero }));

        Assert.That(error!.Message, Does.Contain("TotalTimeout must be between"));
    }

    private static IReadOnlyList<string> Validate(QuantDeskClientOptions options) =>
        new QuantDeskClientOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [TestCase("with\0nul")]
    [TestCase("non-ascii-é")]
    [TestCase("control\u0007char")]
    public void A_static_token_that_cannot_go_in_a_header_is_refused_at_validation(string token)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new BacktestClient(new QuantDeskClientOptions { AccessToken = token }));

        Assert.That(error!.Message, Does.Contain("AccessToken").And.Not.Contain(token));
    }

    [Test]
    public void A_base_address_with_user_info_is_refused_without_echoing_the_password()
    {
        var options = new QuantDeskClientOptions { BaseAddress = new Uri("https://trader:hunter2@api.quantdesk.app/") };

        var error = Assert.Throws<OptionsValidationException>(() => new BacktestClient(options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("user info").And.Not.Contain("hunter2"));
            Assert.That(options.ToString(), Does.Not.Contain("hunter2"));
        });
    }

    [TestCase(-1)]
    [TestCase(21)]
    public void MaxRedirects_outside_0_to_20_is_refused(int maxRedirects)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new BacktestClient(new QuantDeskClientOptions { MaxRedirects = maxRedirects }));

        Assert.That(error!.Message, Does.Contain("MaxRedirects"));
    }
}
