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
 * Undefined flags (SDM vol. 2, "Flags Affected" of each instruction) and
 * x87 condition codes ("FPU Flags Affected") are masked in the comparison
 * and then copied from the reference, so that an AMD-specific undefined
 * value never leads to a later false divergence. Where a reference is
 * known to be wrong (enum ref_blind), uopsim's value is taken instead and
 * given to the reference. */
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

/* What one step did. For REF_FAULT and REF_SIGNAL the state is the
 * handler's entry (the kernel built the signal frame), or, when the signal
 * kills the program, the state at the instruction; the next step then
 * returns REF_EXITED. A signal the program ignores is not reported. */
enum ref_stop {
	REF_STEPPED, /* one instruction completed (or one REP iteration), or execve started a new program */
	REF_FAULT,   /* the instruction faulted (or trapped: INT3) and the kernel delivered signal *sig */
	REF_SIGNAL,  /* an asynchronous signal *sig (alarm, kill) was delivered before the instruction ran */
	REF_EXITED,  /* the program exited; *status is its status as a shell shows it (code, or 128+signal) */
	REF_ERROR,   /* the back end failed (message in the reference's err) */
};

struct reference;

/* Parts of the state a back end's get_state cannot see, or gets wrong
 * (ref_ops.blind): the engine does not compare them and keeps uopsim's. */
enum ref_blind {
	REF_BLIND_FPU_TAG = 1u << 0, /* the x87 tag word (qemu 7.2's GDB stub reports 0) */
	REF_BLIND_FPU_C1 = 1u << 1,  /* x87 status bit C1 (qemu 7.2 never sets it when it rounds up,
	                                SDM vol. 1, 8.1.3.1, as the CPU does) */
	REF_BLIND_FPU_DE = 1u << 2,  /* x87 status bit DE (qemu 7.2 never sets it when FLD, FADD... read a
	                                denormal single or double, SDM vol. 1, 8.5.2, as the CPU does) */
	REF_BLIND_FPU_LAST_BIT = 1u << 3, /* the last bit of FYL2X, FYL2XP1, FPATAN and F2XM1 results (qemu
	                                     7.2 rounds them correctly; the CPU's are within 1 ulp, SDM vol. 1,
	                                     8.3.10): a 1-ulp difference is allowed, uopsim's value given */
	REF_BLIND_FPREM1_Q = 1u << 4, /* C0, C3 and C1 after FPREM1, the quotient's low bits (qemu 7.2 leaves
	                                 them clear, SDM vol. 2, FPREM1) */
	REF_BLIND_FCOMI_OSA = 1u << 5, /* OF, SF and AF after FCOMI, FUCOMI and their pops (qemu 7.2 leaves
	                                  them as they were; SDM vol. 2, FCOMI: cleared) */
	REF_BLIND_PUSHF_TF = 1u << 6, /* TF in the image PUSHF stores (the CPU single-stepping under ptrace
	                                 pushes it set; the program's own TF is clear) */
};

/* A reference back end. Every function returns 0 on success or -1 with a
 * one-line message in err (no newline). */

struct ref_ops {
	const char *name; /* "ptrace", "qemu-i386" */
	enum x86_mode mode;
	unsigned blind; /* enum ref_blind bits */
	/* Starts argv[0] with argv and envp, stopped before its first
	 * instruction (ld.so's entry for a dynamic program), with the stack
	 * pointer at argc (the engine edits the auxiliary vector there). The
	 * program's stdin, stdout and stderr are uopsim's own. */
	struct reference *(*start)(char *const argv[], char *const envp[], char *err, size_t errlen);
	/* Reads the full architected state: GPRs, RIP, RFLAGS, selectors and
	 * segment bases, x87, XMM and MXCSR. Registers a back end cannot see
	 * are left as they were in *s. */
	int (*get_state)(struct reference *r, struct x86_state *s, char *err, size_t errlen);
	/* Writes GPRs, RIP and RFLAGS (used to carry out CPUID and to turn a
	 * refused system call's number into an invalid one); a back end blind
	 * to x87 state (REF_BLIND_FPU_C1, REF_BLIND_FPU_DE,
	 * REF_BLIND_FPREM1_Q, REF_BLIND_FPU_LAST_BIT) writes the x87 status
	 * word and registers ST0-ST7 too, so that the engine can give it
	 * uopsim's values. */
	int (*set_gprs)(struct reference *r, const struct x86_state *s, char *err, size_t errlen);
	/* Executes one instruction (see enum ref_stop). */
	enum ref_stop (*step)(struct reference *r, int *sig_or_status, char *err, size_t errlen);
	int (*read_memory)(struct reference *r, uint64_t addr, void *dst, size_t size, char *err, size_t errlen);
	int (*write_memory)(struct reference *r, uint64_t addr, const void *src, size_t size, char *err,
	                    size_t errlen);
	/* The current mappings of the guest, sorted by address, into a
	 * malloc'ed array (*out, *count), less those uopsim cannot mirror (the
	 * kernel's [vvar] and [vsyscall] pages). ptrace reads /proc/PID/maps; the qemu
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
	uint64_t from_insn; /* compare from this instruction number on (counting from 1); before it only the
	                       reference runs (CPUID still answered as uopsim's), and at it uopsim takes the
	                       reference's whole state and memory */
	uint64_t max_insns; /* 0: until the program exits */
	FILE *log;          /* where the divergence report goes (stderr) */
	int verbose;        /* print a progress line every so many instructions */
	uint64_t inject_divergence; /* testing the engine: flip bit 0 of uopsim's RAX after this
	                               instruction (0: never), which must be reported there */
};

enum lockstep_result {
	LOCKSTEP_SAME,     /* ran to the end (or max_insns) with no divergence */
	LOCKSTEP_DIVERGED, /* a divergence was reported */
	LOCKSTEP_ERROR,    /* could not run (bad program, back end failure): message printed */
};

struct lockstep_summary {
	uint64_t instructions; /* instructions compared (a REP string instruction once) */
	uint64_t syscalls;     /* system calls whose effects were copied */
	uint64_t signals;      /* signals delivered (faults matched, asynchronous signals copied) */
	int exited;            /* the program exited (else max_insns was reached) */
	int exit_status;       /* the program's, when it exited */
};

/* Runs argv under both sides until the program exits, a divergence is
 * found (reported on opt->log: instruction number, address, disassembly,
 * micro-ops, both states with the differing fields marked) or max_insns. */
enum lockstep_result lockstep_run(const struct ref_ops *ops, char *const argv[], char *const envp[],
                                  const struct lockstep_options *opt, struct lockstep_summary *summary);

#endif
