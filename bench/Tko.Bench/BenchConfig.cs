using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Tko.Bench;

/// <summary>
/// One short job for the macro benchmarks (an operation of 0.3 s or more): 1 launch, 2 warmups,
/// 7 measured iterations of one operation each, no pilot and no overhead evaluation: the machine
/// is a shared 2-core box, so runs are kept short and the figures are medians. The MB/s and
/// scaling columns are computed from the median.
/// </summary>
internal class BenchConfig : ManualConfig
{
    public BenchConfig() : this(RunStrategy.Monitoring) { }

    protected BenchConfig(RunStrategy strategy)
    {
        Job job = Job.Default
            .WithId("Short")
            .WithStrategy(strategy)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7);
        if (strategy == RunStrategy.Throughput)
            job = job.WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        AddJob(job);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        AddColumn(new ThroughputColumn(), new ScalingColumn(), new VersusShellColumn());
        HideColumns(StatisticColumn.Error, StatisticColumn.StdDev);
        // Comma-separated whatever the culture: `Tko.Bench chart` reads the MB/s column back.
        AddExporter(new CsvExporter(CsvSeparator.Comma));
        WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
        // Under bin/ of this project (git-ignored), whatever the working directory.
        ArtifactsPath = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}

/// <summary>
/// The same short job for benchmarks of a few milliseconds: a pilot picks how many operations make
/// an iteration of about 250 ms, and the overhead of the harness is subtracted.
/// </summary>
internal sealed class MicroBenchConfig : BenchConfig
{
    public MicroBenchConfig() : base(RunStrategy.Throughput) { }
}
