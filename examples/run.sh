#!/usr/bin/env bash
# README's first command: build the example offline from scratch into an OCI layout and a docker tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/example}
mkdir -p "$out"
dotnet run --project src/Tko.Cli -c Release -- build --base-ref scratch --target-type OCI_LAYOUT --output "$out/hello-oci" examples/hello
dotnet run --project src/Tko.Cli -c Release -- build --base-ref scratch --target-type LOCAL_FILE --output "$out/hello.tar" examples/hello
