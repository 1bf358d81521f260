#!/usr/bin/env bash
# Build + push of a payload onto a busybox base in a loopback distribution registry, tko beside
# `skopeo copy` (pull the base) + `umoci insert` + `skopeo copy` (push) doing the same job.
# Prints the median of N runs (default 5), the layer each made, and writes bench/results/push-compare.md.
# Needs: docker-registry, skopeo, umoci, busybox-static (apt-get install -y ...), the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
payload=${TKO_BENCH_PAYLOAD:-/usr/share/dotnet/shared}
runs=${1:-5}
for tool in docker-registry skopeo umoci busybox; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y docker-registry skopeo umoci busybox-static" >&2; exit 1; }
done

work=$(mktemp -d /tmp/tko-push-compare.XXXXXX)
registry_pid=""
cleanup() { [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/Tko.Cli -c Release --nologo -v quiet >/dev/null
tko=(dotnet src/Tko.Cli/bin/Release/net10.0/tko.dll)
[ -n "${TKO_BIN:-}" ] && tko=("$TKO_BIN")  # e.g. the Native AOT binary from dotnet publish -r linux-x64

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
host=127.0.0.1:$port
cat > "$work/registry.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/storage}, delete: {enabled: true}}
http: {addr: $host}
YML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do curl -fs "http://$host/v2/" >/dev/null 2>&1 && break; sleep 0.1; done

# The base: busybox-static with its applet links, built offline and pushed with skopeo.
mkdir -p "$work/busybox/bin"
cp "$(command -v busybox)" "$work/busybox/bin/busybox"
for applet in sh echo cat ls; do ln -s busybox "$work/busybox/bin/$applet"; done
"${tko[@]}" build -q --base-ref scratch -T OCI_LAYOUT -o "$work/base" --dest-path /bin --entrypoint /bin/sh "$work/busybox/bin" >/dev/null
skopeo copy -q --insecure-policy --dest-tls-verify=false "oci:$work/base:latest" "docker://$host/busybox:latest"

seconds() { local start=$1 end=$2; echo "scale=3; ($end - $start) / 1000000000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
layer_size() { skopeo inspect --tls-verify=false --raw "docker://$host/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["layers"][-1]["size"])'; }

tko_times=(); umoci_times=(); tko_digests=(); umoci_digests=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  ref=$("${tko[@]}" build -q --base-ref "$host/busybox:latest" -T REMOTE --target-repo "$host/tko-$i" "$payload")
  end=$(date +%s%N)
  tko_times+=("$(seconds "$start" "$end")"); tko_digests+=("${ref#*@}")

  start=$(date +%s%N)
  skopeo copy -q --insecure-policy --src-tls-verify=false "docker://$host/busybox:latest" "oci:$work/umoci-$i:base"
  umoci insert --rootless --image "$work/umoci-$i:base" "$payload" /tko-app >/dev/null
  skopeo copy -q --insecure-policy --dest-tls-verify=false "oci:$work/umoci-$i:base" "docker://$host/umoci-$i:latest"
  end=$(date +%s%N)
  umoci_times+=("$(seconds "$start" "$end")")
  umoci_digests+=("$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$host/umoci-$i:latest")")
done

tko_median=$(printf '%s\n' "${tko_times[@]}" | median)
umoci_median=$(printf '%s\n' "${umoci_times[@]}" | median)
tko_layer=$(layer_size tko-1:latest)
umoci_layer=$(layer_size umoci-1:latest)
same() { [ "$(printf '%s\n' "$@" | sort -u | wc -l)" -eq 1 ] && echo yes || echo no; }
ratio=$(echo "scale=2; $tko_median / $umoci_median" | bc)

table=$(cat <<MD
| tool | median of $runs (s) | layer (bytes) | same digest every run |
| --- | --- | --- | --- |
| tko build -T REMOTE | $tko_median | $tko_layer | $(same "${tko_digests[@]}") |
| skopeo copy + umoci insert + skopeo copy | $umoci_median | $umoci_layer | $(same "${umoci_digests[@]}") |

tko / umoci+skopeo time: **$ratio** (tko run as \`${tko[*]}\`; payload: $payload, $(du -sb "$payload" | cut -f1) bytes; $(nproc) cores; $(date -u +%Y-%m-%d))
MD
)
echo "$table"
echo "$table" > bench/results/push-compare.md
