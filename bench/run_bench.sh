#!/usr/bin/env bash
# run_bench.sh - whole-program speed of `uopsim run` next to the native run
# and qemu-user (qemu-x86_64) of the same static program on the same input,
# in one run: median wall time of 3 runs each, and the slowdown ratios.
# usage: bash bench/run_bench.sh   (make bench runs it after make all)
set -euo pipefail
cd "$(dirname "$0")/.."
UOPSIM=${UOPSIM:-build/uopsim}
QEMU=$(command -v qemu-x86_64 || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Inputs made from a fixed seed, so every run measures the same work.
awk 'BEGIN { srand(7); for (i = 0; i < 40000; i++) printf "%08x %d line of text for the benchmark\n", int(rand() * 4294967295), i }' >"$work/lines.txt"
head -c 1000000 "$work/lines.txt" >"$work/1mb.txt"
mkdir -p build/guests
gcc -O2 -static -o build/guests/demo tests/guests/demo.c

seconds() { # command... -> median of 3 wall-clock times, in seconds
  local t=()
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    t+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%s\n' "${t[@]}" | sort -g | sed -n 2p
}

printf '%-34s %10s %10s %10s %12s %12s\n' workload native qemu-user uopsim "vs native" "vs qemu"
bench() { # name, program and arguments
  local name=$1
  shift
  local n q u
  n=$(seconds "$@")
  q=$([ -n "$QEMU" ] && seconds "$QEMU" "$@" || echo 0)
  u=$(seconds "$UOPSIM" run -- "$@")
  printf '%-34s %10.3f %10.3f %10.3f %11.1fx %11.1fx\n' "$name" "$n" "$q" "$u" \
    "$(echo "$u / $n" | bc -l)" "$(echo "if ($q > 0) $u / $q else 0" | bc -l)"
}
bench "busybox gzip -c (1 MB text)" /bin/busybox gzip -c "$work/1mb.txt"
bench "busybox sha256sum (1 MB)" /bin/busybox sha256sum "$work/1mb.txt"
bench "busybox sort (40,000 lines)" /bin/busybox sort "$work/lines.txt"
bench "tests/guests/demo (glibc, printf)" build/guests/demo
