#!/usr/bin/env bash
# run-suite.sh - the guest suite of issue 5, "Real programs nobody here
# wrote": `uopsim run` against an oracle, stdout bytes and exit status.
#
#   bash tests/linux/run-suite.sh [quick|full] [FILTER]
#     quick: every program of tests/guests at -O2 in every libc, at -O0 with
#            static glibc, and every busybox invocation, for both ABIs
#     full:  the whole matrix (the default)
#     FILTER: only the cases whose name contains it (e.g. "float", "bb32")
#   BUILD=build by default; UOPSIM=path tests another binary; JOBS=2 cases
#   run at a time; TIMEOUT=120 seconds per run.
#
# Two parts, one line per case, then "N passed, N failed, N pending":
# 1. tests/guests/*.c built -m64 and -m32, -O0 and -O2, with glibc static,
#    glibc dynamic, musl static and musl dynamic (the i386 musl comes from
#    .deps/i386, see scripts/install-deps, and its dynamic programs run
#    with --sysroot .deps/i386, where its loader is). Oracle of an x86-64 build: its native run.
#    Oracle of an i386 build (this kernel cannot run it): the amd64 build
#    of the same variant run natively when the program's output does not
#    depend on the ABI, else qemu-i386 of the same binary; ORACLE32 below
#    records which, per program.
# 2. busybox applets, one list of invocations (BUSYBOX_CASES below) used for
#    both ABIs: /bin/busybox (amd64) under uopsim against its native run,
#    and .deps/i386/bin/busybox under uopsim against the same invocation
#    of /bin/busybox natively (or qemu-i386 where the output depends on
#    the ABI; the list records which).
# A case is `pending`, counted apart and not failed, when uopsim stops for
# something known to be under way: a dynamically linked i386 program, an
# i386 signal frame, or a divergence listed in KNOWN below (each an open
# bug, with its reproduction in the report that listed it). Exits non-zero
# if any case failed.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
level=full
filter=
for arg in "$@"; do
  case "$arg" in
  quick | full) level=$arg ;;
  *) filter=$arg ;;
  esac
done
BUILD=${BUILD:-build}
export U=${UOPSIM:-"$top/$BUILD/uopsim"}
export OUT="$top/$BUILD/guest-suite"
export TIMEOUT=${TIMEOUT:-120}
JOBS=${JOBS:-2}
BUSYBOX=${BUSYBOX:-/bin/busybox}
I386_BUSYBOX=${I386_BUSYBOX:-"$top/.deps/i386/bin/busybox"}
MUSL32="$top/.deps/i386/usr/lib/i386-linux-musl"
export SYSROOT32="$top/.deps/i386"
start=$(date +%s)

[ -n "${UOPSIM:-}" ] || make -s "$BUILD/uopsim" || { echo "cannot build $U"; echo "0 passed, 1 failed, 0 pending"; exit 1; }
# One run at a time in $OUT: a second one waits for the first.
mkdir -p "$OUT"
exec 9>"$OUT.lock"
flock -n 9 || { echo "another run-suite.sh is using $OUT; waiting"; flock 9; }
rm -rf "$OUT/cases" "$OUT/results" "$OUT/work" "$OUT/runner.log"
mkdir -p "$OUT/bin" "$OUT/results" "$OUT/work"
# Every case runs the same uopsim: a copy, safe from a rebuild meanwhile.
export U_NAME=$U
cp "$U" "$OUT/uopsim" || { echo "cannot copy $U"; echo "0 passed, 1 failed, 0 pending"; exit 1; }
U="$OUT/uopsim"

# ---- the oracle of each program's i386 builds -----------------------------
# m64:  the output does not depend on the ABI (fixed-width types, no
#       addresses): the amd64 build of the same variant, run natively.
# qemu: it does (float.c: x87 excess precision at FLT_EVAL_METHOD 2, i386
#       libm): qemu-i386 running the same binary.
# x87.c is m64 although it is all long double: both ABIs run the same x87
# code (and libm's x87 routines) on it, and qemu-i386 computes FYL2X,
# FPATAN... through host doubles, off in the last bits; the real CPU is
# the better oracle. Likewise files.c: qemu-i386's getdents64 makes
# glibc's i386 readdir fail with EOVERFLOW on 64-bit directory offsets,
# where the kernel's compat entry gives a 32-bit process 32-bit ones.
# A program missing here fails with a request to add it.
declare -A ORACLE32=(
  [arith]=m64 [demo]=m64 [files]=m64 [float]=qemu [hash]=m64 [jmp]=m64
  [lz]=m64 [recursion]=m64 [signals]=m64 [sort]=m64 [strings]=m64 [x87]=m64
)

# ---- known divergences: case-name pattern (bash glob) and the reason -------
# Each is an open bug in uopsim; the case counts as pending until fixed,
# and says so when it passes (then remove the line).
# e.g. "bb64 awk: print to a command|x86-64 clone(CLONE_VM|CLONE_VFORK)
# returns ENOSYS: glibc's popen fails" (fixed 2026-11-25).
KNOWN=(
)

# ---- the build matrix ------------------------------------------------------
# VARIANT: ABI, optimization, libc (musl-gcc for amd64; gcc -m32 with a
# specs file pointing at .deps/i386 for i386).
variants() {
  local abi opt libc
  for abi in m64 m32; do
    for opt in O2 O0; do
      for libc in glibc-static glibc-dynamic musl-static musl-dynamic; do
        if [ "$level" = quick ] && [ "$opt" = O0 ] && [ "$libc" != glibc-static ]; then
          continue
        fi
        echo "$abi-$opt-$libc"
      done
    done
  done
}

# The i386 musl specs: Debian's, with paths into .deps/i386 and the i386
# linker emulation (the specs' link line replaces gcc's, which has it).
musl32_specs() {
  [ -f "$MUSL32/libc.a" ] || return 1
  if [ ! -f "$OUT/musl32.specs" ] || [ "$MUSL32/musl-gcc.specs" -nt "$OUT/musl32.specs" ]; then
    sed -e "s|/usr/|$top/.deps/i386/usr/|g" -e 's|^-dynamic-linker|-m elf_i386 -dynamic-linker|' \
      "$MUSL32/musl-gcc.specs" >"$OUT/musl32.specs"
  fi
}
have_musl32=0
musl32_specs && have_musl32=1
have_musl64=0
command -v musl-gcc >/dev/null 2>&1 && have_musl64=1

# compile_cmd VARIANT SOURCE OUTPUT: the compiler command, one word a line.
compile_cmd() {
  local v=$1 src=$2 out=$3 abi=${1%%-*} opt libc
  opt=${v#*-}
  libc=${opt#*-}
  opt=${opt%%-*}
  case "$libc" in
  glibc-static) printf '%s\n' gcc "-$abi" "-$opt" -static ;;
  glibc-dynamic) printf '%s\n' gcc "-$abi" "-$opt" ;;
  musl-*)
    local link=-static
    [ "$libc" = musl-dynamic ] && link=
    if [ "$abi" = m64 ]; then
      printf '%s\n' musl-gcc "-$opt" $link
    else
      printf '%s\n' gcc -m32 "-$opt" $link -specs "$OUT/musl32.specs"
    fi
    ;;
  esac
  printf '%s\n' "$src" -o "$out" -lm
}

# ---- the cases -------------------------------------------------------------
# One line per case in $OUT/cases: NAME, STDIN, then the oracle command and
# the command run under uopsim, each as %q-quoted words, tab-separated.
cases="$OUT/cases"
: >"$cases"
skipped=()
add_case() { # NAME STDIN ORACLE-WORDS TARGET-WORDS
  [ -z "$filter" ] || [[ "$1" == *"$filter"* ]] || return 0
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$cases"
}
q() { printf '%q ' "$@"; }

programs=()
for src in tests/guests/*.c; do
  programs+=("$(basename "$src" .c)")
done
needed=()
for v in $(variants); do
  case "$v" in
  m64-*-musl-*) [ $have_musl64 = 1 ] || { skipped+=("$v (no musl-gcc)"); continue; } ;;
  m32-*-musl-*) [ $have_musl32 = 1 ] || { skipped+=("$v (no $MUSL32/libc.a)"); continue; } ;;
  esac
  for p in "${programs[@]}"; do
    bin="$OUT/bin/$p.$v"
    name="$p $v"
    [ -z "$filter" ] || [[ "$name" == *"$filter"* ]] || continue
    needed+=("$p.$v")
    if [ "${v#m64}" != "$v" ]; then
      add_case "$name" /dev/null "$(q "$bin")" "$(q "$bin")"
    else
      case "${ORACLE32[$p]:-}" in
      m64) add_case "$name" /dev/null "$(q "$OUT/bin/$p.m64-${v#m32-}")" "$(q "$bin")"
        needed+=("$p.m64-${v#m32-}") ;;
      qemu)
        if [ "${v%-musl-dynamic}" != "$v" ]; then
          add_case "$name" /dev/null "$(q qemu-i386 -L "$SYSROOT32" "$bin")" "$(q "$bin")"
        else
          add_case "$name" /dev/null "$(q qemu-i386 "$bin")" "$(q "$bin")"
        fi
        ;;
      *) add_case "$name (no oracle: add $p to ORACLE32 in $0)" /dev/null "$(q false)" "$(q "$bin")" ;;
      esac
    fi
  done
done

# Build the binaries the cases need, JOBS at a time; a binary is kept
# while it is newer than its source and this script.
build_list="$OUT/build-list"
: >"$build_list"
for pv in $(printf '%s\n' "${needed[@]}" | sort -u); do
  p=${pv%%.*}
  bin="$OUT/bin/$pv"
  if [ ! -x "$bin" ] || [ "tests/guests/$p.c" -nt "$bin" ] || [ "$0" -nt "$bin" ]; then
    rm -f "$bin"
    compile_cmd "${pv#*.}" "tests/guests/$p.c" "$bin" | tr '\n' '\0' >"$bin.cmd"
    echo "$bin" >>"$build_list"
  fi
done
if [ -s "$build_list" ]; then
  echo "building $(wc -l <"$build_list") guest binaries ($JOBS at a time)"
  # shellcheck disable=SC2016
  xargs -P "$JOBS" -I{} sh -c 'xargs -0 env <"$1.cmd" >"$1.log" 2>&1 || echo "cannot build $1: $(head -3 "$1.log")"' _ {} <"$build_list"
  echo "built in $(($(date +%s) - start)) s"
fi

# ---- busybox: one list of invocations for both ABIs ------------------------
# bb NAME ORACLE32 STDIN ARGS...: the busybox ARGS, run in a fresh scratch
# directory (the current directory); $F names the read-only fixtures,
# $BB the busybox binary itself (for sh scripts that run it by path).
# ORACLE32 is m64 (the amd64 busybox natively) or qemu (qemu-i386).
# STDIN is a fixture name or - for /dev/null.
F="$OUT/fixtures"
BUSYBOX_CASES=()
bb() {
  local name=$1 o32=$2 in=$3
  shift 3
  BUSYBOX_CASES+=("$name"$'\t'"$o32"$'\t'"$in"$'\t'"$(q "$@")")
}
bb "echo hello" m64 - echo hello
bb "true" m64 - true
bb "false" m64 - false
bb "seq 1 10" m64 - seq 1 10
bb "seq -s, -w 1 3 20" m64 - seq -s, -w 1 3 20
bb "printf formats" m64 - printf '%d|%5s|%-4x|%o|%c|%%|%s\n' 42 ab 255 8 Z 'two words'
bb "printf floating point" m64 - printf '%.3f %e %g\n' 3.14159 12345.678 0.0001
bb "expr 6 * 7" m64 - expr 6 '*' 7
bb "expr string ops" m64 - expr length hello : 'hel' + 0
bb "basename /a/b/c" m64 - basename /a/b/c.txt .txt
bb "wc text.txt" m64 - wc text.txt
bb "wc -l < text.txt" m64 text.txt wc -l
bb "cat -n words | head" m64 - sh -c 'cat -n "$F/words" | head -5'
bb "sort < words" m64 words sort
bb "sort -n nums" m64 - sort -n nums
bb "sort -rn -k2 -t: table" m64 - sort -rn -k2 -t: table
bb "sort -u words | uniq -c" m64 - sh -c 'sort "$F/words" | uniq -c | sort -rn | head -8'
bb "uniq -d" m64 - sh -c 'sort "$F/words" | uniq -d | wc -l'
bb "md5sum" m64 - md5sum text.txt bin.dat
bb "sha256sum" m64 - sha256sum text.txt bin.dat
bb "sha1sum, sha512sum" m64 - sh -c 'sha1sum bin.dat; sha512sum text.txt'
bb "sed substitute" m64 - sed -e 's/the/THE/g' -e '/micro/d' -e '3q' text.txt
bb "sed -n ranges" m64 - sed -n '5,9p;$=' text.txt
bb "awk fields" m64 - awk -F: '{ s += $2; n++ } END { print n, s, s / n }' table
bb "awk printf and functions" m64 - awk 'BEGIN { printf "%.6f %.6f %d %s\n", 1/3, sin(1), int(-3.7), substr("abcdef", 2, 3); x = sprintf("%05.1f", 2.25); print x, length(x), toupper("q"), index("hello", "l") }'
bb "awk word count" m64 - sh -c 'awk "{ for (i = 1; i <= NF; i++) c[\$i]++ } END { for (w in c) print w, c[w] }" text.txt | sort'
bb "awk: print to a command" m64 - awk '{ for (i = 1; i <= NF; i++) c[$i]++ } END { for (w in c) if (c[w] > 150) print w, c[w] | "sort" }' text.txt
bb "grep" m64 - grep -c simulator text.txt
bb "grep -n -i -E" m64 - grep -n -i -E '^(THE|and) ' text.txt
bb "grep -v -w" m64 - sh -c 'grep -v -w the text.txt | wc -l'
bb "grep no match: status 1" m64 - grep zebra text.txt
bb "find -name | sort" m64 - sh -c 'cd "$F" && find tree -name "*.txt" | sort'
bb "find -type d" m64 - sh -c 'cd "$F" && find tree -type d | sort'
bb "ls" m64 - ls "$F/tree"
bb "ls -lR (fixed times)" m64 - sh -c 'cd "$F" && ls -lR --color=never tree | sed "s/  */ /g" | cut -d" " -f1,5-'
bb "tr a-z A-Z" m64 text.txt tr a-z A-Z
bb "tr -d -s" m64 - sh -c 'tr -d aeiou <"$F/text.txt" | tr -s " " | head -3'
bb "cut -d: -f1,3" m64 - cut -d: -f1,3 table
bb "cut -c" m64 - cut -c 3-9 text.txt
bb "head -n 3, tail -n 2" m64 - sh -c 'head -n 3 text.txt; tail -n 2 text.txt; tail -c 20 text.txt'
bb "od -A x -t x1z" m64 - od -A x -t x1z -N 64 bin.dat
bb "od -t d4" m64 - od -t d4 -N 32 bin.dat
bb "xxd" m64 - xxd -l 80 bin.dat
bb "xxd -r round trip" m64 - sh -c 'xxd bin.dat | xxd -r | cmp - bin.dat && echo same'
bb "hexdump -C" m64 - hexdump -C -n 48 bin.dat
bb "gzip | gunzip round trip" m64 - sh -c 'gzip -c text.txt >t.gz && gunzip -c t.gz | md5sum && wc -c <t.gz'
bb "gzip -9 file, gunzip" m64 - sh -c 'cp text.txt x && gzip -9 x && ls x* && gunzip x.gz && cmp x text.txt && echo same'
bb "bzip2 round trip" m64 - sh -c 'bzip2 -c text.txt | bunzip2 | md5sum'
bb "tar c | tar t, x" m64 - sh -c 'cd "$F" && tar cf "$OLDPWD/a.tar" tree && cd "$OLDPWD" && tar tf a.tar | sort && mkdir x && tar xf a.tar -C x && diff -r x/tree "$F/tree" && echo extracted'
bb "tar czf | md5sum of contents" m64 - sh -c 'cd "$F" && tar czf - tree | tar xzOf - | md5sum'
bb "cpio" m64 - sh -c 'cd "$F" && find tree | sort | cpio -o -H newc 2>/dev/null | cpio -t 2>/dev/null | wc -l'
bb "dd" m64 - sh -c 'dd if=bin.dat of=out bs=100 skip=3 count=5 2>/dev/null; wc -c <out; dd if=bin.dat bs=1 count=4 skip=7 2>/dev/null | od -t x1'
bb "dd conv=ucase" m64 - sh -c 'dd if=text.txt bs=64 count=1 conv=ucase 2>/dev/null'
bb "cmp" m64 - sh -c 'cp bin.dat b2 && printf X | dd of=b2 bs=1 seek=1000 conv=notrunc 2>/dev/null; cmp bin.dat b2; echo status $?'
bb "cmp -l" m64 - sh -c 'cp bin.dat b2 && printf XY | dd of=b2 bs=1 seek=10 conv=notrunc 2>/dev/null; cmp -l bin.dat b2'
bb "diff -u" m64 - sh -c 'sed 5d text.txt >b; echo extra >>b; diff -u text.txt b | tail -n +3; echo status $?'
bb "date +%s arithmetic" m64 - sh -c 't=$(date -u -d "2024-02-28 23:59:30" +%s); echo $t; echo $((t + 86400 * 2 + 45)); date -u -d @$((t + 86400 * 2 + 45)) "+%Y-%m-%d %H:%M:%S %a %j"; now=$(date +%s); [ $now -gt $t ] && echo now is later'
bb "date formats" m64 - date -u -d @1234567890 '+%Y %m %d %H %M %S %Z %u %U %s %b %B %A'
bb "factor" m64 - factor 1234567 4294967291 600851475143
bb "dc, bc-like arithmetic" m64 - dc -e '2 64 ^ p 10 3 / p 7 k 2 v p'
bb "sh pipelines and redirections" m64 - sh -c 'seq 1 100 | grep 7 | tr "\n" + | sed "s/+$/\n/" >sum.txt; cat sum.txt; echo "$(( $(cat sum.txt) ))"; { echo a; echo b >&2; } 2>err.txt; cat err.txt; ls | sort'
bb "sh loop and arithmetic" m64 - sh -c 'i=0; s=0; while [ $i -lt 200 ]; do s=$((s + i * i % 7)); i=$((i + 1)); done; echo $s; for w in x y z; do printf "%s-" $w; done; echo; exit 5'
bb "sh functions, case, here-document" m64 - sh -c 'f() { case $1 in a*) echo "starts with a: $1";; *) echo "other: $1";; esac; return 3; }; f apple; f pear; echo $?; cat <<EOF
line $((6 * 7))
EOF'
bb "sh subshells and substitution" m64 - sh -c 'x=$(echo outer $(echo inner)); echo "$x"; (cd / && pwd); pwd | wc -c; echo ${#x} ${x%inner} ${x#outer }'
bb "sh: read from a pipe, IFS" m64 - sh -c 'printf "a:b:c\n1:2:3\n" | while IFS=: read x y z; do echo "$z$y$x"; done'
bb "sh: exit status of a pipeline, set -e" m64 - sh -c 'false | true; echo $?; true | false; echo $?; set -e; false; echo not reached'
bb "sh: xargs" m64 - sh -c 'seq 1 12 | xargs -n 5 echo'
bb "sh: test and [ ]" m64 - sh -c '[ -f text.txt ] && echo file; [ -d tree ] || echo "no tree here"; test 3 -lt 10 && echo lt; [ "a" \< "b" ] && echo less'
bb "nl, fold, rev" m64 - sh -c 'head -3 text.txt | nl | fold -w 20 | rev'
bb "paste, comm, join" m64 - sh -c 'seq 1 5 >a; seq 3 8 >b; paste a b; comm -12 a b; sort table >t1; join -t: t1 t1 | head -2'
bb "split, cat" m64 - sh -c 'split -b 1000 text.txt part_ && ls part_* | wc -l && cat part_* | cmp - text.txt && echo joined'
bb "stat -c" m64 - sh -c 'stat -c "%s %a %F" text.txt bin.dat; stat -c %s "$F/tree"/*.txt'
bb "du -s, wc -c of a tree" m64 - sh -c 'cd "$F" && find tree -type f | sort | xargs wc -c'
bb "mkdir, mv, rm, ln" m64 - sh -c 'mkdir -p d/e/f && touch d/e/f/g && mv d/e d/E && ln -s E/f/g d/link && ls -R d && rm -r d && ls'
bb "md5sum -c" m64 - sh -c 'md5sum text.txt bin.dat >sums && md5sum -c sums'
# Moved from tests/linux/run-guests.sh (amd64 only there): files of this
# machine's /etc, and shell features.
bb "wc -c /etc/passwd" m64 - wc -c /etc/passwd
bb "cat /etc/hostname" m64 - cat /etc/hostname
bb "md5sum /etc/passwd" m64 - md5sum /etc/passwd
bb "sha256sum /etc/passwd" m64 - sha256sum /etc/passwd
bb "sort < /etc/passwd" m64 /etc/passwd sort
bb "sort -n < /etc/passwd" m64 /etc/passwd sort -n
bb "grep root /etc/passwd" m64 - grep root /etc/passwd
bb "sed s/root/ROOT/ /etc/passwd" m64 - sed s/root/ROOT/ /etc/passwd
bb "awk -F: '{print \$1}' /etc/passwd" m64 - awk -F: '{print $1}' /etc/passwd
bb "awk floating point" m64 - awk 'BEGIN { printf "%.6f %.6f\n", 1/3, sin(1) }'
bb "tr a-z A-Z < /etc/passwd" m64 /etc/passwd tr a-z A-Z
bb "ls /etc" m64 - ls /etc
bb "od -x /etc/passwd" m64 - od -x /etc/passwd
bb "gzip -c /etc/passwd" m64 - gzip -c /etc/passwd
bb "date -u -d @0" m64 - date -u -d @0
bb "dc -e '2 3 + p'" m64 - dc -e '2 3 + p'
bb "sh -c 'exit 3'" m64 - sh -c 'exit 3'
bb "sh -c 'echo a; echo b'" m64 - sh -c 'echo a; echo b'
bb "sh builtins: read, cd, redirection, trap" m64 input.txt sh -c 'read x; echo got $x; cd /; pwd; echo hi >"$TMPDIR/r"; read y <"$TMPDIR/r"; echo $y; test -e "$TMPDIR/r" && echo exists; umask; type echo; set -- a b; echo $#; trap "echo bye" EXIT'
bb "sh -c 'ls /etc | wc -l'" m64 - sh -c 'ls /etc | wc -l'
bb "sh: yes | head -1 (SIGPIPE in a child)" m64 - sh -c 'yes | head -1; echo $?'
bb "sh -c 'kill -USR1 \$\$' with a trap" m64 - sh -c 'trap "echo got usr1" USR1; kill -USR1 $$; echo after; exit 4'
# A 32-bit process on an x86-64 kernel sees "x86_64" (only the linux32
# personality says i686, which qemu-i386 always says): the amd64 oracle.
bb "uname -m" m64 - uname -m
# No busybox output found to depend on the ABI (awk, expr, printf, sh
# arithmetic, seq and factor all use 64-bit or double arithmetic on both),
# so no invocation uses the qemu oracle; the mechanism stays for one that
# would.

# The fixtures: generated text, numbers, a table, binary bytes, a small
# tree with fixed times; every run sees the same files.
if [ ! -f "$F/.done" ] || [ "$0" -nt "$F/.done" ]; then
  rm -rf "$F"
  mkdir -p "$F/tree/sub/deeper" "$F/tree/empty"
  perl -e 'srand(5); my @w = qw(the micro op simulator decodes x86 instructions and runs them one by one Linux programs);
    for my $l (1 .. 400) { print join(" ", map { $w[int(rand(@w))] } 1 .. 1 + int(rand(12))), "\n" }' >"$F/text.txt"
  tr ' ' '\n' <"$F/text.txt" | grep -v '^$' >"$F/words"
  perl -e 'srand(9); print int(rand(100000)) - 50000, "\n" for 1 .. 300' >"$F/nums"
  perl -e 'srand(3); printf "user%02d:%d:%s\n", $_, int(rand(1000)), ("x" x ($_ % 5)) for 1 .. 40' >"$F/table"
  perl -e 'print pack("C*", map { ($_ * 7 + ($_ >> 8) * 13) % 256 } 0 .. 4095)' >"$F/bin.dat"
  for i in 1 2 3; do
    printf 'file %s\n' "$i" >"$F/tree/f$i.txt"
    printf 'deep %s\n' "$i" >"$F/tree/sub/deeper/d$i.txt"
  done
  printf 'not text\n' >"$F/tree/sub/data.bin"
  ln -s f1.txt "$F/tree/link"
  echo "a line of input" >"$F/input.txt"
  find "$F/tree" -exec touch -h -d '2024-01-02 03:04:05' {} +
  touch "$F/.done"
fi
for ((i = 0; i < ${#BUSYBOX_CASES[@]}; i++)); do
  IFS=$'\t' read -r name o32 in args <<<"${BUSYBOX_CASES[$i]}"
  case "$in" in
  -) in=/dev/null ;;
  /*) ;;
  *) in="$F/$in" ;;
  esac
  if [ -x "$BUSYBOX" ]; then
    add_case "bb64 $name" "$in" "$(q "$BUSYBOX") $args" "$(q "$BUSYBOX") $args"
  else
    skipped+=("bb64 $name (no $BUSYBOX)")
  fi
  if [ ! -x "$I386_BUSYBOX" ]; then
    skipped+=("bb32 $name (no $I386_BUSYBOX)")
  elif [ "$o32" = qemu ]; then
    add_case "bb32 $name" "$in" "$(q qemu-i386 "$I386_BUSYBOX") $args" "$(q "$I386_BUSYBOX") $args"
  else
    add_case "bb32 $name" "$in" "$(q "$BUSYBOX") $args" "$(q "$I386_BUSYBOX") $args"
  fi
done

# ---- running the cases -----------------------------------------------------
# run_case N: the Nth case; writes STATUS, NAME, DETAIL, SECONDS and
# ORACLE to results/N. Each run starts in its own fresh scratch directory
# holding copies of the top-level fixtures, with a fixed environment.
run_case() {
  local n=$1 name input oracle target
  IFS=$'\t' read -r name input oracle target < <(sed -n "${n}p" "$OUT/cases")
  local w="$OUT/work/$n" o_rc u_rc t0=$EPOCHREALTIME
  run_in() { # DIR OUTFILE ERRFILE WORDS...: run in a fresh DIR
    local dir=$1 out=$2 err=$3
    shift 3
    rm -rf "$dir" && mkdir -p "$dir" && cp "$OUT"/fixtures/{text.txt,words,nums,table,bin.dat} "$dir"/ && ln -s "$OUT/fixtures/tree" "$dir/tree"
    (cd "$dir" && exec env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC HOME=/ TMPDIR="$dir" F="$OUT/fixtures" BB="$BBPATH" \
      timeout "$TIMEOUT" "$@" <"$input" >"$out" 2>"$err")
  }
  local -a o t
  eval "o=($oracle) t=($target)"
  local x
  for x in "${o[@]:0:2}" "${t[0]}"; do
    if [[ "$x" == "$OUT/bin/"* ]] && [ ! -x "$x" ]; then
      printf 'FAIL\037%s\037%s\0370\n' "$name" "not built: $(head -c 300 "$x.log" | tr '\n' ' ')" >"$OUT/results/$n"
      return 0
    fi
  done
  # $BB inside sh scripts: the busybox binary of the run.
  BBPATH=${o[0]}
  [ "$BBPATH" = qemu-i386 ] && BBPATH=${o[1]}
  run_in "$w/o" "$w/o.out" "$w/o.err" "${o[@]}"
  o_rc=$?
  BBPATH=${t[0]}
  # i386 musl programs find their loader, /lib/ld-musl-i386.so.1, there.
  local uopts=()
  [[ "${t[0]}" == *.m32-*-musl-dynamic ]] && uopts=(--sysroot "$SYSROOT32")
  run_in "$w/u" "$w/u.out" "$w/u.err" "$U" run "${uopts[@]}" -- "${t[@]}"
  u_rc=$?
  local why=
  if [ "$o_rc" != "$u_rc" ]; then
    why="exit status $u_rc, oracle $o_rc"
  elif ! cmp -s "$w/o.out" "$w/u.out"; then
    why="stdout differs ($(wc -c <"$w/u.out") bytes, oracle $(wc -c <"$w/o.out"); first at $(cmp "$w/o.out" "$w/u.out" 2>&1 | sed 's/.*differ: //'))"
  fi
  local msg
  msg=$(grep -m1 '^uopsim' "$w/u.err")
  local status=ok known=
  for k in "${KNOWN_LIST[@]}"; do
    # shellcheck disable=SC2053
    [[ "$name" == ${k%%|*} ]] && known=${k#*|}
  done
  if [ -n "$why" ]; then
    status=FAIL
    if [[ "$msg" == *"dynamically linked i386 programs are not supported yet"* ]]; then
      status=pending why="dynamically linked i386 (helper linux32)"
    elif [[ "$msg" == *"no i386 signal frames yet"* ]]; then
      status=pending why="i386 signal frames (helper linux32)"
    elif [ -n "$known" ]; then
      status=pending why="known: $known; $why; rerun: $w/cmd"
    else
      why="$why${msg:+; $msg}; rerun: $w/cmd"
    fi
  elif [ -n "$known" ]; then
    why="passes: remove it from KNOWN"
  fi
  printf '(cd %q && %s)\n' "$w/u" "$(q "$U_NAME" run "${uopts[@]}" -- "${t[@]}")" >"$w/cmd"
  # Which oracle the case used, printed on its line.
  local oname=native
  if [ "${o[0]}" = qemu-i386 ]; then
    oname=qemu-i386
  elif [ "${o[0]}" != "${t[0]}" ]; then
    oname="amd64 $(basename "${o[0]}")"
  fi
  # Fields separated by US (0x1f): tabs would merge around an empty one.
  printf '%s\037%s\037%s\037%s\037%s\n' "$status" "$name" "$why" "$(echo "$EPOCHREALTIME - $t0" | bc)" "$oname" >"$OUT/results/$n"
  [ "$status" = ok ] && rm -rf "$w/o" "$w/u"
  return 0
}
KNOWN_LIST=("${KNOWN[@]}")
export -f run_case q
export KNOWN_SER
KNOWN_SER=$(printf '%s\n' "${KNOWN_LIST[@]}")

ncases=$(wc -l <"$cases")
echo "running $ncases cases ($level${filter:+, filter '$filter'}, $JOBS at a time)"
# shellcheck disable=SC2016
seq 1 "$ncases" | xargs -P "$JOBS" -I{} bash -c 'mapfile -t KNOWN_LIST <<<"$KNOWN_SER"; [ -n "${KNOWN_LIST[0]}" ] || KNOWN_LIST=(); run_case "$1"' _ {} 2>>"$OUT/runner.log"

passed=0
failed=0
pending=0
: >"$OUT/times"
failed_names=()
pending_names=()
for ((n = 1; n <= ncases; n++)); do
  IFS=$'\037' read -r status name why secs oname <"$OUT/results/$n" || { status=FAIL name="case $n" why="no result"; }
  name="$name [oracle: ${oname:-?}]"
  echo "${secs:-0} $name" >>"$OUT/times"
  case "$status" in
  ok) passed=$((passed + 1)); echo "ok    $name${why:+ ($why)}" ;;
  pending) pending=$((pending + 1)); pending_names+=("$name: $why"); echo "pend  $name ($why)" ;;
  *) failed=$((failed + 1)); failed_names+=("$name"); echo "FAIL  $name: $why" ;;
  esac
done
for s in "${skipped[@]}"; do
  echo "skip  $s"
done
[ ${#failed_names[@]} -gt 0 ] && printf 'failed: %s\n' "${failed_names[@]}"
echo "pending: ${#pending_names[@]}; skipped: ${#skipped[@]}; $(($(date +%s) - start)) s"
echo "$passed passed, $failed failed, $pending pending"
[ "$failed" -eq 0 ]
