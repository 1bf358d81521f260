#!/usr/bin/env bash
# Builds the ways tko ships: the Native AOT binary (.artifacts/native/tko), the
# framework-dependent .NET tool package (.artifacts/packages/tko.<version>.nupkg) and the
# library package (.artifacts/packages/Tko.Pipeline.<version>.nupkg).
# scripts/test.sh runs this first: the packaging tests exercise both artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${TKO_RID:-linux-x64}
rm -rf .artifacts/native .artifacts/packages
dotnet publish src/Tko.Cli -c Release -r "$rid" -o .artifacts/native --nologo -v quiet
dotnet pack src/Tko.Cli -c Release -o .artifacts/packages --nologo -v quiet
dotnet pack src/Tko.Pipeline -c Release -o .artifacts/packages --nologo -v quiet
ls -l .artifacts/native/tko .artifacts/packages/*.nupkg >&2
