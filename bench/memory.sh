#!/usr/bin/env bash
# Peak RSS of a real `tko build` over a generated 2 GiB tree: 16 files of 128 MiB (1 MiB blocks
# alternating random bytes and compressible text) plus 20,000 small text files. The tree is made
# in a temporary directory under /tmp and deleted afterwards, with the OCI layout written.
# Usage: bench/memory.sh [extra tko build options, e.g. -j 1 --compression-level 6]
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/tko-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT
src=$work/src out=$work/oci

echo "generating 2 GiB + small files in $src ..."
python3 - "$src" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(1)
words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz_") for _ in range(rng.randint(2, 12))) for _ in range(4000)]
def text(n):  # source-code-like text: compresses about 3-4x
    out, size = [], 0
    while size < n:
        w = rng.choice(words) + (b"\n" if rng.random() < 0.1 else b" ")
        out.append(w); size += len(w)
    return b"".join(out)[:n]
pool = text(8 << 20)
big = os.path.join(root, "big")
os.makedirs(big)
MiB = 1 << 20
for f in range(16):
    with open(os.path.join(big, f"blob{f:02}.bin"), "wb") as fh:
        for block in range(128):
            if block % 2 == 0:
                fh.write(os.urandom(MiB))
            else:
                off = rng.randrange(len(pool) - MiB)
                fh.write(pool[off:off + MiB])
for i in range(20000):
    d = os.path.join(root, "small", f"d{i % 200:03}")
    os.makedirs(d, exist_ok=True)
    off = rng.randrange(len(pool) - 16384)
    with open(os.path.join(d, f"f{i:05}.txt"), "wb") as fh:
        fh.write(pool[off:off + rng.randint(100, 8000)])
PY
du -sb "$src" | awk '{ printf "input: %.0f MiB in ", $1 / 1048576 }'
find "$src" -type f | wc -l | awk '{ print $1 " files" }'

dotnet build -c Release src/Tko.Cli -v quiet -nologo >/dev/null
tko=src/Tko.Cli/bin/Release/net10.0/tko.dll

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/stdout.txt"
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.txt")
  printf '%-24s peak RSS %7.1f MiB (%6.1f MB)   wall %s\n' "$label" "$(echo "$rss / 1024" | bc -l)" "$(echo "$rss * 1024 / 1000000" | bc -l)" "$wall"
}

measure "runtime floor (--help)" dotnet "$tko" build --help
measure "tko build (2 GiB)" dotnet "$tko" build --base-ref scratch -T OCI_LAYOUT -o "$out" "$@" "$src" 2>"$work/stderr.txt"
cat "$work/stderr.txt"
echo "reference: $(tail -n 1 "$work/stdout.txt")"
du -b "$out"/blobs/sha256/* | sort -n | tail -n 1 | awk '{ printf "layer: %.0f MiB\n", $1 / 1048576 }'
echo "requirement: peak RSS < 150 MB for 2 GiB of input"
