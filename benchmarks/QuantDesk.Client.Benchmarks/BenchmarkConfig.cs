using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace QuantDesk.Client.Benchmarks;

/// <summary>
/// One launch, 4 warm-up and 12 measured iterations of 250 ms per benchmark: the ten benchmarks run in well under
/// 15 minutes on a 2-core machine, with error bars small enough to compare the variants.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(4)
                .WithIterationCount(12)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithId("QuantDesk"))
            .WithOptions(ConfigOptions.JoinSummary);
}
