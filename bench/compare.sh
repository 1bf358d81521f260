#!/usr/bin/env bash
# The whole job (build an image of a payload onto a busybox base and push it to a loopback
# registry), tko beside the tools people would otherwise use, on the same payload, base and registry:
#
#   tar | gzip | sha256sum, tar | pigz -1, tar | pigz -6   (no image, no push: floors)
#   skopeo copy (pull) + umoci insert + skopeo copy (push)
#   buildah from / copy / commit / push (vfs storage)
#   containerify (npm)
#   the .NET SDK's PublishContainer
#   tko (the Native AOT binary), at its default level and at level 1
#
# The payload is the publish directory of a self-contained "hello" console app (the .NET runtime
# plus the app, ~83 MB), so the SDK containerises exactly what the others add. Each run of each
# tool gets a fresh registry (new storage, same port) holding only the base, so no tool finds a
# blob left by an earlier run. Rounds go tool by tool (round-robin) so load from others on the
# machine spreads over every tool; one untimed warmup round comes first.
#
# Writes bench/results/compare.md and prints it.
# Usage: bench/compare.sh [RUNS]      (timed runs per tool, default 5)
# Env:   TKO_BIN=path/to/tko          use this tko binary instead of publishing the AOT one
#        COMPARE_ONLY="tko umoci"     run only these rows (ids: gzip pigz1 pigz6 umoci buildah containerify sdk tko tko1 baseline)
#        TKO_BASELINE_BIN=path/to/tko another tko binary (e.g. an earlier commit's) timed as row "baseline",
#                                     round-robin with the others, so a before/after ratio comes from one run
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root=$PWD
runs=${1:-5}
((runs >= 1)) || { echo "compare.sh: RUNS must be at least 1" >&2; exit 2; }

log() { printf '[compare %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- what this needs, installed
need_debian=()
for pair in docker-registry:docker-registry skopeo:skopeo umoci:umoci buildah:buildah pigz:pigz \
            busybox:busybox-static curl:curl python3:python3 npm:npm bc:bc; do
  command -v "${pair%%:*}" >/dev/null || need_debian+=("${pair#*:}")
done
if ((${#need_debian[@]})); then
  log "installing ${need_debian[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_debian[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/tko-compare.XXXXXX)
registry_pid=""
stop_registry() {
  if [[ -n $registry_pid ]]; then
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
    registry_pid=""
  fi
}
cleanup() {
  stop_registry
  # buildah's vfs storage holds read-only copies of the base; make them removable first.
  chmod -R u+w "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- the registry
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
host=127.0.0.1:$port

start_registry() {
  stop_registry
  rm -rf "$work/registry"
  mkdir -p "$work/registry/storage"
  cat >"$work/registry/config.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/registry/storage}, delete: {enabled: true}}
http: {addr: $host}
YML
  docker-registry serve "$work/registry/config.yml" >"$work/registry/log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 100); do
    curl -fs "http://$host/v2/" >/dev/null 2>&1 && break
    sleep 0.05
  done
  curl -fs "http://$host/v2/" >/dev/null || { cat "$work/registry/log" >&2; echo "compare.sh: docker-registry did not start on $host" >&2; exit 1; }
  skopeo copy -q --insecure-policy --preserve-digests --dest-tls-verify=false \
    "oci:$work/base:latest" "docker://$host/busybox:latest"
}

# "digest<TAB>bytes of the layers not in the base" of HOST/REPO:TAG, from the registry.
image_result() {
  python3 - "$host" "$1" "$2" <<'PY'
import hashlib, json, sys, urllib.request
host, repo, tag = sys.argv[1:4]
accept = ", ".join(["application/vnd.oci.image.manifest.v1+json",
                    "application/vnd.docker.distribution.manifest.v2+json"])
def get(repo, ref):
    req = urllib.request.Request(f"http://{host}/v2/{repo}/manifests/{ref}", headers={"Accept": accept})
    return urllib.request.urlopen(req).read()
body = get(repo, tag)
base = {l["digest"] for l in json.loads(get("busybox", "latest"))["layers"]}
added = sum(l["size"] for l in json.loads(body)["layers"] if l["digest"] not in base)
print(f"sha256:{hashlib.sha256(body).hexdigest()}\t{added}")
PY
}

# ---------------------------------------------------------------- tools and payload
log "work directory $work, registry $host"

# tko: the Native AOT binary, as users get it.
if [[ -n ${TKO_BIN:-} ]]; then
  tko=$TKO_BIN
  tko_how="\`$TKO_BIN\` (given by TKO_BIN)"
else
  log "publishing the tko Native AOT binary (takes a few minutes)"
  dotnet publish src/Tko.Cli -c Release -r linux-x64 -o "$work/tko-aot" -nologo -v quiet >"$work/tko-publish.log" 2>&1 \
    || { cat "$work/tko-publish.log" >&2; exit 1; }
  tko=$work/tko-aot/tko
  tko_how="Native AOT, \`dotnet publish src/Tko.Cli -c Release -r linux-x64\` of this commit"
fi

# The payload and the SDK's project: a self-contained console app, published once.
app=$work/app
mkdir -p "$app"
cat >"$app/app.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
    <PublishDir>$(MSBuildProjectDirectory)/publish/</PublishDir>
    <ContainerRepository>sdk</ContainerRepository>
    <ContainerWorkingDirectory>/app</ContainerWorkingDirectory>
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' >"$app/Program.cs"
# Keep the app out of the repository's Directory.*.props and central package management.
printf '<Project />\n' >"$app/Directory.Build.props"
printf '<Project />\n' >"$app/Directory.Build.targets"
printf '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n' >"$app/Directory.Packages.props"
log "publishing the self-contained payload app"
(cd "$app" && dotnet publish -c Release -nologo -v quiet >"$work/app-publish.log" 2>&1) \
  || { cat "$work/app-publish.log" >&2; exit 1; }
payload=$app/publish
payload_bytes=$(du -sb "$payload" | cut -f1)
payload_files=$(find "$payload" -type f | wc -l)

# containerify, from npm, into a private prefix.
containerify=$work/npm/node_modules/.bin/containerify
log "installing containerify from npm"
npm install --silent --no-audit --no-fund --prefix "$work/npm" containerify >"$work/npm.log" 2>&1 || true

# The base: Debian's busybox-static with four applet links as one layer (written by tko from
# scratch, an OCI manifest with its mediaType, which containerify insists on), pushed with skopeo.
mkdir -p "$work/busybox/bin"
cp "$(command -v busybox)" "$work/busybox/bin/busybox"
for applet in sh echo cat ls; do ln -s busybox "$work/busybox/bin/$applet"; done
"$tko" build -q --base-ref scratch -T OCI_LAYOUT -o "$work/base" --dest-path /bin --entrypoint /bin/sh "$work/busybox/bin" >/dev/null

tar_cmd=(tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$payload" -cf - .)

# ---------------------------------------------------------------- one job per row
# job_ID N runs the timed part of run N; result_ID N prints "digest<TAB>added layer bytes".
# Every job's output goes to $work/logs/ID-N.log; a job that fails makes the row say why.

# A pipeline with no image: the digest is the stream's sha256sum, the size its byte count.
stream_job() {
  local out=$1; shift
  rm -f "$out.size"
  "${tar_cmd[@]}" | "$@" | tee >(wc -c >"$out.size") | sha256sum | cut -d' ' -f1 >"$out.sum"
  for _ in $(seq 200); do [[ -s $out.size ]] && break; sleep 0.01; done
}
stream_result() { printf 'sha256:%s\t%s\n' "$(cat "$1.sum")" "$(tr -d ' ' <"$1.size")"; }

job_gzip() { stream_job "$work/gzip-$1" gzip -n; }
result_gzip() { stream_result "$work/gzip-$1"; }
job_pigz1() { stream_job "$work/pigz1-$1" pigz -n -p"$(nproc)" -1; }
result_pigz1() { stream_result "$work/pigz1-$1"; }
job_pigz6() { stream_job "$work/pigz6-$1" pigz -n -p"$(nproc)" -6; }
result_pigz6() { stream_result "$work/pigz6-$1"; }

job_umoci() {
  local layout=$work/umoci-$1
  rm -rf "$layout"
  skopeo copy -q --insecure-policy --src-tls-verify=false "docker://$host/busybox:latest" "oci:$layout:base"
  umoci insert --rootless --image "$layout:base" "$payload" /tko-app
  umoci config --image "$layout:base" --config.entrypoint /tko-app/app
  skopeo copy -q --insecure-policy --dest-tls-verify=false "oci:$layout:base" "docker://$host/umoci:r$1"
}
result_umoci() { image_result umoci "r$1"; }

job_buildah() {
  # A fresh storage root each run: nothing of the base or an earlier run is cached.
  local b=(buildah --root "$work/buildah-$1/root" --runroot "$work/buildah-$1/run" --storage-driver vfs)
  local c
  c=$("${b[@]}" from -q --tls-verify=false "$host/busybox:latest")
  "${b[@]}" copy -q "$c" "$payload" /tko-app
  "${b[@]}" config --entrypoint '["/tko-app/app"]' "$c"
  "${b[@]}" commit -q "$c" "buildah:r$1"
  "${b[@]}" push -q --tls-verify=false "buildah:r$1" "docker://$host/buildah:r$1"
}
result_buildah() {
  local r
  r=$(image_result buildah "r$1")
  chmod -R u+w "$work/buildah-$1" 2>/dev/null || true
  rm -rf "$work/buildah-$1"
  echo "$r"
}

job_containerify() {
  [[ -x $containerify ]] || { echo "containerify was not installed: $(tail -n 3 "$work/npm.log" | tr '\n' ' ')"; return 1; }
  rm -rf "$work/containerify-$1"
  "$containerify" --fromImage busybox:latest --toImage "containerify:r$1" --registry "http://$host/v2/" \
    --allowNoPushAuth --folder "$(dirname "$payload")" --customContent "$(basename "$payload"):/tko-app" \
    --entrypoint /tko-app/app --buildFolder "$work/containerify-$1"
}
result_containerify() { image_result containerify "r$1"; }

job_sdk() {
  # The container step alone: the app is already published (--no-build reuses its publish
  # directory). -nodeReuse:false so no MSBuild node outlives the script.
  (cd "$app" && DOTNET_CONTAINER_INSECURE_REGISTRIES=$host dotnet publish -c Release --no-restore --no-build -nodeReuse:false \
    -t:PublishContainer -p:ContainerBaseImage="$host/busybox:latest" -p:ContainerRegistry="$host" \
    -p:ContainerImageTag="r$1" -clp:PerformanceSummary -nologo)
}
result_sdk() { image_result sdk "r$1"; }

job_tko() { "$tko" build -q --base-ref "$host/busybox:latest" -T REMOTE --target-repo "$host/tko:r$1" "$payload"; }
result_tko() { image_result tko "r$1"; }
job_tko1() { "$tko" build -q --compression-level 1 --base-ref "$host/busybox:latest" -T REMOTE --target-repo "$host/tko1:r$1" "$payload"; }
result_tko1() { image_result tko1 "r$1"; }

job_baseline() { "$TKO_BASELINE_BIN" build -q --base-ref "$host/busybox:latest" -T REMOTE --target-repo "$host/baseline:r$1" "$payload"; }
result_baseline() { image_result baseline "r$1"; }

ids=(gzip pigz1 pigz6 umoci buildah containerify sdk tko tko1)
[[ -n ${TKO_BASELINE_BIN:-} ]] && ids+=(baseline)
[[ -n ${COMPARE_ONLY:-} ]] && read -r -a ids <<<"$COMPARE_ONLY"
declare -A label=(
  [gzip]='`tar \| gzip \| sha256sum` (gzip -6, 1 thread; no image, no push)'
  [pigz1]="\`tar \\| pigz -1 \\| sha256sum\` ($(nproc) threads; no image, no push)"
  [pigz6]="\`tar \\| pigz -6 \\| sha256sum\` ($(nproc) threads; no image, no push)"
  [umoci]='`skopeo copy` (pull) + `umoci insert` + `umoci config` + `skopeo copy` (push)'
  [buildah]='`buildah from` / `copy` / `config` / `commit` / `push` (vfs, fresh storage each run)'
  [containerify]='`containerify --customContent` (npm)'
  [sdk]='.NET SDK `dotnet publish --no-build -t:PublishContainer`'
  [tko]='**tko build -T REMOTE** (AOT, default: level 3, all workers)'
  [tko1]='tko build -T REMOTE --compression-level 1 (AOT)'
  [baseline]="tko build -T REMOTE, the baseline binary \`${TKO_BASELINE_BIN:-}\`"
)

# Busy share of the machine's CPUs over 0.3 s while this script is idle: load from others.
other_load() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 0.3
  read -r -a b < <(head -1 /proc/stat)
  python3 -c '
import sys
a = list(map(int, sys.argv[1].split())); b = list(map(int, sys.argv[2].split()))
d = [y - x for x, y in zip(a, b)]
total = sum(d[:8]); idle = d[3] + d[4]
print(f"{(total - idle) / total:.3f}" if total else "0")' "${a[*]:1}" "${b[*]:1}"
}

declare -A failed=() times=() digests=() sizes=() sdk_task=()
loads=()
mkdir -p "$work/logs"
"${tar_cmd[@]}" >/dev/null # the payload into the page cache

for ((run = 0; run <= runs; run++)); do
  [[ $run == 0 ]] && log "warmup round" || log "round $run of $runs"
  for id in "${ids[@]}"; do
    [[ -n ${failed[$id]:-} ]] && continue
    start_registry
    loads+=("$(other_load)")
    logfile=$work/logs/$id-$run.log
    start=$(date +%s%N)
    # Not under `if`: bash ignores set -e inside a condition, and a job must stop at its first failure.
    set +e
    (set -e; "job_$id" "$run") >"$logfile" 2>&1
    status=$?
    set -e
    end=$(date +%s%N)
    if ((status != 0)); then
      reason=$(grep -v '^\s*$' "$logfile" | tail -n 1 | cut -c1-200 | tr '|' '/')
      failed[$id]="could not run (run $run): ${reason:-exit status $status}"
      log "$id failed: ${reason:-exit status $status}"
      continue
    fi
    result=$("result_$id" "$run")
    log "$id: $(echo "scale=3; ($end - $start) / 1000000000" | bc) s, $result"
    ((run == 0)) && continue
    times[$id]+="$(echo "scale=3; ($end - $start) / 1000000000" | bc) "
    digests[$id]+="${result%%$'\t'*} "
    sizes[$id]=${result#*$'\t'}
    if [[ $id == sdk ]]; then
      sdk_task[$id]+="$(awk '$3 == "CreateNewImage" {print $1 / 1000}' "$logfile" | tail -n 1) "
    fi
  done
done
stop_registry

# ---------------------------------------------------------------- the table
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR] = $1} END {if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f-%.2f", lo, hi}'; }
same() {
  local all n distinct
  all=$(tr ' ' '\n' | grep -v '^$' || true)
  n=$(grep -c . <<<"$all" || true)
  distinct=$(sort -u <<<"$all" | grep -c . || true)
  ((distinct == 1)) && echo yes || echo "no ($distinct digests in $n runs)"
}
thousands() { python3 -c "print(f'{int(\"$1\"):,}')"; }
ratio() { [[ -n $1 && -n $2 ]] && echo "scale=3; $1 / $2" | bc | sed 's/^\./0./' || echo -; }

declare -A med=()
rows=""
for id in "${ids[@]}"; do
  if [[ -n ${failed[$id]:-} ]]; then
    rows+="| ${label[$id]} | - | - | - | - | ${failed[$id]} |"$'\n'
    continue
  fi
  med[$id]=$(median <<<"${times[$id]}")
  size=${sizes[$id]}
  vs_tko=-
  [[ -n ${sizes[tko]:-} && $id != tko ]] && vs_tko=$(python3 -c "print(f'{($size - ${sizes[tko]}) / ${sizes[tko]}:+.1%}')")
  rows+="| ${label[$id]} | ${med[$id]} | $(range <<<"${times[$id]}") | $(thousands "$size") | $vs_tko | $(same <<<"${digests[$id]}") |"$'\n'
done

ratios=""
if [[ -n ${med[tko]:-} ]]; then
  for pair in "umoci:0.6:umoci + skopeo" "buildah:0.2:buildah" "containerify:0.2:containerify" "sdk:0.5:the .NET SDK (whole \`dotnet publish -t:PublishContainer\` command)"; do
    IFS=: read -r id target name <<<"$pair"
    if [[ -z ${med[$id]:-} ]]; then
      ratios+="- tko / $name: not measured (${failed[$id]:-not run})"$'\n'
      continue
    fi
    r=$(ratio "${med[tko]}" "${med[$id]}")
    met=$([[ $(echo "$r <= $target" | bc) == 1 ]] && echo met || echo "**not met**")
    layer=$([[ ${sizes[tko]} -le ${sizes[$id]} ]] && echo "tko's layer is no larger" || echo "tko's layer is $(python3 -c "print(f'{(${sizes[tko]} - ${sizes[$id]}) / ${sizes[$id]}:.1%}')") larger")
    ratios+="- tko / $name = **$r** (target ≤ $target: $met; $layer)"$'\n'
  done
  if [[ -n ${sdk_task[sdk]:-} ]]; then
    task=$(median <<<"${sdk_task[sdk]}")
    ratios+="- tko / the SDK's \`CreateNewImage\` task alone (MSBuild's performance summary, median $task s; without MSBuild's start-up and evaluation) = $(ratio "${med[tko]}" "$task")"$'\n'
  fi
fi

version() { "$@" 2>&1 | head -n 1 | tr -d '\r' | cut -c1-80 || true; }
load_mean=$(printf '%s\n' "${loads[@]}" | awk '{s += $1; if ($1 > m) m = $1} END {printf "%.0f%% mean, %.0f%% max", 100 * s / NR, 100 * m}')
table=$(cat <<MD
# tko beside its peers: build + push onto busybox, loopback registry

$(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git -C "$repo_root" rev-parse --short HEAD)\`. Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME")).
Payload: the publish directory of a self-contained .NET console app (the .NET $(dotnet --list-runtimes | awk '/NETCore.App/ {print $2}' | tail -n 1) runtime + app): $payload_files files, $(thousands "$payload_bytes") bytes.
Base: busybox-static as one layer, in a \`docker-registry\` on 127.0.0.1, fresh for every run (only the base in it).
Each figure: median wall time of $runs runs after one warmup round, rounds taken tool by tool.
Load from others on this machine, sampled for 0.3 s before each run: $load_mean of the $(nproc) CPUs busy.

| job | median s | range s | added layer bytes | layer vs tko | same digest every run |
| --- | ---: | ---: | ---: | ---: | --- |
$rows
$ratios
tko binary: $tko_how.

Versions: tko $(version "$tko" version); $(version tar --version); $(version gzip --version); pigz $(version pigz --version | awk '{print $2}'); skopeo $(version skopeo --version | awk '{print $3}'); umoci $(version umoci --version | awk '{print $3}'); buildah $(version buildah --version | awk '{print $3}'); containerify $(version "$containerify" --version); .NET SDK $(version dotnet --version); docker-registry $(version docker-registry --version | awk '{print $3}'); node $(version node --version).
MD
)
mkdir -p bench/results
printf '%s\n' "$table" >bench/results/compare.md
printf '%s\n' "$table"
