/* lockstep.h - running a Linux program on a reference and on uopsim side
 * by side, comparing the architected state after every instruction
 * (`uopsim lockstep`). One engine (lockstep.c), two reference back ends:
 *   - the real CPU: the native process under ptrace, single-stepped
 *     (ref_ptrace.c, x86-64 programs);
 *   - qemu-i386 through its GDB stub, `qemu-i386 -g PORT`, single-stepped
 *     over the GDB remote serial protocol (ref_qemu.c + gdb_remote.c,
 *     i386 programs).
 *
 * The reference owns "the world". uopsim never carries out a system call
 * in lockstep mode: the reference does, and the engine copies its effects
 * (result registers, memory it wrote, mappings it made or removed) into
 * uopsim's guest. The same goes for RDTSC/RDTSCP (uopsim's guest sees the
 * reference's counter) and for signals the kernel delivers (the frame the
 * kernel built is copied). CPUID is the one exception: the reference's
 * CPUID is replaced by uopsim's emulated one (the engine carries it out
 * on the reference's registers and skips the instruction), so that both
 * sides' libraries choose the code paths uopsim implements.
 *
 * Undefined flags (SDM vol. 2, "Flags Affected" of each instruction) are
 * masked in the comparison and then copied from the reference, so that an
 * AMD-specific undefined value never leads to a later false divergence. */
#ifndef UOPSIM_LOCKSTEP_H
#define UOPSIM_LOCKSTEP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "decoder/x86_decode.h"
#include "machine/state.h"

/* A mapped range of the reference's address space. */
struct ref_region {
	uint64_t start, end; /* [start, end), page-aligned */
	unsigned prot;       /* enum guest_prot bits (machine/memory.h) */
};

enum ref_stop {
	REF_STEPPED, /* one instruction completed (or one REP iteration) */
	REF_SIGNAL,  /* the kernel delivered signal *sig: the state is the handler's entry (or the program died) */
	REF_EXITED,  /* the program exited; *status is its status as a shell shows it (code, or 128+signal) */
	REF_ERROR,   /* the back end failed (message in the reference's err) */
};

struct reference;

/* A reference back end. Every function returns 0 on success or -1 with a
 * one-line message in err (no newline). */
struct ref_ops {
	const char *name; /* "ptrace", "qemu-i386" */
	enum x86_mode mode;
	/* Starts argv[0] with argv and envp, stopped before its first
	 * instruction (ld.so's entry for a dynamic program). The program's
	 * stdin, stdout and stderr are uopsim's own. */
	struct reference *(*start)(char *const argv[], char *const envp[], char *err, size_t errlen);
	/* Reads the full architected state: GPRs, RIP, RFLAGS, selectors and
	 * segment bases, x87, XMM and MXCSR. Registers a back end cannot see
	 * are left as they were in *s. */
	int (*get_state)(struct reference *r, struct x86_state *s, char *err, size_t errlen);
	/* Writes GPRs, RIP and RFLAGS (used to carry out CPUID and to copy
	 * undefined flags). */
	int (*set_gprs)(struct reference *r, const struct x86_state *s, char *err, size_t errlen);
	/* Executes one instruction. */
	enum ref_stop (*step)(struct reference *r, int *sig_or_status, char *err, size_t errlen);
	int (*read_memory)(struct reference *r, uint64_t addr, void *dst, size_t size, char *err, size_t errlen);
	int (*write_memory)(struct reference *r, uint64_t addr, const void *src, size_t size, char *err,
	                    size_t errlen);
	/* The current mappings of the guest, sorted by address, into a
	 * malloc'ed array (*out, *count). ptrace reads /proc/PID/maps; the qemu
	 * back end reads the qemu process's maps below 4 GiB, less its guest_base
	 * (qemu-user keeps the guest's memory at host address guest_base +
	 * guest address, and read_memory/write_memory use process_vm_readv and
	 * process_vm_writev there, not GDB packets). */
	int (*regions)(struct reference *r, struct ref_region **out, size_t *count, char *err, size_t errlen);
	/* Kills the program if it still runs and frees everything. */
	void (*destroy)(struct reference *r);
};

extern const struct ref_ops ref_ptrace_ops; /* ref_ptrace.c */
extern const struct ref_ops ref_qemu_ops;   /* ref_qemu.c */

struct lockstep_options {
	uint64_t from_insn; /* compare from this instruction number on (counting from 1); before it, only the
	                       events that must be copied are synchronised */
	uint64_t max_insns; /* 0: until the program exits */
	FILE *log;          /* where the divergence report goes (stderr) */
	int verbose;        /* print a progress line every so many instructions */
};

enum lockstep_result {
	LOCKSTEP_SAME,     /* ran to the end (or max_insns) with no divergence */
	LOCKSTEP_DIVERGED, /* a divergence was reported */
	LOCKSTEP_ERROR,    /* could not run (bad program, back end failure): message printed */
};

struct lockstep_summary {
	uint64_t instructions; /* instructions compared */
	uint64_t syscalls;     /* system calls whose effects were copied */
	int exit_status;       /* the program's, when it exited */
};

/* Runs argv under both sides until the program exits, a divergence is
 * found (reported on opt->log: instruction number, address, disassembly,
 * micro-ops, both states with the differing fields marked) or max_insns. */
enum lockstep_result lockstep_run(const struct ref_ops *ops, char *const argv[], char *const envp[],
                                  const struct lockstep_options *opt, struct lockstep_summary *summary);

#endif
