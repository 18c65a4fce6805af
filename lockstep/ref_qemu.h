/* ref_qemu.h - the parts of the qemu-i386 reference (ref_qemu.c: starting
 * qemu, registers, the ops table; qemu_mem.c: guest memory and mappings;
 * qemu_step.c: stepping, system calls and signals). Private to them: the
 * engine sees only ref_qemu_ops (lockstep.h). */
#ifndef UOPSIM_LOCKSTEP_REF_QEMU_H
#define UOPSIM_LOCKSTEP_REF_QEMU_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "lockstep/gdb_remote.h"
#include "lockstep/lockstep.h"

#define GDT_PAGE_SIZE 4096 /* qemu's emulated GDT: one guest page */

/* The 'g' packet of qemu 7.2's i386 target (gdb-xml/i386-32bit.xml, which
 * the stub serves as its target description; the sizes were checked on
 * this machine's qemu-i386 7.2.22): eight GPRs, EIP, EFLAGS, six
 * selectors, fs_base, gs_base, k_gs_base, cr0, cr2, cr3, cr4, cr8, efer
 * (4 bytes each), st0-st7 (10 bytes each), fctrl fstat ftag fiseg fioff
 * foseg fooff fop (4 bytes each), xmm0-xmm7 (16 bytes each), mxcsr. */
enum {
	QG_GPR = 0, /* eax ecx edx ebx esp ebp esi edi: enum x86_gpr order */
	QG_EIP = 32,
	QG_EFLAGS = 36,
	QG_SEL = 40, /* cs ss ds es fs gs */
	QG_FS_BASE = 64,
	QG_GS_BASE = 68,
	QG_ST = 100, /* 8 x 10 bytes */
	QG_FCTRL = 180,
	QG_FSTAT = 184,
	QG_FTAG = 188,
	QG_FISEG = 192,
	QG_FIOFF = 196,
	QG_FOSEG = 200,
	QG_FOOFF = 204,
	QG_FOP = 208,
	QG_XMM = 212, /* 8 x 16 bytes */
	QG_MXCSR = 340,
	QG_SIZE = 344,
};

/* GDB register numbers (the order of the target description). */
/* st0: after 8 GPRs, eip, eflags, 9 segment registers and bases, 6
 * control registers (qemu 7.2's IDX_FP_REGS); fstat after st0-st7 and
 * fctrl. */
enum { QR_EIP = 8, QR_EFLAGS = 9, QR_ST0 = 25, QR_FSTAT = 34 };

#define GDB_SIGTRAP 5 /* GDB's signal number of a completed step */

struct reference {
	pid_t pid; /* qemu-i386, 0 once reaped */
	struct gdb_remote gdb;
	uint64_t guest_base;
	uint8_t regs[QG_SIZE]; /* the last 'g' block */
	int regs_valid;        /* regs is the current state (no step since) */
	int finished;          /* the program exited: no more commands */
	int seen_state;        /* get_state has been called */
	uint64_t gdt_page;     /* guest address of qemu's GDT (qemu_find_gdt) */
	int have_gdt;
	/* Signals (qemu_step.c): the handlers the program installed (0
	 * SIG_DFL, 1 SIG_IGN, else the address) with their sa_flags; a
	 * signal reported by the stub to deliver at the next step; a signal
	 * whose default action kills the program at the next step. */
	uint32_t handler[65], handler_flags[65];
	int pending_gsig, fatal_gsig; /* GDB numbers, 0: none */
};

static inline uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void wr32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* A one-line message into err (ref_qemu.c). */
void qemu_fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void qemu_sleep_ms(int ms);
/* The 'g' block into r->regs, unless it is current (ref_qemu.c). */
int qemu_read_regs(struct reference *r, char *err, size_t errlen);

/* qemu_mem.c */
int qemu_find_guest_base(struct reference *r, const char *path, char *err, size_t errlen);
int qemu_find_gdt(struct reference *r, char *err, size_t errlen);
int qemu_read_memory(struct reference *r, uint64_t addr, void *dst, size_t size, char *err, size_t errlen);
int qemu_write_memory(struct reference *r, uint64_t addr, const void *src, size_t size, char *err,
                      size_t errlen);
int qemu_regions(struct reference *r, struct ref_region **out, size_t *count, char *err, size_t errlen);

/* qemu_step.c */
enum ref_stop qemu_step(struct reference *r, int *out, char *err, size_t errlen);

#endif
