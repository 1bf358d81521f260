#!/usr/bin/env bash
# README's first command and the F# examples: build the example offline from scratch into an OCI
# layout and a docker tarball, then run every examples/*.fsx against the built library.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/example}
mkdir -p "$out"
dotnet run --project src/Tko.Cli -c Release -- build --base-ref scratch --target-type OCI_LAYOUT --output "$out/hello-oci" examples/hello
dotnet run --project src/Tko.Cli -c Release -- build --base-ref scratch --target-type LOCAL_FILE --output "$out/hello.tar" examples/hello
dotnet build src/Tko.Pipeline -c Release --nologo -v quiet
for script in examples/*.fsx; do
  echo "== $script" >&2
  dotnet fsi --quiet "$script"
done
