#!/usr/bin/env bash
# run-guests.sh - `uopsim run` against native runs: x86-64 Linux programs
# (the demo, tests/linux/sysprobe.c, dynamically
# linked programs of this machine, shells that fork and execve) must give
# byte-identical stdout and the same exit status under uopsim as natively; guest faults must end the run as the kernel would (128+signal);
# bad input must give one clear error line and a non-zero status.
#   bash tests/linux/run-guests.sh        (BUILD=build by default;
#                                          UOPSIM=path tests another binary)
# Prints one line per case and ends with "N passed, N failed"; exits
# non-zero if any case failed. Cases that need what uopsim does not do yet
# (threads) are listed as skipped.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BUILD=${BUILD:-build}
U=${UOPSIM:-"$top/$BUILD/uopsim"}
OUT="$top/$BUILD/guests-linux"
TIMEOUT=${TIMEOUT:-120}
BUSYBOX=${BUSYBOX:-/bin/busybox}
mkdir -p "$OUT"
# Each run compares through files of its own, so two runs at once (make
# check in two trees sharing a build directory) cannot mix their outputs.
RUN=$(mktemp -d "$OUT/run.XXXXXX")
trap 'rm -rf "$RUN"' EXIT

passed=0
failed=0
skipped=0
failed_names=()

pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); failed_names+=("$1"); echo "FAIL  $1: $2"; }
skip() { skipped=$((skipped + 1)); echo "skip  $1 ($2)"; }

[ -n "${UOPSIM:-}" ] || make -s "$BUILD/uopsim" || { echo "cannot build $U"; echo "0 passed, 1 failed"; exit 1; }

# Guest programs, built static (and static-pie) with the host's gcc.
build_guest() { # NAME SOURCE FLAGS...
  local name=$1 src=$2
  shift 2
  if [ ! -x "$OUT/$name" ] || [ "$src" -nt "$OUT/$name" ]; then
    gcc -O2 "$@" "$src" -o "$OUT/$name" 2>"$OUT/$name.log" || { echo "cannot build $name (see $OUT/$name.log)"; return 1; }
  fi
}
build_guest demo tests/guests/demo.c -static
build_guest sysprobe tests/linux/sysprobe.c -static
build_guest sysprobe-pie tests/linux/sysprobe.c -static-pie -fPIE
build_guest fault tests/linux/fault.c -static
build_guest signals tests/linux/signals.c -static
build_guest signals-dyn tests/linux/signals.c
if [ ! -x "$OUT/cxx" ] || [ tests/linux/cxx.cc -nt "$OUT/cxx" ]; then
  g++ -O2 -static tests/linux/cxx.cc -o "$OUT/cxx" 2>"$OUT/cxx.log" || echo "cannot build cxx (see $OUT/cxx.log)"
fi
printf 'int main(void) { return 0; }\n' >"$OUT/i386.c"
build_guest i386-dyn "$OUT/i386.c" -m32 2>/dev/null || true
build_guest demo32 tests/guests/demo.c -m32 -static 2>/dev/null || true
build_guest demo32-pie tests/guests/demo.c -m32 -static-pie -fPIE 2>/dev/null || true
build_guest sysprobe32 tests/linux/sysprobe.c -m32 -static 2>/dev/null || true
build_guest demo32-dyn tests/guests/demo.c -m32 2>/dev/null || true
build_guest sysprobe32-dyn tests/linux/sysprobe.c -m32 2>/dev/null || true
build_guest signals32 tests/linux/signals.c -m32 -static 2>/dev/null || true
build_guest signals32-dyn tests/linux/signals.c -m32 2>/dev/null || true
build_guest fault32 tests/linux/fault.c -m32 -static 2>/dev/null || true
build_guest fault32-dyn tests/linux/fault.c -m32 2>/dev/null || true
build_guest sigframe32 tests/linux/sigframe32.c -m32 2>/dev/null || true
build_guest sigframe32-static tests/linux/sigframe32.c -m32 -static 2>/dev/null || true
build_guest calls tests/linux/calls.c
build_guest calls-static tests/linux/calls.c -static
build_guest calls32 tests/linux/calls.c -m32 -static 2>/dev/null || true
build_guest calls32-dyn tests/linux/calls.c -m32 2>/dev/null || true

# judge NAME LABEL STDIN N ORACLE-COMMAND(N words) PROGRAM ARGS...: the
# oracle command (LABEL names it in messages) and `uopsim run PROGRAM ARGS`
# must print the same stdout bytes and exit with the same status.
judge() {
  local name=$1 label=$2 input=$3 n=$4
  shift 4
  local oracle=("${@:1:n}")
  shift "$n"
  local o_out="$RUN/oracle.out" u_out="$RUN/uopsim.out" u_err="$RUN/uopsim.err" o_rc u_rc
  timeout "$TIMEOUT" "${oracle[@]}" <"$input" >"$o_out" 2>/dev/null
  o_rc=$?
  timeout "$TIMEOUT" "$U" run -- "$@" <"$input" >"$u_out" 2>"$u_err"
  u_rc=$?
  if [ "$o_rc" != "$u_rc" ]; then
    fail "$name" "exit status $u_rc, $label $o_rc; $(grep -m1 '^uopsim' "$u_err")"
  elif ! cmp -s "$o_out" "$u_out"; then
    fail "$name" "stdout differs ($(wc -c <"$u_out") bytes, $label $(wc -c <"$o_out")); $(grep -m1 '^uopsim' "$u_err")"
  else
    pass "$name"
  fi
}

# same NAME STDIN PROGRAM ARGS...: stdout bytes and exit status of the
# native run and of `uopsim run` must agree.
same() {
  judge "$1" native "$2" $(($# - 2)) "${@:3}" "${@:3}"
}

# pending NAME STDIN PROGRAM ARGS...: a case known to need micro-ops
# the engine does not have yet. It counts as passed when it agrees with
# the native run, and as skipped (naming the missing form) otherwise.
pending() {
  local name=$1 before=$failed
  local saved_names=("${failed_names[@]}")
  same "$@" >"$OUT/pending.log"
  if [ "$failed" = "$before" ]; then
    echo "ok    $name (was pending: move it to the regular cases)"
  else
    failed=$before
    failed_names=("${saved_names[@]}")
    local why
    why=$(grep -o -m1 'no micro-ops for [A-Za-z0-9_]*' "$RUN/uopsim.err")
    skip "$name" "${why:-$(head -c 200 "$OUT/pending.log")}"
  fi
}

# expect NAME STATUS STDERR-PATTERN PROGRAM ARGS...: `uopsim run` ends
# with STATUS and its stderr matches the extended regex.
expect() {
  local name=$1 want_rc=$2 pattern=$3
  shift 3
  local u_err="$RUN/uopsim.err" rc
  timeout "$TIMEOUT" "$U" run "$@" </dev/null >/dev/null 2>"$u_err"
  rc=$?
  if [ "$rc" != "$want_rc" ]; then
    fail "$name" "exit status $rc, expected $want_rc; $(head -c 200 "$u_err")"
  elif ! grep -Eq -- "$pattern" "$u_err"; then
    fail "$name" "stderr does not match /$pattern/: $(head -c 200 "$u_err")"
  else
    pass "$name"
  fi
}

echo "== programs built here"
same "demo" /dev/null "$OUT/demo"
same "demo with an argument" /dev/null "$OUT/demo" "hello world"
UOPSIM_PROBE=set same "sysprobe (static)" /dev/null "$OUT/sysprobe" arg 3
UOPSIM_PROBE=set same "sysprobe (static-pie)" /dev/null "$OUT/sysprobe-pie" arg 0
if [ -x "$OUT/cxx" ]; then
  same "C++: containers, iostream, an exception" /dev/null "$OUT/cxx"
else
  skip "C++ program" "g++ -static unavailable"
fi

# The busybox applets, amd64 and i386, are one list in
# tests/linux/run-suite.sh (BUSYBOX_CASES).

echo "== system calls whose structures differ between i386 and x86-64, x86-64 side"
same "calls: sockets, locks, select/pselect/ppoll, rusage (static)" /dev/null "$OUT/calls-static"
same "calls: sockets, locks, select/pselect/ppoll, rusage (dynamic)" /dev/null "$OUT/calls"

echo "== signals delivered to guest handlers (static and dynamic)"
for c in segv fpe usr1 alarm mask resethand altstack trap misc wait; do
  same "signals $c (static)" /dev/null "$OUT/signals" $c
  same "signals $c (dynamic)" /dev/null "$OUT/signals-dyn" $c
done
same "bash: trap on USR1, kill \$\$" /dev/null /bin/bash -c 'trap "echo got usr1" USR1; kill -USR1 $$; echo after; exit 4'
same "bash: trap on USR1 sent by a child during wait" /dev/null /bin/bash -c 'trap "echo trapped" USR1; (sleep 0.3; kill -USR1 $$) & wait; echo done $?'
same "python3: signal handlers, alarm, pause" /dev/null /usr/bin/python3 -c 'import signal,os
signal.signal(signal.SIGUSR1, lambda s,f: print("got", s)); os.kill(os.getpid(), signal.SIGUSR1); print("after")
signal.signal(signal.SIGALRM, lambda s,f: print("alarm")); signal.alarm(1); signal.pause(); print("end")'

echo "== dynamically linked programs (ld.so and libraries from /)"
dyn() { # NAME STDIN PROGRAM ARGS...: a case for a dynamically linked program
  if [ -x "$3" ] && file -L "$3" | grep -q 'dynamically linked'; then
    same "$@"
  else
    skip "$1" "no dynamically linked $3"
  fi
}
dyn "ls /etc" /dev/null /bin/ls /etc
dyn "ls -la /etc" /dev/null /bin/ls -la /etc
dyn "echo hi" /dev/null /bin/echo hi
dyn "sort < /etc/passwd" /etc/passwd /usr/bin/sort
dyn "md5sum /etc/passwd" /dev/null /usr/bin/md5sum /etc/passwd
dyn "grep root /etc/passwd" /dev/null /usr/bin/grep root /etc/passwd
dyn "sed s/root/ROOT/ /etc/passwd" /dev/null /usr/bin/sed s/root/ROOT/ /etc/passwd
dyn "date -u -d @0" /dev/null /usr/bin/date -u -d @0
dyn "bash -c 'echo hi'" /dev/null /bin/bash -c 'echo hi'
dyn "python3 -c 'print(6*7)'" /dev/null /usr/bin/python3 -c 'print(6*7)'
dyn "python3: sockets, sendmsg with a descriptor" /dev/null /usr/bin/python3 -c '
import socket, os, array
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
r, w = os.pipe()
a.sendmsg([b"he", b"llo"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [w]))])
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(4))
fd = array.array("i"); fd.frombytes(anc[0][2][:4]); os.write(fd[0], b"via fd")
print(msg, os.read(r, 10), len(anc))'
dyn "gnuplot (setuid, setresuid)" /dev/null /usr/bin/gnuplot --version

echo "== fork, execve, wait4, pipes (shells)"
dyn "bash: pipeline ls | wc -l" /dev/null /bin/bash -c 'ls /etc | wc -l'
dyn "bash: command substitution" /dev/null /bin/bash -c 'echo $(echo x) $(/bin/echo y); x=$(ls /etc | wc -l); echo $x'
dyn "bash: three-stage pipeline" /etc/passwd /bin/bash -c 'cat | sort | head -3'
dyn "bash: exit statuses of children" /dev/null /bin/bash -c '/bin/false; echo $?; (exit 7); echo $?; nonexistent-command 2>/dev/null; echo $?'
dyn "bash: child killed by a signal" /dev/null /bin/bash -c '/bin/sleep 5 & kill $!; wait $!; echo $?; sh -c "kill -9 \$\$"; echo $?'
dyn "bash: yes | head, PIPESTATUS" /dev/null /bin/bash -c 'yes | head -2; echo ${PIPESTATUS[@]}'
printf '#!/bin/sh\necho script "$@"\n' >"$OUT/script.sh"
chmod +x "$OUT/script.sh"
dyn "bash: a #! script" /dev/null /bin/bash -c '"$0" a b' "$OUT/script.sh"
if [ -x /bin/sh ] && file -L /bin/sh | grep -q 'dynamically linked'; then
  same "a #! script run directly" /dev/null "$OUT/script.sh" c d
fi
dyn "bash: exec" /dev/null /bin/bash -c 'exec /bin/echo replaced; echo not reached'
dyn "dash: pipeline and substitution" /dev/null /bin/dash -c 'ls / | wc -l; echo $(echo z)'
dyn "python3: os.popen" /dev/null /usr/bin/python3 -c 'import os; print(os.popen("echo pop").read())'

echo "== other static programs on this machine"
if [ -x /sbin/ldconfig ] && file -L /sbin/ldconfig | grep -Eq 'statically linked|static-pie'; then
  same "ldconfig -p" /dev/null /sbin/ldconfig -p
else
  skip "ldconfig -p" "no static /sbin/ldconfig"
fi
# Free Pascal programs: static, no libc, their own run-time library.
if [ -x /usr/bin/h2pas-3.2.2 ] && [ -x /usr/bin/fpc ]; then
  same "h2pas -h (Free Pascal)" /dev/null /usr/bin/h2pas-3.2.2 -h
  same "json2pas -h (Free Pascal)" /dev/null /usr/bin/json2pas-3.2.2 -h
  same "fpc -iV (Free Pascal)" /dev/null /usr/bin/fpc -iV
  same "delp -h (Free Pascal)" /dev/null /usr/bin/delp-3.2.2 -h
else
  skip "Free Pascal programs" "fp-compiler 3.2.2 not installed"
fi

echo "== guest faults (as the kernel: 128+signal)"
expect "store to address 0: SIGSEGV" 139 'killed by SIGSEGV at rip 0x[0-9a-f]+: #PF' -- "$OUT/fault" segv
expect "ud2: SIGILL" 132 'killed by SIGILL at rip 0x[0-9a-f]+: #UD' -- "$OUT/fault" ud2
expect "divide by zero: SIGFPE" 136 'killed by SIGFPE at rip 0x[0-9a-f]+: #DE' -- "$OUT/fault" div
expect "abort(): SIGABRT" 134 'killed by SIGABRT' -- "$OUT/fault" abort
expect "no micro-ops: SIGILL naming the form" 132 'killed by SIGILL at rip 0x[0-9a-f]+: no micro-ops for VADDPS_Vx_Hx_Wx' -- "$OUT/fault" nocrack
same "fault: normal exit" /dev/null "$OUT/fault" none
if [ -x "$BUSYBOX" ]; then
  # A write to a closed pipe: EPIPE and SIGPIPE for the guest (141).
  "$U" run -- "$BUSYBOX" yes 2>"$RUN/uopsim.err" | head -1 >/dev/null
  rc=${PIPESTATUS[0]}
  if [ "$rc" = 141 ]; then pass "yes | head -1: SIGPIPE"; else fail "yes | head -1: SIGPIPE" "exit status $rc, expected 141"; fi
fi

# same_as NAME STDIN ORACLE PROGRAM ARGS...: the i386 PROGRAM under
# `uopsim run` must agree with the x86-64 ORACLE run natively.
same_as() {
  judge "$1" native "$2" $(($# - 3)) "$3" "${@:5}" "${@:4}"
}

# same_qemu NAME STDIN PROGRAM ARGS...: the i386 PROGRAM under `uopsim
# run` must agree with qemu-i386 running it, where the output depends on
# the architecture (x87 precision, 64-bit division done in software, the
# i386 signal frame); this kernel cannot run i386 programs itself.
QEMU_I386=$(command -v qemu-i386 || true)
same_qemu() {
  if [ -z "$QEMU_I386" ]; then
    skip "$1" "no qemu-i386"
    return
  fi
  judge "$1" qemu-i386 "$2" $(($# - 1)) "$QEMU_I386" "${@:3}" "${@:3}"
}

echo "== i386 programs (against their x86-64 builds run natively)"
if [ -x "$OUT/demo32" ]; then
  same_as "i386 demo" /dev/null "$OUT/demo" "$OUT/demo32"
  same_as "i386 demo with an argument" /dev/null "$OUT/demo" "$OUT/demo32" "hello world"
else
  skip "i386 demo" "gcc -m32 -static unavailable"
fi
if [ -x "$OUT/demo32-pie" ]; then
  same_as "i386 demo (static-pie)" /dev/null "$OUT/demo" "$OUT/demo32-pie"
else
  skip "i386 demo (static-pie)" "gcc -m32 -static-pie unavailable"
fi
if [ -x "$OUT/sysprobe32" ]; then
  UOPSIM_PROBE=set same_as "i386 sysprobe (static)" /dev/null "$OUT/sysprobe" "$OUT/sysprobe32" arg 3
else
  skip "i386 sysprobe" "gcc -m32 -static unavailable"
fi
if [ -x "$OUT/demo32-dyn" ] && [ -x "$OUT/sysprobe32-dyn" ]; then
  same_as "i386 demo (dynamic)" /dev/null "$OUT/demo" "$OUT/demo32-dyn" "hello world"
  UOPSIM_PROBE=set same_as "i386 sysprobe (dynamic)" /dev/null "$OUT/sysprobe" "$OUT/sysprobe32-dyn" arg 3
else
  skip "i386 dynamic demo and sysprobe" "gcc -m32 unavailable"
fi
if [ -x "$OUT/calls32" ] && [ -x "$OUT/calls32-dyn" ]; then
  same_as "i386 calls: sockets, statfs, sysinfo, rusage, time64 (static)" /dev/null "$OUT/calls" "$OUT/calls32"
  same_as "i386 calls: sockets, statfs, sysinfo, rusage, time64 (dynamic)" /dev/null "$OUT/calls" "$OUT/calls32-dyn"
else
  skip "i386 calls" "gcc -m32 unavailable"
fi
echo "== i386 signal frames (against x86-64 natively, or qemu-i386 where the architecture shows)"
for v in 32 32-dyn; do
  if [ ! -x "$OUT/signals$v" ] || [ ! -x "$OUT/fault$v" ]; then
    skip "i386 signals$v" "gcc -m32 unavailable"
    continue
  fi
  for c in segv alarm mask resethand altstack trap misc wait; do
    same_as "i386 signals $c ($v)" /dev/null "$OUT/signals" "$OUT/signals$v" $c
  done
  same_qemu "i386 signals fpe ($v)" /dev/null "$OUT/signals$v" fpe
  same_qemu "i386 signals usr1 ($v)" /dev/null "$OUT/signals$v" usr1
  for c in segv ud2 div abort none; do
    same_as "i386 fault $c ($v)" /dev/null "$OUT/fault" "$OUT/fault$v" $c
  done
  expect "i386 store to address 0: SIGSEGV ($v)" 139 'killed by SIGSEGV at rip 0x[0-9a-f]+: #PF' -- "$OUT/fault$v" segv
done
if [ -x "$OUT/sigframe32" ] && [ -x "$OUT/sigframe32-static" ]; then
  same_qemu "i386 sigframe and rt_sigframe layout (dynamic)" /dev/null "$OUT/sigframe32"
  same_qemu "i386 sigframe and rt_sigframe layout (static)" /dev/null "$OUT/sigframe32-static"
else
  skip "i386 sigframe32" "gcc -m32 unavailable"
fi
echo "== errors: one line, non-zero status"
expect "missing program" 127 '^uopsim run: .*No such file or directory$' -- /nonexistent/program
expect "not an ELF file" 127 '^uopsim run: .*not an ELF file' -- /etc/passwd
if [ -x /bin/ls ] && file -L /bin/ls | grep -q 'dynamically linked'; then
  expect "--sysroot without the interpreter" 127 '^uopsim run: /bin/ls: interpreter: /nonexistent/.*No such file' --sysroot /nonexistent -- /bin/ls
else
  skip "--sysroot without the interpreter" "no dynamic /bin/ls"
fi
if [ -x "$OUT/i386-dyn" ]; then
  expect "i386 program with a missing interpreter" 127 '^uopsim run: .*i386-dyn: interpreter: /nonexistent/.*No such file' --sysroot /nonexistent -- "$OUT/i386-dyn"
else
  skip "dynamically linked i386 program" "gcc -m32 unavailable"
fi
expect "bad option" 2 '^uopsim run: bad option' --bogus -- "$OUT/demo"
if [ -x "$BUSYBOX" ] && [ "$(dirname "$BUSYBOX")" = /bin -o "$(dirname "$BUSYBOX")" = /usr/bin ]; then
  PATH=/usr/bin:/bin same "program name looked up in PATH" /dev/null "$(basename "$BUSYBOX")" echo found
fi
expect "no program" 2 '^uopsim run: no program given' --

echo "== options"
expect "--strace" 0 'write\(1, "argc 1 argv1 -\\nenv' --strace -- "$OUT/sysprobe"
expect "--max-insns" 124 'instruction limit reached \(1000 instructions\)' --max-insns 1000 -- "$OUT/demo"
rm -f "$OUT/stats.json"
"$U" run --stats "$OUT/stats.json" -- "$OUT/demo" >/dev/null 2>&1
if grep -Eq '"instructions": [1-9][0-9]*' "$OUT/stats.json" 2>/dev/null &&
   grep -Eq '"uops": [1-9][0-9]*' "$OUT/stats.json"; then
  pass "--stats FILE"
else
  fail "--stats FILE" "no instruction and micro-op counts in $OUT/stats.json"
fi

echo "== skipped: $skipped"
[ ${#failed_names[@]} -gt 0 ] && printf 'failed: %s\n' "${failed_names[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
