using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace QuantDesk.Client.Benchmarks;

/// <summary>
/// One launch, 6 warm-up and 20 measured iterations of 500 ms per benchmark: the ten benchmarks run in about
/// 5 minutes on a 2-core machine (well under 15), with error bars small enough to compare the variants.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(6)
                .WithIterationCount(20)
                .WithIterationTime(TimeInterval.FromMilliseconds(500))
                .WithId("QuantDesk"))
            // Median and minimum as well as the mean: on a machine shared with other work, they move least.
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
            .WithOptions(ConfigOptions.JoinSummary);
}
