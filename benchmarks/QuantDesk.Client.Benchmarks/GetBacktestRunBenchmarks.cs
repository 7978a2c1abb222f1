using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using QuantDesk.Client.Benchmarks.InMemory;
using QuantDesk.Client.Benchmarks.NSwagDefault;
using QuantDesk.Client.Benchmarks.Variants;
using Refit;

namespace QuantDesk.Client.Benchmarks;

/// <summary>
/// One call of GET api/v2/backtest/runs/{id} through each variant, over the same in-memory handler: the 200 answer
/// (category "200") and the documented 404 error, created and caught (category "404"). The baseline of each
/// category is the hand-written raw HttpClient with source-generated System.Text.Json.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GetBacktestRunBenchmarks
{
    private readonly InMemoryApiHandler _handler = new();
    private RawHttpClientApi _raw = null!;
    private BacktestClient _oursBare = null!;
    private ServiceProvider _services = null!;
    private IBacktestClient _oursFull = null!;
    private NSwagDefaultClient _nswag = null!;
    private IRefitBacktestApi _refit = null!;
    private ServiceProvider _handRolledServices = null!;
    private RawHttpClientApi _handRolled = null!;
    private ServiceProvider _refitServices = null!;
    private IRefitBacktestApi _refitFull = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new RawHttpClientApi(NewHttpClient());
        _oursBare = new BacktestClient(NewHttpClient());
        _services = FullPipeline.Create(InMemoryApiHandler.BaseAddress, builder => builder.ConfigurePrimaryHttpMessageHandler(() => _handler));
        _oursFull = _services.GetRequiredService<IBacktestClient>();
        _nswag = new NSwagDefaultClient(NewHttpClient()) { BaseUrl = InMemoryApiHandler.BaseAddress.ToString() };
        var refitJson = new JsonSerializerOptions { TypeInfoResolver = HandWrittenJsonContext.Default };
        _refit = RestService.For<IRefitBacktestApi>(NewHttpClient(), new RefitSettings(new SystemTextJsonContentSerializer(refitJson)));
        _handRolledServices = PeerPipelines.HandRolled(InMemoryApiHandler.BaseAddress, builder => builder.ConfigurePrimaryHttpMessageHandler(() => _handler));
        _handRolled = _handRolledServices.GetRequiredService<RawHttpClientApi>();
        _refitServices = PeerPipelines.Refit(InMemoryApiHandler.BaseAddress, builder => builder.ConfigurePrimaryHttpMessageHandler(() => _handler));
        _refitFull = _refitServices.GetRequiredService<IRefitBacktestApi>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _handRolledServices.Dispose();
        _refitServices.Dispose();
    }

    [BenchmarkCategory("200"), Benchmark(Baseline = true)]
    public async Task<double?> Raw_SourceGen() => (await _raw.GetBacktestRunAsync(ExampleBodies.RunId)).Data!.Sharpe;

    [BenchmarkCategory("200"), Benchmark]
    public async Task<double?> Ours_Bare() => (await _oursBare.GetBacktestRunAsync(ExampleBodies.RunId)).Data.Sharpe;

    [BenchmarkCategory("200"), Benchmark]
    public async Task<double?> Ours_FullPipeline() => (await _oursFull.GetBacktestRunAsync(ExampleBodies.RunId)).Data.Sharpe;

    [BenchmarkCategory("200"), Benchmark]
    public async Task<double?> NSwag_Default() => (await _nswag.GetBacktestRunAsync(ExampleBodies.RunId)).Data.Sharpe;

    [BenchmarkCategory("200"), Benchmark]
    public async Task<double?> Refit_SourceGen() => (await _refit.GetBacktestRunAsync(ExampleBodies.RunId)).Data!.Sharpe;

    [BenchmarkCategory("200"), Benchmark]
    public async Task<double?> HandRolled_StandardResilience() => (await _handRolled.GetBacktestRunAsync(ExampleBodies.RunId)).Data!.Sharpe;

    [BenchmarkCategory("200"), Benchmark]
    public async Task<double?> Refit_StandardResilience() => (await _refitFull.GetBacktestRunAsync(ExampleBodies.RunId)).Data!.Sharpe;

    [BenchmarkCategory("404"), Benchmark(Baseline = true)]
    public async Task<string?> Raw_SourceGen_404()
    {
        try
        {
            await _raw.GetBacktestRunAsync(ExampleBodies.UnknownRunId);
        }
        catch (RawApiException error)
        {
            return error.RequestId;
        }

        throw Unreachable();
    }

    [BenchmarkCategory("404"), Benchmark]
    public async Task<string?> Ours_Bare_404()
    {
        try
        {
            await _oursBare.GetBacktestRunAsync(ExampleBodies.UnknownRunId);
        }
        catch (QuantDeskNotFoundException error)
        {
            return error.RequestId;
        }

        throw Unreachable();
    }

    [BenchmarkCategory("404"), Benchmark]
    public async Task<string?> Ours_FullPipeline_404()
    {
        try
        {
            await _oursFull.GetBacktestRunAsync(ExampleBodies.UnknownRunId);
        }
        catch (QuantDeskNotFoundException error)
        {
            return error.RequestId;
        }

        throw Unreachable();
    }

    [BenchmarkCategory("404"), Benchmark]
    public async Task<string?> NSwag_Default_404()
    {
        try
        {
            await _nswag.GetBacktestRunAsync(ExampleBodies.UnknownRunId);
        }
        catch (NSwagDefault.ApiException<NSwagDefault.ApiError> error)
        {
            return error.Result.Request_id;
        }

        throw Unreachable();
    }

    [BenchmarkCategory("404"), Benchmark]
    public async Task<string?> Refit_SourceGen_404()
    {
        try
        {
            await _refit.GetBacktestRunAsync(ExampleBodies.UnknownRunId);
        }
        catch (Refit.ApiException error)
        {
            return (await error.GetContentAsAsync<ErrorEnvelope>())?.RequestId;
        }

        throw Unreachable();
    }

    [BenchmarkCategory("404"), Benchmark]
    public async Task<string?> HandRolled_StandardResilience_404()
    {
        try
        {
            await _handRolled.GetBacktestRunAsync(ExampleBodies.UnknownRunId);
        }
        catch (RawApiException error)
        {
            return error.RequestId;
        }

        throw Unreachable();
    }

    private HttpClient NewHttpClient() => new(_handler, disposeHandler: false) { BaseAddress = InMemoryApiHandler.BaseAddress };

    private static InvalidOperationException Unreachable() => new("The 404 call did not fail.");
}
