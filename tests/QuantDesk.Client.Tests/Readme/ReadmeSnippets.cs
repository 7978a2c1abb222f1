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
        return $"{run.RunId}: {run.Status}, Sharpe {run.Sharpe:0.00}, DSR {run.Dsr:0.00}, max drawdown {run.MaxDrawdown:P1}";
    }
}

public interface ITokenCache
{
    ValueTask<string?> GetAsync(bool forceRefresh, CancellationToken cancellationToken);
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
}
