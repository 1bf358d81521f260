using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Tko.Bench;

/// <summary>What one operation of a benchmark processes, for the MB/s column.</summary>
internal enum Volume
{
    /// <summary>The payload's tar stream (<see cref="Payload.TarBytes"/>).</summary>
    PayloadTar,
    /// <summary>The in-memory buffer of the hashing benchmarks (<see cref="Stages.BufferBytes"/>).</summary>
    HashBuffer,
    /// <summary>The tar stream of the payload's sample (<see cref="Payload.SampleTarBytes"/>).</summary>
    SampleTar,
}

/// <summary>Marks a benchmark whose MB/s is shown: <see cref="Volume"/> bytes divided by the median time.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ProcessesAttribute(Volume volume) : Attribute
{
    public Volume Volume { get; } = volume;

    public static long? BytesOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ProcessesAttribute>()?.Volume switch
        {
            Volume.PayloadTar => Payload.TarBytes,
            Volume.HashBuffer => Stages.BufferBytes,
            Volume.SampleTar => Payload.SampleTarBytes,
            _ => null,
        };
}

/// <summary>MB/s (10^6 bytes per second) of input: the benchmark's bytes divided by its median time.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Input bytes (the payload's tar stream, or the hashed buffer) / median time, in 10^6 bytes per second";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        MegabytesPerSecond(summary, benchmarkCase) is double mbs ? mbs.ToString("F1", CultureInfo.InvariantCulture) : "-";

    public static double? MegabytesPerSecond(Summary summary, BenchmarkCase benchmarkCase)
    {
        long? bytes = ProcessesAttribute.BytesOf(benchmarkCase);
        double? medianNs = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (bytes is null || medianNs is null or <= 0) return null;
        return bytes.Value / (medianNs.Value / 1e9) / 1e6;
    }
}

/// <summary>
/// Parallel efficiency of a multi-worker case: its MB/s divided by (workers × the MB/s of the
/// single-worker case at the same level). 1.00 is perfect scaling.
/// </summary>
internal sealed class ScalingColumn : IColumn
{
    public string Id => nameof(ScalingColumn);
    public string ColumnName => "Scaling";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "MB/s with N workers / (N × MB/s with 1 worker at the same level); 1.00 = linear";
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Workers(c) is > 1);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (Workers(benchmarkCase) is not int workers || workers < 2) return "-";
        object? level = benchmarkCase.Parameters["level"];
        BenchmarkCase? single = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.WorkloadMethod == benchmarkCase.Descriptor.WorkloadMethod
            && Workers(c) == 1 && Equals(c.Parameters["level"], level));
        if (single is null) return "-";
        double? many = ThroughputColumn.MegabytesPerSecond(summary, benchmarkCase);
        double? one = ThroughputColumn.MegabytesPerSecond(summary, single);
        return many is null || one is null ? "-" : (many.Value / (workers * one.Value)).ToString("F2", CultureInfo.InvariantCulture);
    }

    private static int? Workers(BenchmarkCase c) =>
        c.Parameters.Items.FirstOrDefault(p => p.Name == "workers")?.Value as int?;
}

/// <summary>
/// Speed relative to the shell pipeline measured in the same run: the shell's median time divided
/// by this case's. Above 1 is faster than <c>tar | tee >(sha256sum) | pigz -1 | sha256sum</c>.
/// </summary>
internal sealed class VersusShellColumn : IColumn
{
    public string Id => nameof(VersusShellColumn);
    public string ColumnName => "× shell";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 2;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Shell pipeline's median time / this case's median time, same run (>1: faster than the shell pipeline)";
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Shell(summary, c.Descriptor.Type) is not null);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (Shell(summary, benchmarkCase.Descriptor.Type) is not BenchmarkCase shell) return "-";
        double? mine = summary[benchmarkCase]?.ResultStatistics?.Median;
        double? theirs = summary[shell]?.ResultStatistics?.Median;
        return mine is null or <= 0 || theirs is null ? "-" : (theirs.Value / mine.Value).ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>The shell pipeline measured beside the benchmarks of this class, if it has one.</summary>
    private static BenchmarkCase? Shell(Summary summary, Type benchmarks) =>
        summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == benchmarks && c.Descriptor.WorkloadMethod.Name == nameof(LayerThroughput.ShellPipelineBaseline));
}
