using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Readme;

// Every C# block of README.md, verbatim, so that the README cannot show code that does not compile.
// ReadmeTests checks that each block still appears here and runs the ones that need no network.
public sealed class RunReport(IBacktestClient backtests)
{
    public async Task<string> DescribeAsync(string runId, CancellationToken cancellationToken)
    {
        var run = (await backtests.GetBacktestRunAsync(runId, cancellationToken)).Data;
        return $"{run.RunId}: {run.Status}, Sharpe {run.Sharpe:0.00}, DSR {run.Dsr:0.00}, max drawdown {run.MaxDrawdown * 100:0.0}%";
    }
}

public interface ITokenCache
{
    ValueTask<string?> GetAsync(bool forceRefresh, CancellationToken cancellationToken);
}

public interface ICredentialStore
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);

    Task<string> RenewTokenAsync(CancellationToken cancellationToken);
}

public static class ReadmeSnippets
{
    public static void RegisterWithToken(IServiceCollection services, IConfiguration configuration)
    {
        services.AddQuantDeskClient(options => options.AccessToken = configuration["QuantDesk:Token"]);
    }

    public static void RegisterFromConfiguration(IServiceCollection services, IConfiguration configuration)
    {
        services.AddQuantDeskClient(configuration.GetSection("QuantDesk"));
    }

    public static void RegisterWithProvider(IServiceCollection services, ITokenCache tokens)
    {
        services.AddQuantDeskClient(options =>
            options.AccessTokenProvider = (request, cancellationToken) => tokens.GetAsync(request.ForceRefresh, cancellationToken));
    }

    public static void RegisterWithTaskMethod(IServiceCollection services, ICredentialStore store)
    {
        services.AddQuantDeskClient(options => options.UseAccessTokenProvider(store.GetTokenAsync));   // Task<string> GetTokenAsync(CancellationToken)
    }

    public static void RegisterWithRefreshingTaskMethods(IServiceCollection services, ICredentialStore store)
    {
        services.AddQuantDeskClient(options => options.UseAccessTokenProvider((request, cancellationToken) =>
            request.ForceRefresh ? store.RenewTokenAsync(cancellationToken) : store.GetTokenAsync(cancellationToken)));
    }

    public static async Task<BacktestRun> WithoutContainerAsync(string token)
    {
        var client = new BacktestClient(new QuantDeskClientOptions { AccessToken = token });
        var run = (await client.GetBacktestRunAsync("b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b")).Data;
        return run;
    }

    public static async Task HandleErrorsAsync(IBacktestClient backtests, string runId, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var run = (await backtests.GetBacktestRunAsync(runId, cancellationToken)).Data;
        }
        catch (QuantDeskNotFoundException error)
        {
            logger.LogWarning("Unknown run {RunId} (request id {RequestId})", runId, error.RequestId);
        }
        catch (QuantDeskRateLimitException error)
        {
            await Task.Delay(error.RetryAfter ?? TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    public static async Task<BacktestRun> SandboxAsync()
    {
        using var sandbox = QuantDeskSandbox.Start();
        var client = new BacktestClient(new QuantDeskClientOptions { BaseAddress = sandbox.BaseAddress });
        var run = (await client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId)).Data;   // Sharpe 1.84
        return run;
    }

    public static async Task LifecycleAsync(IBacktestClient backtests, string strategyPath, CancellationToken cancellationToken)
    {
        var datasets = (await backtests.ListBacktestDatasetsAsync(cancellationToken)).Data;
        var strategy = JsonNode.Parse(File.ReadAllText(strategyPath))!.AsObject();
        var request = new SubmitBacktestRunRequest { DatasetId = datasets[0].DatasetId, Strategy = strategy, Fees = 5, Slippage = 3, Funding = true };
        var run = await backtests.SubmitAndWaitAsync(request, cancellationToken: cancellationToken);
        Console.WriteLine($"{run.RunId} {run.Status}: Sharpe {run.Sharpe:0.00}, DSR {run.Dsr:0.00}, max drawdown {run.MaxDrawdown * 100:0.0}%");
    }

    public static async Task<BacktestRun> WaitWithOptionsAsync(IBacktestClient backtests, string runId, ILogger logger, CancellationToken cancellationToken)
    {
        var options = new BacktestWaitOptions { Timeout = TimeSpan.FromMinutes(10), Progress = new Progress<BacktestRun>(run => logger.LogInformation("Run {RunId} is {Status}", run.RunId, run.Status)) };
        var finished = await backtests.WaitForCompletionAsync(runId, options, cancellationToken);
        return finished;
    }

    public static async Task<IReadOnlyList<SubmitBacktestRunRequest>> ConfigureSandboxAsync(QuantDeskSandbox sandbox, Func<Task> runYourCodeAsync)
    {
        sandbox.WithRunCompletingAfter("run-42", pollsInProgress: 3)        // queued, running, running, then completed
               .RateLimitNextRequests(1, retryAfter: TimeSpan.FromSeconds(1)) // then 429 with Retry-After
               .FailNextRequests(503, 502)                                   // then two server errors
               .WithLatency(TimeSpan.FromMilliseconds(50));                  // every answer 50 ms late
        await runYourCodeAsync();                                             // your code, against sandbox.BaseAddress
        var sent = sandbox.Submissions;                                       // the SubmitBacktestRunRequests received so far
        return sent;
    }

    public static (BacktestRun Completed, QuantDeskApiException NotFound) ModelFactory()
    {
        var completed = QuantDeskModelFactory.BacktestRun("run-42", BacktestRunStatus.Completed, sharpe: 1.3, dsr: 0.8, maxDrawdown: -0.1);
        var notFound = QuantDeskModelFactory.ApiException(404, "RUN_NOT_FOUND", "Unknown run.", requestId: "req_1");   // a QuantDeskNotFoundException
        return (completed, notFound);
    }
}
