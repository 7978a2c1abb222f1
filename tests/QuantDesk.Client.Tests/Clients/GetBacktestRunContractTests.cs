using System.Net.Http.Headers;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Clients;

public sealed class GetBacktestRunContractTests
{
    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task Maps_the_contract_example_field_by_field()
    {
        var response = await _fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.Multiple(() =>
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Data.RunId, Is.EqualTo("b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b"));
            Assert.That(response.Data.Status, Is.EqualTo(BacktestRunStatus.Completed));
            Assert.That(response.Data.Status.ToString(), Is.EqualTo("completed"));
            Assert.That(response.Data.Sharpe, Is.EqualTo(1.84));
            Assert.That(response.Data.Dsr, Is.EqualTo(0.72));
            Assert.That(response.Data.MaxDrawdown, Is.EqualTo(-0.14));
        });
    }

    [Test]
    public async Task Sends_GET_to_the_run_path_accepting_json_with_the_library_user_agent()
    {
        await _fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var request = _fixture.Sandbox.Server.LogEntries.Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.Path, Is.EqualTo("/api/v2/backtest/runs/" + QuantDeskSandbox.ExampleRunId));
            Assert.That(request.Headers!["Accept"].Single(), Is.EqualTo("application/json"));
            Assert.That(request.Headers!["User-Agent"].Single(), Does.Match(@"^QuantDesk\.Client/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+\.\d+.*\)$"));
            Assert.That(request.Headers!.ContainsKey("Authorization"), Is.False, "no token configured: the route is public");
        });
    }

    [Test]
    public async Task Puts_the_application_id_in_front_of_the_user_agent()
    {
        using var fixture = new ClientFixture(options => options.ApplicationId = "grid-bot/2.1");

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var userAgent = fixture.Sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["User-Agent"].Single();
        Assert.That(userAgent, Does.StartWith("grid-bot/2.1 QuantDesk.Client/"));
        Assert.That(ProductInfoHeaderValue.TryParse(userAgent.Split(' ')[0], out _), Is.True);
    }

    [Test]
    public async Task Sends_the_bearer_token_when_one_is_configured()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "header.payload.signature");

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var headers = fixture.Sandbox.Server.LogEntries.Single().RequestMessage!.Headers!;
        Assert.That(headers["Authorization"].Single(), Is.EqualTo("Bearer header.payload.signature"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    [TestCase(".")]
    [TestCase("..")]
    public void Rejects_a_missing_or_dot_segment_run_id_before_any_request(string? runId)
    {
        Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("id"),
            () => _fixture.Client.GetBacktestRunAsync(runId!));
        Assert.That(_fixture.Sandbox.Server.LogEntries, Is.Empty);
    }

    [TestCase("run/with/slashes")]
    [TestCase("what?x=1")]
    [TestCase("hash#tag")]
    [TestCase("100%")]
    [TestCase("...")]
    [TestCase("a/../b")]
    [TestCase("../etc")]
    [TestCase("with space")]
    [TestCase("ctrl\u0001\u007f")]
    [TestCase("ünïcødé-运行")]
    [TestCase("back\\slash")]
    public async Task Sends_any_run_id_as_exactly_one_path_segment(string runId)
    {
        Uri? sent = null;
        using var fixture = new ClientFixture(builder: http => http.AddHttpMessageHandler(() => new ObservingHandler(request => sent = request.RequestUri)));

        Assert.ThrowsAsync<QuantDeskNotFoundException>(() => fixture.Client.GetBacktestRunAsync(runId));

        Assert.That(sent, Is.Not.Null);
        var segments = sent!.AbsolutePath.Split('/');
        Assert.Multiple(() =>
        {
            Assert.That(segments[..^1], Is.EqualTo(new[] { string.Empty, "api", "v2", "backtest", "runs" }));
            Assert.That(Uri.UnescapeDataString(segments[^1]), Is.EqualTo(runId));
            Assert.That(fixture.Sandbox.Server.LogEntries.Single().RequestMessage!.AbsolutePath, Does.StartWith("/api/v2/backtest/runs/"));
        });
    }
}
