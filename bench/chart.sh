#!/usr/bin/env bash
# Throughput against workers and gzip level: runs the LevelSweep benchmarks (BenchmarkDotNet,
# ~2 min on an idle 2-core box), then draws bench/results/throughput.png from their CSV report
# and keeps the report as bench/results/level-sweep.md.
# Usage: bench/chart.sh [--draw-only]      (--draw-only: redraw from the last run's report)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=bench/Tko.Bench/bin/Release/net10.0
results=$bench/BenchmarkDotNet.Artifacts/results

dotnet build bench/Tko.Bench -c Release -nologo -v quiet >/dev/null
if [[ ${1:-} != --draw-only ]]; then
  dotnet "$bench/Tko.Bench.dll" --filter '*LevelSweep*'
  cp "$results/Tko.Bench.LevelSweep-report-github.md" bench/results/level-sweep.md
fi
dotnet "$bench/Tko.Bench.dll" chart --results "$results" --output bench/results/throughput.png
