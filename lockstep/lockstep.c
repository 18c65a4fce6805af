/* lockstep.c - the lockstep engine (see lockstep.h): one reference back end
 * and uopsim's functional CPU step through the same program, and the
 * architected state is compared after every instruction.
 *
 * uopsim's side is a bare struct cpu over a struct guest_memory that
 * mirrors the reference's mappings; it never runs a system call. At a
 * system-call instruction the reference runs it and the engine copies its
 * effects: every register (rt_sigreturn, execve and arch_prctl change more
 * than RAX, RCX and R11), the mappings that appeared, moved or went, and
 * the contents of writable pages that differ. Before the call the
 * writable pages are compared, so a wrong store shows up at the next
 * system call at the latest.
 *
 * Instruction numbers count as `uopsim run --stats` does: an instruction
 * counts once when it completes, a REP string instruction once for all
 * its iterations (the reference stops after each iteration, so does
 * cpu_step, and both are compared there), a faulting one not at all. */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "decoder/x86_format.h"
#include "lockstep/flag_rules.h"
#include "lockstep/lockstep.h"
#include "lockstep/lockstep_internal.h"
#include "machine/cpu.h"
#include "machine/cpuid.h"
#include "machine/memory.h"

/* Auxiliary-vector types (elf.h; the ABI supplements). */
enum { AUX_NULL = 0, AUX_IGNORE = 1, AUX_SYSINFO = 32, AUX_SYSINFO_EHDR = 33 };

/* The i386 GDT's TLS entries (set_thread_area): 12-14 under an x86-64
 * kernel, 6-8 under a 32-bit one, which qemu-i386 emulates (the kernel's
 * GDT_ENTRY_TLS_MIN); the range covers both. */
#define TLS_FIRST 6
#define TLS_COUNT 9

/* The RFLAGS bits compared (RF, TF and the reserved bit 1 are not: they
 * belong to the debugger's and the kernel's bookkeeping). */
#define COMPARED_FLAGS (FLAGS_ARITH | FLAG_DF | FLAG_IF | FLAG_AC | FLAG_ID)

/* Memory is compared and copied in chunks of this many bytes. */
#define CHUNK (64 * GUEST_PAGE_SIZE)

/* The last instructions, printed before a divergence report. */
#define HISTORY 8

struct lockstep {
	struct cpu cpu; /* uopsim's side (first: 64-byte aligned state) */
	struct x86_state ref; /* the reference after its last step */
	const struct ref_ops *ops;
	struct reference *r;
	const struct lockstep_options *opt;
	struct lockstep_summary *sum;
	FILE *log;
	enum x86_mode mode;
	uint64_t insn;     /* number of the next instruction, from 1 */
	int mirrored;      /* uopsim's memory mirrors the reference (from --from-insn on) */
	struct ref_region *regions; /* what uopsim's memory mirrors */
	size_t nregions;
	uint8_t *ref_chunk, *our_chunk;
	struct {
		int used;
		uint32_t base;
	} tls[TLS_COUNT];
	struct {
		uint64_t insn, rip;
	} history[HISTORY];
	unsigned nhistory;
	char err[512];
};

/* ---- the world outside uopsim's core: the reference's answers ---- */

/* RDTSC and RDTSCP read the counter the reference has just read: the
 * reference steps first, so its EDX:EAX already hold the value. */
static uint64_t ref_rdtsc(void *context)
{
	const struct lockstep *ls = context;
	return (ls->ref.gpr[GPR_RDX] << 32) | (uint32_t)ls->ref.gpr[GPR_RAX];
}

static uint32_t ref_tsc_aux(void *context)
{
	const struct lockstep *ls = context;
	return (uint32_t)ls->ref.gpr[GPR_RCX];
}

/* The i386 GDT as Linux sets it up for user mode (0x23 code, 0x2b data,
 * flat) plus the TLS entries the reference's set_thread_area calls filled
 * in, so that uopsim's GS and FS get the bases the reference's have. */
static int ref_descriptor(void *context, uint16_t selector, uint64_t *base, int *code)
{
	const struct lockstep *ls = context;
	unsigned index = selector >> 3;
	*base = 0;
	*code = index == (0x23 >> 3);
	if (index == (0x23 >> 3) || index == (0x2b >> 3))
		return 0;
	if (index >= TLS_FIRST && index < TLS_FIRST + TLS_COUNT && ls->tls[index - TLS_FIRST].used) {
		*base = ls->tls[index - TLS_FIRST].base;
		return 0;
	}
	return -1;
}

/* Legacy modes: segment bases from the selectors and the tracked GDT (a
 * back end may not see them; the comparison then checks the selectors). */
static void legacy_bases(struct lockstep *ls, struct x86_state *s)
{
	if (ls->mode == X86_MODE_64)
		return;
	for (unsigned i = 0; i < SEG_COUNT; i++) {
		uint64_t base = 0;
		int code;
		if (ref_descriptor(ls, s->selector[i], &base, &code))
			base = 0;
		s->segment_base[i] = base;
	}
}

/* ---- the reference ---- */

static int fail(struct lockstep *ls)
{
	fprintf(ls->log, "uopsim lockstep: %s (%s)\n", ls->err, ls->ops->name);
	return -1;
}

static int ref_state(struct lockstep *ls)
{
	if (ls->ops->get_state(ls->r, &ls->ref, ls->err, sizeof ls->err))
		return fail(ls);
	legacy_bases(ls, &ls->ref);
	return 0;
}

/* Reads up to 15 instruction bytes at addr from the reference, stopping at
 * the first page it cannot read. */
static size_t ref_fetch(struct lockstep *ls, uint64_t addr, uint8_t *bytes)
{
	size_t have = 0;
	while (have < X86_MAX_INSN_LENGTH) {
		uint64_t a = addr + have;
		size_t n = GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1));
		if (n > X86_MAX_INSN_LENGTH - have)
			n = X86_MAX_INSN_LENGTH - have;
		if (ls->ops->read_memory(ls->r, a, bytes + have, n, ls->err, sizeof ls->err))
			break;
		have += n;
	}
	return have;
}

/* Replaces the vDSO entries of the auxiliary vector on the new program's
 * stack (System V ABI, 3.4.1: argc, argv, NULL, envp, NULL, then type and
 * value pairs) with AT_IGNORE. The vDSO's clock code reads the kernel's
 * [vvar] page, which changes behind the program's back and which uopsim
 * cannot mirror; without AT_SYSINFO_EHDR (and AT_SYSINFO on i386) the C
 * library makes real system calls instead, whose effects are copied. The
 * patch is made in the reference's memory before the first instruction,
 * so both sides see the same auxiliary vector. */
static int hide_vdso(struct lockstep *ls)
{
	unsigned word = ls->mode == X86_MODE_64 ? 8 : 4;
	uint64_t p = ls->ref.gpr[GPR_RSP], v = 0;
	int nulls = 0;
	if (ls->mode != X86_MODE_64)
		p &= 0xffffffff;
	/* argc, then argv and envp up to their NULLs. */
	p += word;
	while (nulls < 2) {
		if (ls->ops->read_memory(ls->r, p, &v, word, ls->err, sizeof ls->err))
			return fail(ls);
		p += word;
		if (!v)
			nulls++;
	}
	for (unsigned i = 0; i < 256; i++, p += 2 * word) {
		v = 0;
		if (ls->ops->read_memory(ls->r, p, &v, word, ls->err, sizeof ls->err))
			return fail(ls);
		if (v == AUX_NULL)
			return 0;
		if (v == AUX_SYSINFO_EHDR || v == AUX_SYSINFO) {
			uint64_t ignore = AUX_IGNORE;
			if (ls->ops->write_memory(ls->r, p, &ignore, word, ls->err, sizeof ls->err))
				return fail(ls);
		}
	}
	return 0;
}

/* ---- uopsim's memory, mirrored from the reference ---- */

static int same_region(const struct ref_region *a, const struct ref_region *b)
{
	return a->start == b->start && a->end == b->end && a->prot == b->prot;
}

/* 2 if list has r, 1 if it has r's range with another protection, else 0. */
static int listed(const struct ref_region *r, const struct ref_region *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].start == r->start && list[i].end == r->end)
			return same_region(r, &list[i]) ? 2 : 1;
	return 0;
}

/* Copies [a, a + n) from the reference into uopsim's memory. With
 * `check`, copies nothing but returns 1 and the first differing address
 * in *where if the two differ. Without `all`, only pages that differ are
 * written (a write marks code pages stale in the block cache). Returns -1
 * if the reference cannot read the block. */
static int copy_block(struct lockstep *ls, uint64_t a, size_t n, int all, int check, uint64_t *where)
{
	if (ls->ops->read_memory(ls->r, a, ls->ref_chunk, n, ls->err, sizeof ls->err))
		return -1;
	if (all && !check) {
		gmem_poke(ls->cpu.memory, a, ls->ref_chunk, n);
		return 0;
	}
	gmem_peek(ls->cpu.memory, a, ls->our_chunk, n);
	for (size_t off = 0; off < n; off += GUEST_PAGE_SIZE) {
		if (!memcmp(ls->ref_chunk + off, ls->our_chunk + off, GUEST_PAGE_SIZE))
			continue;
		if (check) {
			size_t i = 0;
			while (ls->ref_chunk[off + i] == ls->our_chunk[off + i])
				i++;
			*where = a + off + i;
			return 1;
		}
		gmem_poke(ls->cpu.memory, a + off, ls->ref_chunk + off, GUEST_PAGE_SIZE);
	}
	return 0;
}

/* copy_block over [start, end) in chunks; pages the reference cannot read
 * (a file mapping past the end of its file) are left alone. */
static int copy_range(struct lockstep *ls, uint64_t start, uint64_t end, int all, int check, uint64_t *where)
{
	for (uint64_t a = start; a < end; a += CHUNK) {
		size_t n = end - a < CHUNK ? (size_t)(end - a) : CHUNK;
		int d = copy_block(ls, a, n, all, check, where);
		for (size_t off = 0; d < 0 && off < n; off += GUEST_PAGE_SIZE)
			if (copy_block(ls, a + off, GUEST_PAGE_SIZE, all, check, where) > 0)
				return 1;
		if (d > 0)
			return 1;
	}
	return 0;
}

/* Brings uopsim's mappings and memory to the reference's: mappings that
 * went or changed their bounds are unmapped, new ones mapped and copied
 * whole, those whose protection changed reprotected, and pages of writable
 * ones copied where they differ. `renew` (after execve) treats every
 * mapping as new. */
static int mirror_memory(struct lockstep *ls, int renew)
{
	struct ref_region *now;
	size_t n;
	if (ls->ops->regions(ls->r, &now, &n, ls->err, sizeof ls->err))
		return fail(ls);
	for (size_t i = 0; i < ls->nregions; i++) {
		const struct ref_region *o = &ls->regions[i];
		if (renew || !listed(o, now, n))
			gmem_unmap(ls->cpu.memory, o->start, o->end - o->start);
	}
	for (size_t i = 0; i < n; i++) {
		const struct ref_region *m = &now[i];
		int seen = renew ? 0 : listed(m, ls->regions, ls->nregions);
		if (seen == 1) {
			/* Only the protection changed (mprotect): its pages are
			 * compared like a writable mapping's. */
			gmem_protect(ls->cpu.memory, m->start, m->end - m->start, m->prot);
			if (m->prot)
				copy_range(ls, m->start, m->end, 0, 0, NULL);
			continue;
		}
		int known = seen == 2;
		if (!known && gmem_map(ls->cpu.memory, m->start, m->end - m->start, m->prot)) {
			snprintf(ls->err, sizeof ls->err, "cannot map %#" PRIx64 "-%#" PRIx64 " on uopsim's side",
			         m->start, m->end);
			free(now);
			return fail(ls);
		}
		/* PROT_NONE mappings (guard pages, reservations) have nothing to
		 * read; they are copied when a protection change makes them new. */
		if (!known && m->prot)
			copy_range(ls, m->start, m->end, 1, 0, NULL);
		else if (known && (m->prot & GUEST_WRITE))
			copy_range(ls, m->start, m->end, 0, 0, NULL);
	}
	free(ls->regions);
	ls->regions = now;
	ls->nregions = n;
	return 0;
}

/* The first writable address whose contents differ, or 0. */
static int memory_differs(struct lockstep *ls, uint64_t *where)
{
	for (size_t i = 0; i < ls->nregions; i++) {
		const struct ref_region *m = &ls->regions[i];
		if ((m->prot & GUEST_WRITE) && copy_range(ls, m->start, m->end, 0, 1, where))
			return 1;
	}
	return 0;
}

/* uopsim takes the reference's whole state and memory (at the first
 * compared instruction, after a system call, after a signal). */
static int mirror(struct lockstep *ls, int renew)
{
	ls->cpu.state = ls->ref;
	if (!ls->mirrored)
		renew = 1;
	ls->mirrored = 1;
	return mirror_memory(ls, renew);
}

/* Copies [start, end) afresh where the reference has it mapped. */
static void recopy(struct lockstep *ls, uint64_t start, uint64_t end)
{
	for (size_t i = 0; i < ls->nregions; i++) {
		const struct ref_region *m = &ls->regions[i];
		uint64_t a = m->start > start ? m->start : start, b = m->end < end ? m->end : end;
		if (a < b && m->prot)
			copy_range(ls, a, b, 0, 0, NULL);
	}
}

/* ---- comparison and the divergence report ---- */

static uint64_t gpr_mask(const struct lockstep *ls)
{
	return ls->mode == X86_MODE_64 ? ~0ull : 0xffffffffull;
}

static unsigned gpr_count(const struct lockstep *ls)
{
	return ls->mode == X86_MODE_64 ? 16 : 8;
}

/* The abridged tag (FXSAVE's: one bit per physical register, set if not
 * empty). */
static unsigned valid_regs(const struct x86_state *s)
{
	unsigned v = 0;
	for (unsigned i = 0; i < 8; i++)
		if (((s->fpu_tag >> (2 * i)) & 3) != 3)
			v |= 1u << i;
	return v;
}

static const char *const gpr64[] = { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
	                             "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15" };
static const char *const gpr32[] = { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" };

/* One line of the report: name, the two values, and a mark if they
 * differ. Returns 1 if they differ. */
static int row(FILE *f, const char *name, const char *ref, const char *ours, int differs)
{
	if (f)
		fprintf(f, "  %-8s %-34s %-34s%s\n", name, ref, ours, differs ? "  <-- differs" : "");
	return differs;
}

static int row64(FILE *f, const char *name, uint64_t ref, uint64_t ours, int digits)
{
	char a[40], b[40];
	if (!f)
		return ref != ours;
	snprintf(a, sizeof a, "0x%0*" PRIx64, digits, ref);
	snprintf(b, sizeof b, "0x%0*" PRIx64, digits, ours);
	return row(f, name, a, b, ref != ours);
}

static void flag_text(uint64_t flags, uint64_t undefined, char *buf, size_t size)
{
	static const struct {
		uint64_t bit;
		const char *name;
	} names[] = { { FLAG_OF, "OF" }, { FLAG_DF, "DF" }, { FLAG_SF, "SF" }, { FLAG_ZF, "ZF" },
		      { FLAG_AF, "AF" }, { FLAG_PF, "PF" }, { FLAG_CF, "CF" } };
	int n = snprintf(buf, size, "0x%06" PRIx64, flags);
	for (size_t i = 0; i < sizeof names / sizeof names[0] && n > 0 && (size_t)n < size; i++)
		if (flags & names[i].bit)
			n += snprintf(buf + n, size - (size_t)n, " %s%s", names[i].name,
			              undefined & names[i].bit ? "?" : "");
}

/* The x87 condition codes an instruction leaves undefined (SDM vol. 2,
 * "FPU Flags Affected" of each x87 instruction): C0, C2 and C3 after every
 * x87 instruction but the comparisons, FXAM and FPREM/FPREM1 (which set
 * them) and those that load or initialize the whole environment; C0 and C3
 * after FSIN, FCOS, FSINCOS and FPTAN (C2 says the operand was out of
 * range). As undefined flags, they are not compared but taken from the
 * reference (qemu sets C2 after FSQRT of a negative number, the CPU and
 * uopsim do not). */
unsigned lockstep_x87_undefined_cc(const struct x86_insn *insn)
{
	enum { C0 = 0x100, C2 = 0x400, C3 = 0x4000 };
	if (insn->encoding != X86_ENC_LEGACY || insn->map != 0 || insn->opcode < 0xd8 || insn->opcode > 0xdf)
		return 0;
	switch (insn->form) {
	case X86_FORM_FCOM_m32fp: case X86_FORM_FCOM_m64fp: case X86_FORM_FICOM_m32int: case X86_FORM_FICOM_m16int:
	case X86_FORM_FCOMP_m32fp: case X86_FORM_FCOMP_m64fp: case X86_FORM_FICOMP_m32int: case X86_FORM_FICOMP_m16int:
	case X86_FORM_FCOM_STi: case X86_FORM_FCOMP_STi: case X86_FORM_FUCOM_STi: case X86_FORM_FUCOMP_STi:
	case X86_FORM_FCOMPP: case X86_FORM_FUCOMPP: case X86_FORM_FCOM2_STi: case X86_FORM_FCOMP3_STi:
	case X86_FORM_FCOMP5_STi: case X86_FORM_FCOMI_ST0_STi: case X86_FORM_FCOMIP_ST0_STi:
	case X86_FORM_FUCOMI_ST0_STi: case X86_FORM_FUCOMIP_ST0_STi: case X86_FORM_FTST: case X86_FORM_FXAM:
	case X86_FORM_FPREM: case X86_FORM_FPREM1: case X86_FORM_FLDENV_m14_28byte:
	case X86_FORM_FRSTOR_m94_108byte: case X86_FORM_FNINIT: case X86_FORM_FNSAVE_m94_108byte:
		return 0;
	case X86_FORM_FSIN: case X86_FORM_FCOS: case X86_FORM_FSINCOS: case X86_FORM_FPTAN:
		return C0 | C3;
	default:
		return C0 | C2 | C3;
	}
}

/* Whether two x87 values are equal or neighbours (1 ulp apart): the same
 * sign, and exponent:fraction, read as one number, differ by at most 1. */
int lockstep_within_one_ulp(const struct x87_reg *a, const struct x87_reg *b)
{
	if ((a->sign_exponent ^ b->sign_exponent) & 0x8000)
		return 0;
	unsigned __int128 x = (unsigned __int128)(a->sign_exponent & 0x7fff) << 63 | (a->significand & INT64_MAX);
	unsigned __int128 y = (unsigned __int128)(b->sign_exponent & 0x7fff) << 63 | (b->significand & INT64_MAX);
	return x - y + 1 <= 2; /* x == y - 1, y or y + 1 */
}

/* After an x87 instruction whose result's last bit the reference computes
 * otherwise (REF_BLIND_FPU_LAST_BIT): the reference's registers 1 ulp
 * away from uopsim's take uopsim's values (which are the CPU's). Returns
 * whether any did. */
static int give_last_bit(struct x86_state *ref, const struct x86_state *ours, enum x86_form form)
{
	if (form != X86_FORM_FYL2X && form != X86_FORM_FYL2XP1 && form != X86_FORM_FPATAN && form != X86_FORM_F2XM1)
		return 0;
	int changed = 0;
	for (int i = 0; i < 8; i++)
		if (memcmp(&ref->st[i], &ours->st[i], sizeof ref->st[i]) &&
		    lockstep_within_one_ulp(&ref->st[i], &ours->st[i])) {
			ref->st[i] = ours->st[i];
			changed = 1;
		}
	return changed;
}

/* What the reference gets wrong (enum ref_blind: x87 status bits C1 and
 * DE, the quotient bits C0, C3, C1 of FPREM1, the last bit of some
 * transcendentals, OF, SF and AF after FCOMI, TF in PUSHF's image) is
 * uopsim's on both sides:
 * the reference is given it, so that the program goes on (FNSTSW,
 * FNSTENV, a stored result, a branch...) as on the CPU. Returns -1 if the
 * back end fails. */
static int correct_reference(struct lockstep *ls)
{
	const struct ref_ops *ops = ls->ops;
	struct x86_state *ours = &ls->cpu.state;
	enum x86_form form = ls->cpu.insn.form;
	int give = (ops->blind & REF_BLIND_FPU_LAST_BIT) && give_last_bit(&ls->ref, ours, form);
	const uint64_t osa = FLAG_OF | FLAG_SF | FLAG_AF;
	if ((ops->blind & REF_BLIND_FCOMI_OSA) &&
	    (form == X86_FORM_FCOMI_ST0_STi || form == X86_FORM_FCOMIP_ST0_STi || form == X86_FORM_FUCOMI_ST0_STi ||
	     form == X86_FORM_FUCOMIP_ST0_STi) &&
	    ((ls->ref.rflags ^ ours->rflags) & osa)) {
		ls->ref.rflags = (ls->ref.rflags & ~osa) | (ours->rflags & osa);
		give = 1;
	}
	unsigned fsw = (ops->blind & REF_BLIND_FPU_C1 ? 0x200u : 0) | (ops->blind & REF_BLIND_FPU_DE ? 0x2u : 0);
	if ((ops->blind & REF_BLIND_FPREM1_Q) && form == X86_FORM_FPREM1)
		fsw |= 0x4300;
	if ((ls->ref.fpu_status ^ ours->fpu_status) & fsw) {
		ls->ref.fpu_status = (uint16_t)((ls->ref.fpu_status & ~fsw) | (ours->fpu_status & fsw));
		give = 1;
	}
	if ((ops->blind & REF_BLIND_PUSHF_TF) &&
	    (form == X86_FORM_PUSHF || form == X86_FORM_PUSHFD || form == X86_FORM_PUSHFQ)) {
		/* the image's low word, at the new stack top (SS's base is 0) */
		uint16_t image;
		uint64_t at = ls->ref.gpr[GPR_RSP];
		if (ops->read_memory(ls->r, at, &image, sizeof image, ls->err, sizeof ls->err))
			return -1;
		if (image & FLAG_TF) {
			image &= (uint16_t)~FLAG_TF;
			if (ops->write_memory(ls->r, at, &image, sizeof image, ls->err, sizeof ls->err))
				return -1;
		}
	}
	return give ? ls->ops->set_gprs(ls->r, &ls->ref, ls->err, sizeof ls->err) : 0;
}

/* Compares the reference's state with uopsim's; `undefined` are the
 * flags this instruction leaves undefined. With f, prints every field
 * side by side. Returns the number of fields that differ. */
static int compare(const struct lockstep *ls, const struct x86_state *ref, const struct x86_state *ours,
                   uint64_t undefined, FILE *f)
{
	int d = 0, wide = ls->mode == X86_MODE_64;
	unsigned digits = wide ? 16 : 8;
	char a[80], b[80];
	if (f)
		fprintf(f, "  %-8s %-34s %-34s\n", "", "reference", "uopsim");
	for (unsigned i = 0; i < gpr_count(ls); i++)
		d += row64(f, wide ? gpr64[i] : gpr32[i], ref->gpr[i] & gpr_mask(ls), ours->gpr[i] & gpr_mask(ls),
		           (int)digits);
	d += row64(f, wide ? "rip" : "eip", ref->rip & gpr_mask(ls), ours->rip & gpr_mask(ls), (int)digits);
	uint64_t mask = COMPARED_FLAGS & ~undefined;
	int fd = ((ref->rflags ^ ours->rflags) & mask) != 0;
	if (f) {
		flag_text(ref->rflags, undefined, a, sizeof a);
		flag_text(ours->rflags, undefined, b, sizeof b);
	}
	d += row(f, wide ? "rflags" : "eflags", a, b, fd);
	if (wide) {
		d += row64(f, "fs_base", ref->segment_base[SEG_FS], ours->segment_base[SEG_FS], 16);
		d += row64(f, "gs_base", ref->segment_base[SEG_GS], ours->segment_base[SEG_GS], 16);
	} else {
		static const char *const seg[] = { "es", "cs", "ss", "ds", "fs", "gs" };
		for (unsigned i = 0; i < SEG_COUNT; i++)
			d += row64(f, seg[i], ref->selector[i], ours->selector[i], 4);
	}
	d += row64(f, "fcw", ref->fpu_control, ours->fpu_control, 4);
	d += row64(f, "fsw", ref->fpu_status, ours->fpu_status, 4);
	unsigned rv = valid_regs(ref), ov = valid_regs(ours);
	d += row64(f, "ftw", rv, ov, 2);
	/* x87 registers in stack order, those valid on either side. */
	unsigned rtop = (ref->fpu_status >> 11) & 7, otop = (ours->fpu_status >> 11) & 7;
	for (unsigned i = 0; i < 8; i++) {
		unsigned rp = (rtop + i) & 7, op = (otop + i) & 7;
		int rvalid = (rv >> rp) & 1, ovalid = (ov >> op) & 1;
		if (!rvalid && !ovalid)
			continue;
		const struct x87_reg *x = &ref->st[rp], *y = &ours->st[op];
		int differs = rvalid != ovalid || x->significand != y->significand || x->sign_exponent != y->sign_exponent;
		if (f) {
			snprintf(a, sizeof a, rvalid ? "%04x:%016" PRIx64 : "empty", x->sign_exponent, x->significand);
			snprintf(b, sizeof b, ovalid ? "%04x:%016" PRIx64 : "empty", y->sign_exponent, y->significand);
			char name[8];
			snprintf(name, sizeof name, "st%u", i);
			d += row(f, name, a, b, differs);
		} else {
			d += differs;
		}
	}
	d += row64(f, "mxcsr", ref->mxcsr, ours->mxcsr, 8);
	for (unsigned i = 0; i < (wide ? 16u : 8u); i++) {
		int differs = memcmp(ref->zmm[i], ours->zmm[i], 16) != 0;
		if (f) {
			for (unsigned k = 0; k < 16; k++) {
				snprintf(a + 2 * k, 3, "%02x", ref->zmm[i][15 - k]);
				snprintf(b + 2 * k, 3, "%02x", ours->zmm[i][15 - k]);
			}
			char name[8];
			snprintf(name, sizeof name, "xmm%u", i);
			d += row(f, name, a, b, differs);
		} else {
			d += differs;
		}
	}
	return d;
}

/* The instruction at rip as the disassembler prints it, and its micro-ops. */
static void describe(struct lockstep *ls, uint64_t rip, int uops)
{
	FILE *f = ls->log;
	uint8_t bytes[X86_MAX_INSN_LENGTH];
	size_t avail = ref_fetch(ls, rip, bytes);
	struct x86_insn insn;
	char text[200] = "(bad)";
	int len = x86_decode(bytes, avail, ls->mode, &insn);
	if (len > 0)
		x86_format_intel_bytes(&insn, bytes, rip, text, sizeof text);
	fprintf(f, "  %#" PRIx64 ":", rip);
	for (int i = 0; i < (len > 0 ? len : 1) && i < (int)avail; i++)
		fprintf(f, " %02x", bytes[i]);
	fprintf(f, "\t%s\n", text);
	if (!uops || len <= 0)
		return;
	struct uop u[UOP_MAX_PER_INSN];
	int n = uop_crack(&insn, rip, u);
	if (n < 0)
		fprintf(f, "\t\t; %s: no micro-ops yet\n", x86_form_name((enum x86_form)insn.form));
	for (int i = 0; i < n; i++) {
		uop_format(&u[i], text, sizeof text);
		fprintf(f, "\t\t; %s\n", text);
	}
}

/* The report's head: the instructions before, then this one with its
 * micro-ops. */
static void report_head(struct lockstep *ls, uint64_t rip, const char *what)
{
	FILE *f = ls->log;
	fprintf(f, "uopsim lockstep: divergence at instruction %" PRIu64 " (rip %#" PRIx64 "): %s\n", ls->insn, rip,
	        what);
	unsigned first = ls->nhistory > HISTORY ? ls->nhistory - HISTORY : 0;
	if (first < ls->nhistory)
		fprintf(f, "last instructions:\n");
	for (unsigned i = first; i < ls->nhistory; i++) {
		fprintf(f, "  #%" PRIu64, ls->history[i % HISTORY].insn);
		describe(ls, ls->history[i % HISTORY].rip, 0);
	}
	fprintf(f, "instruction %" PRIu64 ":\n", ls->insn);
	describe(ls, rip, 1);
}

static enum lockstep_result diverged(struct lockstep *ls, uint64_t rip, const char *what, uint64_t undefined)
{
	report_head(ls, rip, what);
	fprintf(ls->log, "state after it:\n");
	compare(ls, &ls->ref, &ls->cpu.state, undefined, ls->log);
	return LOCKSTEP_DIVERGED;
}

static const char *event_name(enum cpu_event e, const struct cpu *cpu, char *buf, size_t size)
{
	switch (e) {
	case CPU_OK: return "completed it";
	case CPU_SYSCALL: return "took it as a system call";
	case CPU_NO_CRACK:
		snprintf(buf, size, "has no micro-ops for %s", x86_form_name((enum x86_form)cpu->insn.form));
		return buf;
	case CPU_FAULT: break;
	}
	snprintf(buf, size, "raised exception %u (%s)", cpu->last.vector, strsignal(signal_of_vector(cpu->last.vector)));
	return buf;
}

/* ---- implementation-specific stores ---- */

/* Bytes of a memory image that the SDM leaves to the processor, copied
 * from the reference after uopsim's store like undefined flags: FXSAVE's
 * FOP, FIP and FDP, which AMD processors store only while an x87
 * exception is pending (AMD APM vol. 5, FXSAVE), and MXCSR_MASK, the
 * processor's own supported-bits mask (SDM vol. 1, 11.6.6; AMD's has bit
 * 17, MM). */
static const struct implementation_bytes {
	uint16_t form; /* enum x86_form */
	uint16_t from, to; /* [from, to) of the image */
} implementation_bytes[] = {
	{ X86_FORM_FXSAVE_Mfx, 6, 24 },
	{ X86_FORM_FXSAVE_Mfx, 28, 32 },
	{ X86_FORM_FXSAVE64_Mfx, 6, 24 },
	{ X86_FORM_FXSAVE64_Mfx, 28, 32 },
};

/* After uopsim completed insn (micro-ops u[0..n)) at rip: where its first
 * store went, from the store-address micro-op's operands. */
static uint64_t store_address(struct lockstep *ls, const struct uop *u, int n, uint64_t rip, unsigned length)
{
	struct uop_exec x;
	uop_exec_init(&x, &ls->cpu.state, ls->cpu.memory, &ls->cpu.env, ls->mode);
	x.next_rip = (rip + length) & gpr_mask(ls);
	for (int i = 0; i < n; i++) {
		if (u[i].op != UOP_STA)
			continue;
		uint64_t ea = *x.reg[u[i].src[1]] + (*x.reg[u[i].src[2]] << u[i].scale) + (uint64_t)u[i].imm;
		if (u[i].asize < 8)
			ea &= (1ull << (8 * u[i].asize)) - 1;
		return (*x.reg[u[i].src[0]] + ea) & gpr_mask(ls);
	}
	return 0;
}

static void copy_implementation_bytes(struct lockstep *ls, const struct x86_insn *insn, const struct uop *u,
                                      int n, uint64_t rip)
{
	for (size_t i = 0; i < sizeof implementation_bytes / sizeof implementation_bytes[0]; i++) {
		const struct implementation_bytes *b = &implementation_bytes[i];
		if (b->form != insn->form)
			continue;
		uint8_t bytes[64];
		uint64_t at = store_address(ls, u, n, rip, insn->length) + b->from;
		if (!ls->ops->read_memory(ls->r, at, bytes, b->to - b->from, ls->err, sizeof ls->err))
			gmem_poke(ls->cpu.memory, at, bytes, b->to - b->from);
	}
}

/* ---- the loop ---- */

enum insn_kind { K_OTHER, K_CPUID, K_SYSCALL };

/* System calls the reference is not allowed to make: rseq(2) registers a
 * structure that the kernel rewrites whenever the program is scheduled,
 * behind both sides' backs. The C library copes with -ENOSYS. */
static int denied_syscall(const struct lockstep *ls, uint64_t nr)
{
	return ls->mode == X86_MODE_64 ? nr == 334 : nr == 386;
}

static int is_execve(const struct lockstep *ls, uint64_t nr)
{
	return ls->mode == X86_MODE_64 ? nr == 59 || nr == 322 : nr == 11 || nr == 358;
}

/* mmap(2) (i386: mmap2) may replace a mapping by one with the same bounds
 * and protection (MAP_FIXED), which the list of regions does not show:
 * the range it returns is copied afresh. */
static int is_mmap(const struct lockstep *ls, uint64_t nr)
{
	return ls->mode == X86_MODE_64 ? nr == 9 : nr == 192;
}

/* clone(2) or clone3(2) starting a thread (CLONE_VM without CLONE_VFORK):
 * the new thread would run natively, untraced, and write the memory both
 * sides share. (fork and vfork are fine: the child runs natively on its
 * own memory; a vfork child's writes happen before the call returns.) */
static int starts_thread(struct lockstep *ls, uint64_t nr)
{
	enum { CLONE_VM_ = 0x100, CLONE_VFORK_ = 0x4000 };
	uint64_t flags;
	if (nr == 435) { /* clone3(struct clone_args *): flags come first */
		if (ls->ops->read_memory(ls->r, ls->ref.gpr[GPR_RDI] & gpr_mask(ls), &flags, 8, ls->err,
		                         sizeof ls->err))
			return 0;
	} else if (nr == (ls->mode == X86_MODE_64 ? 56u : 120u)) {
		flags = ls->ref.gpr[ls->mode == X86_MODE_64 ? GPR_RDI : GPR_RBX];
	} else {
		return 0;
	}
	return (flags & CLONE_VM_) && !(flags & CLONE_VFORK_);
}

/* A number no kernel has a system call for: the call fails with -ENOSYS. */
#define NO_SYSCALL 65535

static void remember(struct lockstep *ls, uint64_t rip)
{
	ls->history[ls->nhistory % HISTORY].insn = ls->insn;
	ls->history[ls->nhistory % HISTORY].rip = rip;
	ls->nhistory++;
}

/* CPUID: uopsim's answer on the reference's registers, which then skips
 * the instruction (CPUID in 64-bit mode zero-extends into RAX-RDX). */
static int ref_cpuid(struct lockstep *ls, unsigned length)
{
	uint32_t out[4];
	cpuid_query(NULL, (uint32_t)ls->ref.gpr[GPR_RAX], (uint32_t)ls->ref.gpr[GPR_RCX], out);
	static const int dst[4] = { GPR_RAX, GPR_RBX, GPR_RCX, GPR_RDX };
	for (unsigned i = 0; i < 4; i++)
		ls->ref.gpr[dst[i]] = out[i];
	ls->ref.rip = (ls->ref.rip + length) & gpr_mask(ls);
	if (ls->ops->set_gprs(ls->r, &ls->ref, ls->err, sizeof ls->err))
		return fail(ls);
	return 0;
}

/* i386 set_thread_area(struct user_desc *): after a successful call the
 * descriptor's entry_number and base_addr are in the reference's memory. */
static void track_tls(struct lockstep *ls, uint64_t desc)
{
	uint32_t d[2];
	if (ls->ops->read_memory(ls->r, desc, d, sizeof d, ls->err, sizeof ls->err))
		return;
	if (d[0] >= TLS_FIRST && d[0] < TLS_FIRST + TLS_COUNT) {
		ls->tls[d[0] - TLS_FIRST].used = 1;
		ls->tls[d[0] - TLS_FIRST].base = d[1];
	}
}

static enum lockstep_result finish(struct lockstep *ls, int status)
{
	ls->sum->exit_status = status;
	ls->sum->exited = 1;
	return LOCKSTEP_SAME;
}

/* One system-call instruction: the reference runs it, uopsim takes its
 * effects. */
static enum lockstep_result syscall_step(struct lockstep *ls, uint64_t rip, int compared)
{
	uint64_t nr = ls->ref.gpr[GPR_RAX] & gpr_mask(ls), where;
	if (compared && memory_differs(ls, &where)) {
		uint8_t a[16] = { 0 }, b[16] = { 0 };
		uint64_t at = where & ~15ull;
		ls->ops->read_memory(ls->r, at, a, sizeof a, ls->err, sizeof ls->err);
		gmem_peek(ls->cpu.memory, at, b, sizeof b);
		char what[160];
		snprintf(what, sizeof what, "memory at %#" PRIx64 " differs before this system call (%" PRIu64 ")",
		         where, nr);
		report_head(ls, rip, what);
		fprintf(ls->log, "  %#" PRIx64 " reference:", at);
		for (unsigned i = 0; i < 16; i++)
			fprintf(ls->log, " %02x", a[i]);
		fprintf(ls->log, "\n  %#" PRIx64 " uopsim:   ", at);
		for (unsigned i = 0; i < 16; i++)
			fprintf(ls->log, " %02x", b[i]);
		fprintf(ls->log, "\n(a store between the previous system call and this one went wrong)\n");
		return LOCKSTEP_DIVERGED;
	}
	if (starts_thread(ls, nr)) {
		fprintf(ls->log,
		        "uopsim lockstep: instruction %" PRIu64 " (rip %#" PRIx64
		        ") starts a thread; lockstep follows single-threaded programs only\n",
		        ls->insn, rip);
		return LOCKSTEP_ERROR;
	}
	int denied = denied_syscall(ls, nr);
	if (denied) {
		ls->ref.gpr[GPR_RAX] = NO_SYSCALL;
		if (ls->ops->set_gprs(ls->r, &ls->ref, ls->err, sizeof ls->err))
			return fail(ls), LOCKSTEP_ERROR;
	}
	uint64_t arg1 = ls->ref.gpr[GPR_RBX] & 0xffffffff;
	uint64_t length = ls->ref.gpr[ls->mode == X86_MODE_64 ? GPR_RSI : GPR_RCX] & gpr_mask(ls);
	int sig = 0;
	enum ref_stop stop = ls->ops->step(ls->r, &sig, ls->err, sizeof ls->err);
	if (stop == REF_ERROR)
		return fail(ls), LOCKSTEP_ERROR;
	if (stop == REF_EXITED)
		return finish(ls, sig);
	if (ref_state(ls))
		return LOCKSTEP_ERROR;
	if (denied) {
		ls->ref.gpr[GPR_RAX] = (uint64_t)-ENOSYS & gpr_mask(ls);
		if (ls->ops->set_gprs(ls->r, &ls->ref, ls->err, sizeof ls->err))
			return fail(ls), LOCKSTEP_ERROR;
	}
	int ok = (ls->ref.gpr[GPR_RAX] & gpr_mask(ls)) == 0;
	if (ls->mode != X86_MODE_64 && nr == 243 && ok) {
		track_tls(ls, arg1);
		legacy_bases(ls, &ls->ref);
	}
	int renew = stop == REF_STEPPED && ok && is_execve(ls, nr);
	if (renew && hide_vdso(ls))
		return LOCKSTEP_ERROR;
	if (compared && mirror(ls, renew))
		return LOCKSTEP_ERROR;
	uint64_t result = ls->ref.gpr[GPR_RAX] & gpr_mask(ls);
	if (compared && is_mmap(ls, nr) && result < (uint64_t)-4096 && length)
		recopy(ls, result, result + ((length + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1)));
	ls->sum->syscalls++;
	ls->sum->instructions += compared;
	if (stop == REF_STEPPED)
		ls->insn++;
	else
		ls->sum->signals++;
	return LOCKSTEP_SAME;
}

/* Whether one step of insn may leave the instruction pointer where it
 * was: a REP string iteration, or a relative branch to itself. */
static int stays_in_place(const struct x86_insn *insn, int length)
{
	if (length <= 0)
		return 1; /* undecodable: the step faults, nothing to second-guess */
	if (insn->prefixes & (X86_PREFIX_REP | X86_PREFIX_REPNE))
		return 1;
	for (unsigned i = 0; i < insn->noperands; i++)
		if (insn->operands[i].kind == X86_OP_REL && insn->operands[i].imm == -length)
			return 1;
	return 0;
}

enum lockstep_result lockstep_run(const struct ref_ops *ops, char *const argv[], char *const envp[],
                                  const struct lockstep_options *opt, struct lockstep_summary *summary)
{
	memset(summary, 0, sizeof *summary);
	struct lockstep *ls = aligned_alloc(64, (sizeof *ls + 63) & ~(size_t)63);
	FILE *log = opt->log ? opt->log : stderr;
	if (!ls) {
		fprintf(log, "uopsim lockstep: out of memory\n");
		return LOCKSTEP_ERROR;
	}
	memset(ls, 0, sizeof *ls);
	ls->ops = ops;
	ls->opt = opt;
	ls->sum = summary;
	ls->log = log;
	ls->mode = ops->mode;
	ls->insn = 1;
	ls->ref_chunk = malloc(CHUNK);
	ls->our_chunk = malloc(CHUNK);
	ls->cpu.memory = gmem_create();
	ls->cpu.mode = ops->mode;
	ls->cpu.env = (struct uop_env){
		.context = ls,
		.cpuid = cpuid_query,
		.rdtsc = ref_rdtsc,
		.descriptor = ops->mode == X86_MODE_64 ? NULL : ref_descriptor,
		.tsc_aux = ref_tsc_aux,
	};
	enum lockstep_result result = LOCKSTEP_ERROR;
	if (!ls->ref_chunk || !ls->our_chunk || !ls->cpu.memory) {
		fprintf(log, "uopsim lockstep: out of memory\n");
		goto out;
	}
	ls->r = ops->start(argv, envp, ls->err, sizeof ls->err);
	if (!ls->r) {
		fprintf(log, "uopsim lockstep: %s\n", ls->err);
		goto out;
	}
	if (ref_state(ls) || hide_vdso(ls))
		goto out;
	uint64_t from = opt->from_insn ? opt->from_insn : 1, progress = 100000;
	for (;;) {
		if (opt->max_insns && ls->insn > opt->max_insns) {
			result = LOCKSTEP_SAME;
			break;
		}
		int compared = ls->insn >= from;
		if (compared && !ls->mirrored && mirror(ls, 1))
			break;
		if (opt->verbose && ls->insn >= progress) {
			fprintf(log, "uopsim lockstep: %" PRIu64 " instructions, %" PRIu64 " system calls\n", ls->insn,
			        summary->syscalls);
			progress += 100000;
		}
		uint64_t rip = ls->ref.rip;
		uint8_t bytes[X86_MAX_INSN_LENGTH];
		size_t avail = ref_fetch(ls, rip, bytes);
		struct x86_insn insn;
		int length = x86_decode(bytes, avail, ls->mode, &insn);
		enum insn_kind kind = K_OTHER;
		if (length > 0 && insn.form == X86_FORM_CPUID)
			kind = K_CPUID;
		else if (length > 0 && (insn.form == X86_FORM_SYSCALL ||
		                        (insn.form == X86_FORM_INT_Ib && (insn.operands[0].imm & 0xff) == 0x80)))
			kind = K_SYSCALL;
		remember(ls, rip);
		if (kind == K_SYSCALL) {
			result = syscall_step(ls, rip, compared);
			if (result != LOCKSTEP_SAME || summary->exited)
				break;
			continue;
		}
		int sig = 0;
		enum ref_stop stop = REF_STEPPED;
		if (kind == K_CPUID) {
			if (ref_cpuid(ls, (unsigned)length))
				break;
		} else {
			stop = ops->step(ls->r, &sig, ls->err, sizeof ls->err);
			if (stop == REF_ERROR) {
				fail(ls);
				break;
			}
			if (stop == REF_EXITED) {
				result = finish(ls, sig);
				break;
			}
			if (ref_state(ls))
				break;
			/* qemu-i386's stub sometimes reports a completed step
			 * when a host signal (a guest timer) interrupted it before
			 * the instruction ran: EIP has not moved. Only a REP string
			 * iteration or a branch to itself may stay in place; any
			 * other instruction is stepped again. */
			for (int again = 0; again < 3 && stop == REF_STEPPED && ls->ref.rip == rip &&
			                    !stays_in_place(&insn, length);
			     again++) {
				stop = ops->step(ls->r, &sig, ls->err, sizeof ls->err);
				if (stop == REF_ERROR || stop == REF_EXITED || ref_state(ls))
					break;
			}
			if (stop == REF_ERROR) {
				fail(ls);
				break;
			}
			if (stop == REF_EXITED) {
				result = finish(ls, sig);
				break;
			}
		}
		if (stop == REF_SIGNAL) {
			/* Delivered before the instruction: nothing to compare. */
			summary->signals++;
			if (compared && mirror(ls, 0))
				break;
			continue;
		}
		if (!compared) {
			if (stop == REF_STEPPED && !(ls->ref.rip == rip && (insn.prefixes & (X86_PREFIX_REP | X86_PREFIX_REPNE))))
				ls->insn++;
			continue;
		}
		enum cpu_event e = cpu_step(&ls->cpu);
		/* The CPU leaves a REP string instruction with the iteration that
		 * exhausts the count (SDM vol. 2, REP: "IF CountReg = 0 THEN exit
		 * WHILE loop" after the decrement); uopsim's micro-ops find the
		 * count exhausted at the start of one more step, which only moves
		 * RIP on. */
		if (e == CPU_OK && ls->cpu.last.repeating && stop == REF_STEPPED && ls->ref.rip != rip)
			e = cpu_step(&ls->cpu);
		char buf[160], what[300];
		if (stop == REF_FAULT) {
			if (e != CPU_FAULT || signal_of_vector(ls->cpu.last.vector) != sig) {
				snprintf(what, sizeof what, "the reference got %s, uopsim %s", strsignal(sig),
				         event_name(e, &ls->cpu, buf, sizeof buf));
				result = diverged(ls, rip, what, 0);
				break;
			}
			/* The same fault: take the frame the kernel built. */
			summary->signals++;
			if (mirror(ls, 0))
				break;
			continue;
		}
		if (e != CPU_OK) {
			snprintf(what, sizeof what, "the reference completed the instruction, uopsim %s",
			         event_name(e, &ls->cpu, buf, sizeof buf));
			result = diverged(ls, rip, what, 0);
			break;
		}
		if (opt->inject_divergence == ls->insn)
			ls->cpu.state.gpr[GPR_RAX] ^= 1;
		/* Flags this instruction leaves undefined: not compared, then
		 * taken from the reference (SDM vol. 2, "Flags Affected"). */
		struct uop u[UOP_MAX_PER_INSN];
		uint64_t undefined = 0, defined;
		int n = uop_crack(&ls->cpu.insn, rip, u);
		if (n > 0) {
			flag_effects(u, n, &undefined, &defined);
			copy_implementation_bytes(ls, &ls->cpu.insn, u, n, rip);
		}
		if (ops->blind & REF_BLIND_FPU_TAG)
			ls->ref.fpu_tag = ls->cpu.state.fpu_tag;
		unsigned cc = lockstep_x87_undefined_cc(&ls->cpu.insn);
		ls->cpu.state.fpu_status = (uint16_t)((ls->cpu.state.fpu_status & ~cc) | (ls->ref.fpu_status & cc));
		if (correct_reference(ls)) {
			fail(ls);
			break;
		}
		if (compare(ls, &ls->ref, &ls->cpu.state, undefined, NULL)) {
			result = diverged(ls, rip, "the states differ", undefined);
			break;
		}
		ls->cpu.state.rflags = (ls->cpu.state.rflags & ~undefined) | (ls->ref.rflags & undefined);
		if (!ls->cpu.last.repeating) {
			summary->instructions++;
			ls->insn++;
		}
	}
out:
	if (ls->r)
		ops->destroy(ls->r);
	if (ls->cpu.memory)
		gmem_destroy(ls->cpu.memory);
	free(ls->regions);
	free(ls->ref_chunk);
	free(ls->our_chunk);
	free(ls);
	return result;
}
