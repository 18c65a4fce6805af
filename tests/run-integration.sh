#!/usr/bin/env bash
# run-integration.sh - the integration tests, in sections.
#   bash tests/run-integration.sh quick   (make check: well under a minute per section)
#   bash tests/run-integration.sh full    (make check-full: the long runs)
#   bash tests/run-integration.sh quick engine lockstep   (only those sections)
# Each section is a function section_NAME LEVEL that prints its counts and
# returns 0 on success; the script runs the sections listed in SECTIONS and
# ends with the plain closing line "integration: N passed, N failed".
# To add a section: write section_NAME and add NAME to SECTIONS.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
level=${1:-quick}
case "$level" in quick|full) ;; *) echo "usage: $0 quick|full" >&2; exit 2 ;; esac
BUILD=${BUILD:-build}

passed=0
failed=0
failed_names=()

# ---- section: Zydis differential test (tests/zydis/zydis_diff.c) ----------

# Real binaries: the mode comes from the ELF class.
zydis_binaries() {
  local f
  for f in /bin/bash /bin/busybox "$top/.deps/i386/bin/busybox" \
           /lib/x86_64-linux-gnu/libc.so.6 /usr/lib32/libc.so.6; do
    if [ -f "$f" ]; then
      echo "$f"
    else
      echo "zydis: skipping missing $f" >&2
    fi
  done
}

section_zydis() {
  local level=$1 random seed=1 rc=0
  if [ "$level" = full ]; then random=10000000; else random=1000000; fi
  make -s "$BUILD/zydis-diff" || return 1
  mapfile -t bins < <(zydis_binaries)
  local log="$BUILD/zydis-diff-$level.log"
  echo "zydis: $BUILD/zydis-diff --max-report 3 ${bins[*]}  (log: $log.binaries)"
  "$BUILD/zydis-diff" --max-report 3 "${bins[@]}" >"$log.binaries" 2>&1 || rc=1
  zydis_summary "$log.binaries"
  echo "zydis: $BUILD/zydis-diff --max-report 3 --random $random --seed $seed  (log: $log.random)"
  "$BUILD/zydis-diff" --max-report 3 --random "$random" --seed "$seed" >"$log.random" 2>&1 || rc=1
  zydis_summary "$log.random"
  return $rc
}

# The counts from a zydis-diff log: per mode, per kind, owners, the first
# disagreement classes (not excepted), the result.
zydis_summary() {
  sed -n -e '/^== counts per mode/,/^== counts per group/p' \
         -e '/^== disagreements per kind/,/^== disagreement classes (/p' "$1" |
    grep -v '^== counts per group' | grep -v '^== disagreement classes ('
  grep -E '^(VALID|INVALID|STATUS|LONGER|LENGTH|OPERANDS) ' "$1" | head -25 | sed 's/^/  class: /'
  grep '^== result' "$1"
}

# ---- section: fuzzing the decoder (tests/fuzz/fuzz_decode.c) --------------

have_libfuzzer() {
  command -v clang >/dev/null 2>&1 || return 1
  local tmp
  tmp=$(mktemp -d)
  printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$tmp/t.c"
  clang -fsanitize=fuzzer "$tmp/t.c" -o "$tmp/t" >/dev/null 2>&1
  local rc=$?
  rm -rf "$tmp"
  return $rc
}

section_fuzz() {
  local level=$1 seconds
  if [ "$level" = full ]; then seconds=${FUZZ_SECONDS:-60}; else seconds=${FUZZ_SECONDS:-20}; fi
  if ! have_libfuzzer; then
    echo "fuzz: clang with libFuzzer not available, skipped"
    return 0
  fi
  local log="$BUILD/fuzz-$level.log"
  echo "fuzz: make fuzz FUZZ_SECONDS=$seconds  (log: $log)"
  if make -s fuzz FUZZ_SECONDS="$seconds" >"$log" 2>&1; then
    grep -E '^Done|^#[0-9]+.*DONE' "$log" | tail -2
    return 0
  fi
  tail -40 "$log"
  return 1
}

# ---- section: the functional engine against the host CPU (tests/native) ---

# Curated sequences (tests/native/curated/*.s, assembled with binutils) from
# random initial states, then random general-purpose sequences; zero
# divergences allowed. quick: ~550,000 random instructions per set; full: ~11 million.
section_engine() {
  local level=$1 cases rc=0
  if [ "$level" = full ]; then cases=1000000; else cases=50000; fi
  make -s "$BUILD/uop-diff" "$BUILD/native-selftest" || return 1
  local log="$BUILD/engine-$level.log"
  : >"$log"
  echo "engine: $BUILD/native-selftest --bench 0, in worker and in fork mode (the native harness checks itself)"
  "$BUILD/native-selftest" --bench 0 >>"$log" 2>&1 || { tail -20 "$log"; return 1; }
  tail -1 "$log"
  NATIVE_RUN_FORK=1 "$BUILD/native-selftest" --bench 0 >>"$log" 2>&1 || { tail -20 "$log"; return 1; }
  tail -1 "$log"
  mkdir -p "$BUILD/curated"
  local s bin
  for s in tests/native/curated/*.s; do
    bin="$BUILD/curated/$(basename "$s" .s).bin"
    as --64 "$s" -o "$bin.o" && objcopy -O binary -j .text "$bin.o" "$bin" || return 1
    { "$BUILD/uop-diff" --code "$bin" --cases 100 --max-report 2 &&
      "$BUILD/uop-diff" --blocks --code "$bin" --cases 100 --max-report 2 &&
      # the host single-stepped: its kernel saves and restores the FPU
      # state at every step, which loses the x87 pointers (FNSTENV) the
      # way a context switch does
      "$BUILD/uop-diff" --native-step --code "$bin" --cases 20 --max-report 2; } >"$bin.log" 2>&1 || rc=1
    tail -2 "$bin.log" | head -1
    tail -1 "$bin.log"
    [ $rc -eq 0 ] || head -60 "$bin.log"
  done
  echo "engine: $BUILD/uop-diff --cases $cases --length 20 --seed 1  (one instruction at a time; log: $log)"
  "$BUILD/uop-diff" --cases "$cases" --length 20 --seed 1 --max-report 3 >>"$log" 2>&1 || rc=1
  tail -2 "$log"
  local isa
  for isa in sse x87 bmi; do
    echo "engine: $BUILD/uop-diff --isa $isa --cases $cases --length 20 --seed 3"
    "$BUILD/uop-diff" --isa "$isa" --cases "$cases" --length 20 --seed 3 --max-report 3 >>"$log" 2>&1 || rc=1
    tail -2 "$log"
  done
  echo "engine: $BUILD/uop-diff --blocks --cases $cases --length 20 --seed 2  (through the decoded-block cache)"
  "$BUILD/uop-diff" --blocks --cases "$cases" --length 20 --seed 2 --max-report 3 >>"$log" 2>&1 || rc=1
  tail -2 "$log"
  [ $rc -eq 0 ] || grep -A60 -m3 '^DIVERGENCE' "$log" | head -120
  return $rc
}

# ---- section: the disassembler against objdump (tests/objdump-compare.pl) -

# `uopsim disasm FILE` must print what `objdump -d -M intel FILE` (binutils
# 2.40) prints, instruction line by instruction line, bytes and text. The
# comparer reports the lines compared, how many differ, and the mismatch
# classes by instruction group and mnemonic (what differs: prefix, mnemonic,
# operand N size/value...). Tighten here: OBJDUMP_STRICT lists the groups in
# which any difference fails the section, OBJDUMP_REQUIRE the groups whose
# every instruction must decode ("all" = gp,x87,sse,system,vex,avx512,amd).
# Every group is strict, avx512 included (EVEX disp8*N and {er} rounding:
# decoder/evex_tuples.c, x86_insn.evex_rc).
OBJDUMP_STRICT=${OBJDUMP_STRICT:-all}
OBJDUMP_REQUIRE=${OBJDUMP_REQUIRE:-all}

# quick: the amd64 and i386 busybox; full: also programs and libraries with
# x87, SSE, AVX and AES/SHA code. Each line: "check FILE" (the strict and
# require rules apply) or "report FILE" (compared and reported only: files
# with data in their code sections, which objdump decodes more leniently
# than a CPU, like libcrypto, or VIA PadLock instructions, like libgcrypt).
objdump_binaries() {
  local level=$1 f kind
  local list=("check /bin/busybox" "check $top/.deps/i386/bin/busybox")
  if [ "$level" = full ]; then
    list+=("check /bin/bash" "check /lib/x86_64-linux-gnu/libc.so.6" "check /usr/lib32/libc.so.6"
           "check /lib/x86_64-linux-gnu/libm.so.6" "check /usr/lib32/libm.so.6"
           "check /usr/lib/x86_64-linux-gnu/libgmp.so.10" "check /usr/bin/qemu-i386"
           "report /usr/lib/x86_64-linux-gnu/libgcrypt.so.20"
           "report /usr/lib/x86_64-linux-gnu/libcrypto.so.3")
  fi
  for f in "${list[@]}"; do
    kind=${f%% *}
    f=${f#* }
    if [ -f "$f" ]; then echo "$kind $f"; else echo "objdump: skipping missing $f" >&2; fi
  done
}

section_objdump() {
  local level=$1 rc=0 kind f name bits strict require dir="$BUILD/objdump-compare"
  if ! command -v objdump >/dev/null 2>&1; then
    echo "objdump: binutils not installed, skipped"
    return 0
  fi
  make -s "$BUILD/uopsim" || return 1
  mkdir -p "$dir"
  echo "objdump: strict groups: $OBJDUMP_STRICT; every instruction decoded in: $OBJDUMP_REQUIRE"
  while read -r kind f; do
    name=$(echo "$f" | sed 's|^/||; s|/|_|g')
    # ELF class: byte 4 is 1 for 32-bit, 2 for 64-bit files.
    bits=$(od -An -tu1 -j4 -N1 "$f" | tr -d ' ')
    [ "$bits" = 1 ] && bits=32 || bits=64
    strict=$OBJDUMP_STRICT
    require=$OBJDUMP_REQUIRE
    [ "$kind" = report ] && strict= && require=
    objdump -d -M intel "$f" >"$dir/$name.objdump" 2>"$dir/$name.objdump.err" || {
      echo "objdump: objdump failed on $f"; rc=1; continue; }
    "$BUILD/uopsim" disasm "$f" >"$dir/$name.uopsim" 2>"$dir/$name.uopsim.err" || {
      echo "objdump: uopsim disasm failed on $f:"; cat "$dir/$name.uopsim.err"; rc=1; continue; }
    echo "objdump: $f ($kind; report: $dir/$name.report)"
    if ! perl tests/objdump-compare.pl --bits "$bits" --strict "$strict" --require "$require" \
        --top 12 "$dir/$name.objdump" "$dir/$name.uopsim" >"$dir/$name.report"; then
      rc=1
    fi
    # The counts, then the classes (one example each) and any FAIL lines.
    sed -n '1p' "$dir/$name.report" | sed 's/^/  /'
    grep -E '^  (text|length|undecoded|bad-objdump|both-bad|desync) +[1-9]' "$dir/$name.report" | sed 's/^/  /'
    sed -n '/^classes/,$p' "$dir/$name.report" | grep -v '^FAIL' | head -25 | sed 's/^/  /'
    grep '^FAIL' "$dir/$name.report" | sed 's/^/  objdump: /'
  done < <(objdump_binaries "$level")
  # full: random bytes in each mode, objdump -b binary against uopsim
  # disasm --raw; reported only, since objdump decodes what CPUs reject
  # (LOCK anywhere, MOV CS) and reads 66 on near branches as AMD CPUs do.
  if [ "$level" = full ]; then
    local mode arch raw="$dir/random.bin"
    perl -e 'srand(1); print pack("C*", map { int(rand(256)) } 1 .. 300000)' >"$raw"
    for mode in 64 32 16; do
      case $mode in 64) arch=i386:x86-64 ;; 32) arch=i386 ;; 16) arch=i8086 ;; esac
      objdump -D -b binary -m "$arch" -M intel "$raw" >"$dir/random$mode.objdump"
      "$BUILD/uopsim" disasm --raw --mode "$mode" "$raw" >"$dir/random$mode.uopsim" || rc=1
      perl tests/objdump-compare.pl --bits $((mode == 64 ? 64 : 32)) --top 8 \
        "$dir/random$mode.objdump" "$dir/random$mode.uopsim" >"$dir/random$mode.report"
      echo "objdump: random bytes, $mode-bit mode (report only; report: $dir/random$mode.report)"
      sed -n '1p' "$dir/random$mode.report" | sed 's/^/  /'
    done
  fi
  return $rc
}

# ---- section: the engine in 32-bit mode against qemu-i386 ------------------

section_engine32() {
  make -s "$BUILD/harness32" "$BUILD/uop-diff32" "$BUILD/qemu32-selftest" || return 1
  BUILD="$BUILD" bash tests/native/qemu32/check.sh "$1"
}

# ---- section: Linux programs under `uopsim run` (tests/linux) --------------

section_linux() {
  make -s "$BUILD/uopsim" || return 1
  UOPSIM="$BUILD/uopsim" bash tests/linux/run-guests.sh
}

# ---- section: the guest suite and busybox applets, both ABIs -------------

section_suite() {
  make -s "$BUILD/uopsim" || return 1
  UOPSIM="$BUILD/uopsim" bash tests/linux/run-suite.sh "$1"
}

# ---- section: `uopsim lockstep` against the real CPU and qemu-i386 --------

section_lockstep() {
  make -s "$BUILD/uopsim" || return 1
  local rc=0
  UOPSIM="$BUILD/uopsim" bash tests/linux/lockstep.sh || rc=1
  UOPSIM="$BUILD/uopsim" bash tests/linux/lockstep32.sh || rc=1
  return $rc
}

# ---- section: the command line (errors, --uops, --stats) --------------------

# Bad input gets one clear line on stderr and a non-zero exit; good input
# the documented output.
section_cli() {
  local u="$BUILD/uopsim" tmp rc=0 out
  make -s "$u" || return 1
  tmp=$(mktemp -d)
  expect_error() { # description, expected stderr substring, command...
    local what=$1 want=$2
    shift 2
    if out=$("$@" 2>&1 >/dev/null); then
      echo "cli: FAIL $what: exit status 0"; rc=1
    elif [[ "$out" != *"$want"* ]]; then
      echo "cli: FAIL $what: stderr was: $out"; rc=1
    elif [ "$(printf '%s\n' "$out" | wc -l)" -ne 1 ]; then
      echo "cli: FAIL $what: more than one line: $out"; rc=1
    else
      echo "cli: ok   $what -> $out"
    fi
  }
  printf 'not an elf file\n' >"$tmp/text"
  head -c 100 /bin/ls >"$tmp/truncated"
  expect_error "missing file" "No such file" "$u" disasm "$tmp/missing"
  expect_error "not an ELF" "not an ELF file" "$u" disasm "$tmp/text"
  expect_error "truncated ELF" "extends past end of file" "$u" disasm "$tmp/truncated"
  expect_error "bad option" "bad option" "$u" disasm --frobnicate /bin/true
  expect_error "bad mode" "bad --mode" "$u" disasm --mode 17 --raw /bin/true
  expect_error "unknown command" "unknown command" "$u" frobnicate
  # --uops: add [rdi+8], ecx cracks into load, add, store-address, store-data.
  printf '\x01\x4f\x08' >"$tmp/add.bin"
  out=$("$u" disasm --raw --uops "$tmp/add.bin")
  if [[ "$out" == *"LOAD.4 T0 <- [RDI+8]"* && "$out" == *"STD.4 <- T0"* ]]; then
    echo "cli: ok   --uops prints the micro-ops"
  else
    echo "cli: FAIL --uops: $out"; rc=1
  fi
  out=$("$u" disasm --stats /bin/true 2>&1 >/dev/null)
  if [[ "$out" == *"micro-ops by functional unit"* ]]; then
    echo "cli: ok   --stats prints statistics"
  else
    echo "cli: FAIL --stats: $out"; rc=1
  fi
  # uopsim run --trace-insns: one line per instruction; --stats: valid JSON
  # with the histograms.
  out=$("$u" run --trace-insns /bin/busybox true 2>&1 >/dev/null | head -3)
  if [[ "$out" == "0 0x"*": "* ]]; then
    echo "cli: ok   run --trace-insns prints each instruction"
  else
    echo "cli: FAIL run --trace-insns: $out"; rc=1
  fi
  if "$u" run --stats "$tmp/stats.json" /bin/busybox echo hi >/dev/null &&
     python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["instructions"] > 0 and d["top_instructions"] and d["uop_classes"]["alu"] > 0' "$tmp/stats.json"; then
    echo "cli: ok   run --stats writes JSON with instruction and micro-op histograms"
  else
    echo "cli: FAIL run --stats"; rc=1
  fi
  rm -rf "$tmp"
  return $rc
}

# ---- the sections ---------------------------------------------------------

SECTIONS=(cli zydis fuzz engine engine32 linux suite lockstep objdump)
shift
[ $# -eq 0 ] || SECTIONS=("$@")

for s in "${SECTIONS[@]}"; do
  echo "=== integration section: $s ($level)"
  start=$(date +%s)
  if "section_$s" "$level"; then
    passed=$((passed + 1))
    echo "=== $s: passed ($(( $(date +%s) - start )) s)"
  else
    failed=$((failed + 1))
    failed_names+=("$s")
    echo "=== $s: FAILED ($(( $(date +%s) - start )) s)"
  fi
done
[ $failed -gt 0 ] && echo "failed sections: ${failed_names[*]}"
echo "integration: $passed passed, $failed failed"
[ $failed -eq 0 ]
