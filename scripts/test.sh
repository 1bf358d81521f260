#!/usr/bin/env bash
# Installs what the tests need (Debian packages; NuGet restores happen in dotnet test) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# program:package pairs the tests call; a test that finds one missing fails naming the package.
tools=(gzip:gzip tar:tar zstd:zstd skopeo:skopeo umoci:umoci setpriv:util-linux docker-registry:docker-registry htpasswd:apache2-utils busybox:busybox-static podman:podman git:git)
missing=()
for pair in "${tools[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The native binary and the tool package, which the packaging tests run.
bash scripts/package.sh

results=.artifacts/test-results
rm -rf "$results"
status=0
# The soak test (Category=Soak) runs on its own: see README.
dotnet test Tko.sln -c Release --logger "trx" --results-directory "$results" --filter "Category!=Soak" "$@" || status=$?

# One closing line over every test project: "N passed, N failed".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit "$status"
