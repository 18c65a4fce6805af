#!/usr/bin/env bash
# run_bench.sh - whole-program speed of `uopsim run` next to the native run
# and qemu-user of the same program on the same input, in one run: median
# wall time of 3 runs each, and the slowdown ratios.
#   x86-64 rows: native, qemu-x86_64 and uopsim run the same binary.
#   i386 rows: this kernel cannot run i386 programs, so "native" is the
#   amd64 build (or the amd64 busybox) on the same workload, "qemu" is
#   qemu-i386 and "uopsim" runs the i386 binary.
# usage: bash bench/run_bench.sh   (make bench runs it after make all)
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
UOPSIM=${UOPSIM:-build/uopsim}
UOPSIM=$(cd "$(dirname "$UOPSIM")" && pwd)/$(basename "$UOPSIM")
QEMU64=$(command -v qemu-x86_64 || true)
QEMU32=$(command -v qemu-i386 || true)
BB64=/bin/busybox
BB32=$top/.deps/i386/bin/busybox
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Inputs made from a fixed seed, so every run measures the same work.
awk 'BEGIN { srand(7); for (i = 0; i < 40000; i++) printf "%08x %d line of text for the benchmark\n", int(rand() * 4294967295), i }' >"$work/lines.txt"
head -c 1000000 "$work/lines.txt" >"$work/1mb.txt"
# 3 MB of text with repetition, like source code or logs.
awk 'BEGIN { srand(11); split("the micro op simulator decodes x86 instructions and runs them one by one for Linux programs", w, " ");
  while (n < 3000000) { l = ""; k = 1 + int(rand() * 12); for (j = 0; j < k; j++) l = l w[1 + int(rand() * 16)] " "; l = l int(rand() * 1000) "\n"; printf "%s", l; n += length(l) } }' >"$work/3mb.txt"
mkdir -p build/guests build/bench-guests
gcc -O2 -static -o build/guests/demo tests/guests/demo.c

# The guest suite's programs (tests/guests/*.c), -O2 with static glibc,
# for both ABIs.
guests=()
for src in tests/guests/*.c; do
  p=$(basename "$src" .c)
  for abi in 64 32; do
    bin=build/bench-guests/$p.m$abi
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
      gcc -m$abi -O2 -static -o "$bin" "$src" -lm
    fi
  done
  guests+=("$p")
done

seconds() { # command... -> median of 3 wall-clock times, in seconds
  local t=()
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    t+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%s\n' "${t[@]}" | sort -g | sed -n 2p
}

# suite RUNNER... ABI: every guest program once, in the scratch directory,
# through RUNNER (nothing for native runs). The last argument is the ABI.
suite() {
  local abi=${*: -1} p
  local runner=("${@:1:$#-1}")
  for p in "${guests[@]}"; do
    (cd "$work" && TMPDIR="$work" "${runner[@]}" "$top/build/bench-guests/$p.m$abi") >/dev/null 2>&1 || true
  done
}

printf '%-46s %9s %9s %9s %10s %10s\n' workload native qemu uopsim "vs native" "vs qemu"
row() { # name native-seconds qemu-seconds uopsim-seconds
  printf '%-46s %9.3f %9.3f %9.3f %9.1fx %9.1fx\n' "$1" "$2" "$3" "$4" \
    "$(echo "$4 / $2" | bc -l)" "$(echo "if ($3 > 0) $4 / $3 else 0" | bc -l)"
}
bench() { # name, program and arguments (x86-64: native, qemu-x86_64, uopsim)
  local name=$1
  shift
  local n q u
  n=$(seconds "$@")
  q=$([ -n "$QEMU64" ] && seconds "$QEMU64" "$@" || echo 0)
  u=$(seconds "$UOPSIM" run -- "$@")
  row "$name" "$n" "$q" "$u"
}
bench32() { # name, i386 program, amd64 program, arguments
  local name=$1 p32=$2 p64=$3
  shift 3
  local n q u
  n=$(seconds "$p64" "$@")
  q=$([ -n "$QEMU32" ] && seconds "$QEMU32" "$p32" "$@" || echo 0)
  u=$(seconds "$UOPSIM" run -- "$p32" "$@")
  row "$name" "$n" "$q" "$u"
}
bench "busybox gzip -c (1 MB text)" $BB64 gzip -c "$work/1mb.txt"
bench "busybox sha256sum (1 MB)" $BB64 sha256sum "$work/1mb.txt"
bench "busybox sort (40,000 lines)" $BB64 sort "$work/lines.txt"
bench "tests/guests/demo (glibc, printf)" build/guests/demo
bench "busybox gzip -c (3 MB text), amd64" $BB64 gzip -c "$work/3mb.txt"
if [ -x "$BB32" ]; then
  bench32 "busybox gzip -c (3 MB text), i386" "$BB32" $BB64 gzip -c "$work/3mb.txt"
else
  echo "busybox gzip, i386: no $BB32 (scripts/install-deps)"
fi
name="guest suite (${#guests[@]} programs, -O2 static)"
row "$name, amd64" "$(seconds suite 64)" "$([ -n "$QEMU64" ] && seconds suite "$QEMU64" 64 || echo 0)" \
  "$(seconds suite "$UOPSIM" run -- 64)"
row "$name, i386" "$(seconds suite 64)" "$([ -n "$QEMU32" ] && seconds suite "$QEMU32" 32 || echo 0)" \
  "$(seconds suite "$UOPSIM" run -- 32)"
