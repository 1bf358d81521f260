#!/usr/bin/env bash
# README's first command and the F# examples: build the example offline from scratch into an OCI
# layout and a docker tarball, then run every examples/*.fsx against the freshly packed library, with a
# CNCF distribution registry (Debian package docker-registry) on loopback for the ones that push.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/example}
mkdir -p "$out"
dotnet run --project src/Tko.Cli -c Release -- build --base-ref scratch --target-type OCI_LAYOUT --output "$out/hello-oci" examples/hello
dotnet run --project src/Tko.Cli -c Release -- build --base-ref scratch --target-type LOCAL_FILE --output "$out/hello.tar" examples/hello
# The scripts load the library as F# users do, #r "nuget: Tko.Pipeline", from the folder that
# examples/NuGet.Config names. Each run packs a fresh version (0.1.0.<unix time>, a stable version
# above the last), so a copy cached in ~/.nuget/packages under an old version never shadows this build.
rm -rf .artifacts/example-packages
dotnet pack src/Tko.Pipeline -c Release -o .artifacts/example-packages --nologo -v quiet -p:PackageVersion=0.1.0.$(date +%s)

command -v docker-registry >/dev/null || { echo "examples need docker-registry: apt-get install docker-registry" >&2; exit 1; }
storage=$(mktemp -d)
registry_pid=""
cleanup() { [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null; rm -rf "$storage"; }
trap cleanup EXIT
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + RANDOM % 30000))
until port_free "$port"; do port=$((20000 + RANDOM % 30000)); done
cat > "$storage/config.yml" <<YAML
version: 0.1
log: { level: error }
storage: { filesystem: { rootdirectory: $storage/data } }
http: { addr: 127.0.0.1:$port }
YAML
docker-registry serve "$storage/config.yml" >"$storage/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 100); do port_free "$port" || break; sleep 0.1; done
port_free "$port" && { echo "docker-registry did not start:" >&2; cat "$storage/registry.log" >&2; exit 1; }

for script in examples/*.fsx; do
  echo "== $script" >&2
  TKO_EXAMPLE_REGISTRY=127.0.0.1:$port dotnet fsi --quiet "$script"
done
