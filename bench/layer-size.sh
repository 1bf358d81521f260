#!/usr/bin/env bash
# Layer size per compression level: GNU tar | pigz -1 and -6 against tko's layer at levels 1..6,
# for the benchmark payload (TKO_BENCH_PAYLOAD, default /usr/share/dotnet/shared). Prints which
# level is the fastest whose layer is no larger than pigz -1's.
# Usage: bench/layer-size.sh [--repeat N]      (N timed runs per row, median kept; default 5)
set -euo pipefail
cd "$(dirname "$0")/.."

repeat=5
if [[ ${1:-} == --repeat ]]; then repeat=$2; fi
payload=${TKO_BENCH_PAYLOAD:-/usr/share/dotnet/shared}
export TKO_BENCH_PAYLOAD=$payload
jobs=$(nproc)
tar_cmd="tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C '$payload' -cf - ."

# median, fastest and slowest of numbers on stdin, tab-separated
stats() { sort -g | awk '{ v[NR] = $1 } END { printf "%s\t%s\t%s", v[int((NR + 1) / 2)], v[1], v[NR] }'; }

# pigz rows: "pigz -L<TAB>bytes<TAB>median s<TAB>fastest s<TAB>slowest s"
pigz_row() {
  local level=$1 bytes times=()
  bash -c "$tar_cmd | pigz -p$jobs -$level >/dev/null" # warm the page cache
  for ((i = 0; i < repeat; i++)); do
    local start end
    start=$(date +%s.%N)
    bytes=$(bash -c "set -o pipefail; $tar_cmd | pigz -p$jobs -$level | wc -c")
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf 'pigz -%s\t%s\t%s\n' "$level" "$bytes" "$(printf '%s\n' "${times[@]}" | stats)"
}

tar_bytes=$(bash -c "$tar_cmd | wc -c")
pigz1=$(pigz_row 1)
pigz6=$(pigz_row 6)

dotnet build -c Release bench/Tko.Bench -v quiet -nologo >/dev/null
tko=$(dotnet bench/Tko.Bench/bin/Release/net10.0/Tko.Bench.dll sizes --levels 1-6 --repeat "$repeat" --workers "$jobs")

pigz1_bytes=$(cut -f2 <<<"$pigz1")
echo "payload: $payload   GNU tar stream: $tar_bytes bytes   workers/threads: $jobs   median of $repeat runs"
{
  printf 'layer\tbytes\tvs pigz -1\tmedian s\tMB/s (tar in)\tfastest s\tslowest s\n'
  for row in "$pigz1" "$pigz6"; do
    IFS=$'\t' read -r name bytes secs lo hi <<<"$row"
    awk -v n="$name" -v b="$bytes" -v p="$pigz1_bytes" -v s="$secs" -v t="$tar_bytes" -v lo="$lo" -v hi="$hi" \
      'BEGIN { printf "%s\t%d\t%+.2f%%\t%.3f\t%.1f\t%.3f\t%.3f\n", n, b, (b / p - 1) * 100, s, t / s / 1e6, lo, hi }'
  done
  grep -v '^#' <<<"$tko" | tail -n +2 | while IFS=$'\t' read -r level bytes secs mbs lo hi; do
    awk -v l="$level" -v b="$bytes" -v p="$pigz1_bytes" -v s="$secs" -v m="$mbs" -v lo="$lo" -v hi="$hi" \
      'BEGIN { printf "tko -%s\t%d\t%+.2f%%\t%.3f\t%s\t%.3f\t%.3f\n", l, b, (b / p - 1) * 100, s, m, lo, hi }'
  done
} | column -t -s $'\t'

grep -v '^#' <<<"$tko" | tail -n +2 | awk -v p="$pigz1_bytes" -F'\t' '
  $2 <= p { if (lowest == "") lowest = $1; if (best == "" || $3 < bestsecs) { best = $1; bestsecs = $3 } }
  END {
    if (lowest == "") { print "no tko level 1-6 is as small as pigz -1"; exit }
    printf "lowest tko level no larger than pigz -1: %s;  fastest such level in this run: %s (%.3f s)\n", lowest, best, bestsecs
  }'
