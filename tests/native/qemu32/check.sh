#!/usr/bin/env bash
# check.sh - the 32-bit checks of the functional engine against qemu-i386:
# the oracle's self-test, random sequences (quick: >= 200,000 instructions,
# full: ~9 million), and every curated file of tests/native/curated32/
# (assembled here with `as --32`). Run from the top directory after
#   make build/harness32 build/uop-diff32 build/qemu32-selftest
# usage: bash tests/native/qemu32/check.sh quick|full
# Prints the counts and ends with "qemu32: N passed, N failed" (steps).
set -uo pipefail
level=${1:-quick}
BUILD=${BUILD:-build}
export QEMU32_HARNESS=${QEMU32_HARNESS:-$BUILD/harness32}
passed=0
failed=0
step() {
  local name=$1
  shift
  local out
  out=$("$@" 2>&1)
  local rc=$?
  printf '%s\n' "$out" | grep -E '^(uop-diff32|qemu32-selftest):|passed, .* failed' | sed "s/^/  /"
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "qemu32: FAILED: $name"
    printf '%s\n' "$out" | head -80
  fi
}
if [ ! -x /usr/bin/qemu-i386 ] && [ -z "${QEMU_I386:-}" ]; then
  echo "qemu32: qemu-i386 is not installed (Debian package qemu-user); skipped"
  exit 0
fi
step selftest "$BUILD/qemu32-selftest"
if [ "$level" = full ]; then cases=550000; else cases=12500; fi
step random "$BUILD/uop-diff32" --cases "$cases" --seed 1 --max-report 3
mkdir -p "$BUILD/curated32"
for s in tests/native/curated32/*.s; do
  bin="$BUILD/curated32/$(basename "$s" .s).bin"
  if ! as --32 "$s" -o "$bin.o" || ! objcopy -O binary -j .text "$bin.o" "$bin"; then
    failed=$((failed + 1))
    echo "qemu32: FAILED: cannot assemble $s"
    continue
  fi
  step "$s" "$BUILD/uop-diff32" --code "$bin" --cases 200 --max-report 1
done
echo "qemu32: $passed passed, $failed failed"
[ $failed -eq 0 ]
