#!/usr/bin/env bash
# Installs tko from this checkout: builds the Native AOT binary (unless BUILD_DIR already holds
# one, as a restored cache does), copies it to PREFIX/bin/tko and, inside GitHub Actions, adds
# PREFIX/bin to PATH for the following steps. The composite action (action.yml) runs this.
#
#   scripts/install-tko.sh [PREFIX]            PREFIX defaults to $RUNNER_TEMP/tko in
#                                              GitHub Actions, else $HOME/.local
#   TKO_BUILD_DIR=DIR                          where the binary is built and looked for
#                                              (default .artifacts/install); the action caches it
#   TKO_RID=linux-x64|linux-arm64              default: from uname -m
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-}
[ -n "$prefix" ] || prefix=${RUNNER_TEMP:+$RUNNER_TEMP/tko}
[ -n "$prefix" ] || prefix=$HOME/.local
build_dir=${TKO_BUILD_DIR:-$repo/.artifacts/install}
case "${TKO_RID:-$(uname -m)}" in
  x86_64 | amd64 | linux-x64) rid=linux-x64 ;;
  aarch64 | arm64 | linux-arm64) rid=linux-arm64 ;;
  *) echo "tko: install-tko.sh: no build for $(uname -m); tko runs on Linux x64 and arm64" >&2; exit 2 ;;
esac
if [ "$(uname -s)" != Linux ]; then
  echo "tko: install-tko.sh: this build runs on Linux; run it in a Linux container or under WSL" >&2
  exit 2
fi

if [ -x "$build_dir/tko" ]; then
  echo "install-tko: using the binary in $build_dir" >&2
else
  command -v dotnet >/dev/null || { echo "tko: install-tko.sh: dotnet not found; install the .NET 10 SDK (actions/setup-dotnet)" >&2; exit 2; }
  echo "install-tko: building tko ($rid) into $build_dir" >&2
  dotnet publish "$repo/src/Tko.Cli" -c Release -r "$rid" -o "$build_dir" --nologo -v quiet
fi

mkdir -p "$prefix/bin"
install -m 0755 "$build_dir/tko" "$prefix/bin/tko"
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$prefix/bin" >> "$GITHUB_PATH"
fi
echo "install-tko: installed $("$prefix/bin/tko" version) as $prefix/bin/tko" >&2
