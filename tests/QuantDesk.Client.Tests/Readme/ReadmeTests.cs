using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Packaging;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Readme;

public sealed partial class ReadmeTests
{
    [Test]
    public void Every_csharp_block_of_the_readme_is_compiled_in_ReadmeSnippets()
    {
        AssertCompiled(RepositoryFiles.PathOf("README.md"), minimumBlocks: 6);
    }

    [Test]
    public void Every_csharp_block_of_the_package_readmes_is_compiled_in_ReadmeSnippets()
    {
        var readmes = PackageReadme.All().Where(readme => readme.Path is not null).ToList();

        Assert.That(readmes.Select(readme => readme.Project), Does.Contain("QuantDesk.Client").And.Contain("QuantDesk.Client.Testing"));
        foreach (var readme in readmes)
        {
            AssertCompiled(readme.Path!, minimumBlocks: 0);
        }

        Assert.That(CSharpBlock().Matches(File.ReadAllText(readmes.Single(readme => readme.Project == "QuantDesk.Client").Path!)), Has.Count.GreaterThanOrEqualTo(6));
    }

    [Test]
    public async Task The_sandbox_snippet_prints_the_example_metrics()
    {
        var run = await ReadmeSnippets.SandboxAsync();

        Assert.That((run.Sharpe, run.Dsr, run.MaxDrawdown), Is.EqualTo((1.84, 0.72, -0.14)));
    }

    [Test]
    public async Task The_configuration_snippet_binds_the_readme_settings()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantDesk:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["QuantDesk:ApplicationId"] = "grid-bot/2.1",
            ["QuantDesk:AttemptTimeout"] = "00:00:10",
            ["QuantDesk:Retry:MaxRetryAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        ReadmeSnippets.RegisterFromConfiguration(services, configuration);
        services.AddSingleton<RunReport>();
        await using var provider = services.BuildServiceProvider();

        var description = await provider.GetRequiredService<RunReport>().DescribeAsync(QuantDeskSandbox.ExampleRunId, CancellationToken.None);

        Assert.That(description, Is.EqualTo("b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b: completed, Sharpe 1.84, DSR 0.72, max drawdown -14.0%"));
        Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["User-Agent"].Single(), Does.StartWith("grid-bot/2.1 "));
    }

    [Test]
    public async Task The_task_method_provider_snippet_sends_the_stores_token()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection().AddLogging();
        ReadmeSnippets.RegisterWithTaskMethod(services, new CredentialStore());
        await using var provider = OnSandbox(services, sandbox);

        await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo("Bearer stored-token"));
    }

    [Test]
    public async Task The_refreshing_task_provider_snippet_renews_the_token_after_a_401()
    {
        const string runId = "run-readme-renew";
        using var sandbox = QuantDeskSandbox.Start();
        sandbox.Server.AcceptOnlyToken(runId, "renewed-token");
        var services = new ServiceCollection().AddLogging();
        ReadmeSnippets.RegisterWithRefreshingTaskMethods(services, new CredentialStore());
        await using var provider = OnSandbox(services, sandbox);

        var run = (await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(runId)).Data;

        Assert.Multiple(() =>
        {
            Assert.That(run.RunId, Is.EqualTo(runId));
            Assert.That(
                sandbox.Server.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).Select(entry => entry.RequestMessage!.Headers!["Authorization"].Single()),
                Is.EqualTo(new[] { "Bearer stored-token", "Bearer renewed-token" }));
        });
    }

    [Test]
    public async Task The_error_snippet_handles_an_unknown_run_without_throwing()
    {
        using var fixture = new ClientFixture();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        await ReadmeSnippets.HandleErrorsAsync(fixture.Client, "no-such-run", loggerFactory.CreateLogger("readme"), CancellationToken.None);

        Assert.That(logs.Entries.Select(entry => entry.Message), Has.One.Match(@"^Unknown run no-such-run \(request id req_sandbox_\d+\)$"));
    }

    [Test]
    public async Task The_lifecycle_snippet_submits_the_strategy_file_and_prints_the_metrics()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "readme-token");
        fixture.Sandbox.WithSubmittedRunsCompletingAfter(1);
        var strategyPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, "readme-strategy.json");
        await File.WriteAllTextAsync(strategyPath, """{"kind":"breakout","lookback":48}""");
        using var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            await ReadmeSnippets.LifecycleAsync(fixture.Client, strategyPath, CancellationToken.None);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.That(output.ToString(), Does.Match(@"^[0-9a-f-]{36} completed: Sharpe 1\.84, DSR 0\.72, max drawdown -14\.0%\s*$"));
        var sent = fixture.Sandbox.Submissions.Single();
        Assert.That((sent.DatasetId, sent.Strategy["kind"]!.GetValue<string>()), Is.EqualTo(("sol-perp-1h-2025", "breakout")));
        Assert.That(fixture.Sandbox.ReceivedRequests.Count(received => received.Method == "GET" && received.Path.Contains("/runs/", StringComparison.Ordinal)), Is.EqualTo(2), "the snippet waited through a poll that found the run still running");
    }

    [Test]
    public async Task The_wait_snippet_returns_the_finished_run()
    {
        using var fixture = new ClientFixture();

        var run = await ReadmeSnippets.WaitWithOptionsAsync(fixture.Client, QuantDeskSandbox.ExampleRunId, NullLogger.Instance, CancellationToken.None);

        Assert.That(run.Status.IsCompleted, Is.True);
    }

    [Test]
    public async Task The_sandbox_configuration_snippet_queues_the_faults_it_describes()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "readme-token");

        BacktestRun? run = null;
        var request = new SubmitBacktestRunRequest { DatasetId = "sol-perp-1h-2025", Strategy = new JsonObject { ["kind"] = "breakout" }, Fees = 5, Slippage = 3, Funding = true };

        var sent = await ReadmeSnippets.ConfigureSandboxAsync(fixture.Sandbox, async () =>
        {
            run = (await fixture.Client.GetBacktestRunAsync("run-42")).Data;
            await fixture.Client.SubmitBacktestRunAsync(request);
        });

        Assert.Multiple(() =>
        {
            Assert.That(run!.Status, Is.EqualTo(BacktestRunStatus.Queued));
            Assert.That(fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(5), "429, 503 and 502 retried, then the run, then the submission");
            Assert.That(sent.Select(submission => (submission.DatasetId, submission.Strategy["kind"]!.GetValue<string>())), Is.EqualTo(new[] { ("sol-perp-1h-2025", "breakout") }));
        });
    }

    [Test]
    public void The_model_factory_snippet_builds_a_run_and_a_not_found_exception()
    {
        var (completed, notFound) = ReadmeSnippets.ModelFactory();

        Assert.That(completed.Status.IsCompleted, Is.True);
        Assert.That(notFound, Is.TypeOf<QuantDeskNotFoundException>().With.Property(nameof(QuantDeskApiException.RequestId)).EqualTo("req_1"));
    }

    private static ServiceProvider OnSandbox(IServiceCollection services, QuantDeskSandbox sandbox)
    {
        services.AddQuantDeskClient(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.SendAccessTokenOnEveryCall = true;
        });
        return services.BuildServiceProvider();
    }

    private static void AssertCompiled(string markdownPath, int minimumBlocks)
    {
        var snippets = Lines(File.ReadAllText(RepositoryFiles.PathOf("tests/QuantDesk.Client.Tests/Readme/ReadmeSnippets.cs"))
            + "\n" + File.ReadAllText(RepositoryFiles.PathOf("tests/QuantDesk.Client.Tests/Readme/AreaSnippets.cs"))
            + "\n" + File.ReadAllText(RepositoryFiles.PathOf("tests/QuantDesk.Client.Tests/Readme/ScaleSnippets.cs")));
        var blocks = CSharpBlock().Matches(File.ReadAllText(markdownPath)).Select(match => Lines(match.Groups[1].Value)).ToList();

        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(minimumBlocks));
        foreach (var block in blocks)
        {
            Assert.That(ContainsRun(snippets, block), Is.True, $"{markdownPath}: block not found in ReadmeSnippets.cs, AreaSnippets.cs or ScaleSnippets.cs:\n" + string.Join('\n', block));
        }
    }

    private static string[] Lines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();

    private static bool ContainsRun(string[] haystack, string[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length + 1).Any(start => haystack.AsSpan(start, needle.Length).SequenceEqual(needle));

    private sealed class CredentialStore : ICredentialStore
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult("stored-token");

        public Task<string> RenewTokenAsync(CancellationToken cancellationToken) => Task.FromResult("renewed-token");
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
