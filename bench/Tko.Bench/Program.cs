using BenchmarkDotNet.Running;
using Tko.Bench;

// `Tko.Bench sizes …` is a plain console mode for bench/layer-size.sh, `chart` another; anything else goes to
// BenchmarkDotNet (`--filter '*Layer*'`, `--list flat`, …).
if (args.Length > 0 && args[0] == "sizes")
    return await Sizes.RunAsync(args[1..]);
// `Tko.Bench chart …` draws bench/results/throughput.png from the last LevelSweep run (bench/chart.sh).
if (args.Length > 0 && args[0] == "chart")
    return ThroughputChart.Run(args[1..]);

// `Tko.Bench zstd-libraries [REPEATS]` compares the zstd libraries on one thread (ZstdLibraries).
if (args.Length > 0 && args[0] == "zstd-libraries")
    return await ZstdLibraries.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Payload).Assembly).Run(args);
return 0;
