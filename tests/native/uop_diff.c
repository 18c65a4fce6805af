/* uop_diff.c - differential test of the functional engine against this
 * machine's CPU: random sequences of general-purpose instructions run
 * natively (tests/native/native_run.c, in a forked child) and in uopsim
 * (decode -> crack -> execute micro-ops), from the same registers and
 * memory; every GPR, RIP, the defined arithmetic flags, DF and the data
 * memory must agree, and so must the fault when there is one.
 *
 * Sequences: each instruction is generated as prefixes + opcode + ModRM +
 * immediate bytes and decoded by uopsim's decoder (which the Zydis
 * differential test checks); memory operands are made RIP-relative into a
 * data page so that no instruction in the sequence can point them away.
 * Flags the SDM leaves undefined (the host is AMD and fills them its own
 * way) are tracked as "poisoned": they are not compared, and no later
 * instruction that reads a poisoned flag is generated.
 *
 * usage: uop-diff [--isa gp|sse|x87|bmi] [--blocks] [--native-step] [--only-case K] [--from-case K] [--cases N]
 *                 [--length L] [--seed S] [--max-report K] [--verbose]
 *        uop-diff --code FILE [--blocks] [--native-step] [--cases N] [--seed S]
 * --only-case K runs case K alone and --from-case K cases K..N-1: the same
 * sequences and states as in the full run (every case is still generated).
 * --native-step single-steps the native side (see native_step).
 * The second form runs a curated, assembled code file (raw bytes, loaded at
 * the code address; tests/native/curated/) from N random initial states,
 * with the flags left undefined by any of its instructions not compared.
 * Prints "N passed, N failed" (cases) and exits non-zero on any divergence. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "decoder/x86_decode.h"
#include "machine/blocks.h"
#include "machine/cpu.h"
#include "machine/memory.h"
#include "lockstep/flag_rules.h"
#include "tests/native/native_run.h"
#include "tests/native/seqgen.h"

#define CODE_ADDR 0x20000000ull
#define CODE_SIZE 0x4000ull
#define DATA_ADDR 0x20010000ull
#define DATA_SIZE 0x1000ull
#define STACK_ADDR 0x20020000ull
#define STACK_SIZE 0x2000ull
#define MAX_LENGTH SEQGEN_MAX_LENGTH

static uint64_t rng_state;

/* Which instructions random sequences draw from (--isa). */
enum isa {
	ISA_GP,  /* general-purpose: one-byte and 0F maps */
	ISA_SSE, /* MMX/SSE..SSE4.2 (0F, 0F 38, 0F 3A with 66/F2/F3), mixed with GP */
	ISA_X87, /* x87 escapes D8-DF, mixed with GP */
	ISA_BMI, /* BMI1/BMI2: VEX3 (C4) maps 0F38/0F3A, L=0, mixed with GP */
};
static enum isa isa = ISA_GP;
/* --blocks: run through the decoded-block cache (cpu_run: blocks, dead
 * flag elimination) instead of one instruction at a time (cpu_step). */
static int use_blocks;
/* The case being run, for the report (--only-case N reruns just it). */
static unsigned report_case;
/* --native-step: the native side runs single-stepped (native_case.max_steps),
 * so that after every instruction the kernel saves the FPU/SSE/AVX state
 * into a signal frame and restores it, as a context switch (or the kernel's
 * own use of the FPU) may do at any point of an ordinary run. State that
 * does not survive that (this host: the x87 instruction and operand
 * pointers, see x87_image_fields) then differs on every run instead of once
 * in ~10^5 cases under load. Sequences with PUSHF (which would push TF) and
 * cases that step more than NATIVE_STEP_LIMIT times run unstepped. */
static int native_step;
#define NATIVE_STEP_LIMIT 2048

static uint64_t rnd(void)
{
	return seqgen_rnd(&rng_state);
}

static unsigned rnd_below(unsigned n)
{
	return seqgen_rnd_below(&rng_state, n);
}

/* Register values with the edge cases that break flag logic. */
static uint64_t interesting_value(void)
{
	static const uint64_t special[] = {
		0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
		0x7FFFFFFFFFFFFFFFull, 0x8000000000000000ull, ~0ull, 31, 32, 63, 64, 0x100000000ull,
	};
	return seqgen_interesting(&rng_state, special, sizeof special / sizeof special[0]);
}

/* 64-bit patterns that are interesting as two floats or one double. */
static uint64_t interesting_fp(void)
{
	static const uint32_t floats[] = {
		0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000,
		0x7FA00000, 0x00000001, 0x807FFFFF, 0x7F7FFFFF, 0x00800000, 0x4F000000, 0xCF000000, 0x3EAAAAAB,
	};
	static const uint64_t doubles[] = {
		0, 0x8000000000000000ull, 0x3FF0000000000000ull, 0xBFF0000000000000ull, 0x7FF0000000000000ull,
		0xFFF0000000000000ull, 0x7FF8000000000000ull, 0x7FF4000000000000ull, 0x0000000000000001ull,
		0x000FFFFFFFFFFFFFull, 0x7FEFFFFFFFFFFFFFull, 0x0010000000000000ull, 0x43E0000000000000ull,
		0xC3E0000000000000ull, 0x41DFFFFFFFC00000ull, 0x3FD5555555555555ull,
	};
	switch (rnd_below(3)) {
	case 0:
		return (uint64_t)floats[rnd_below(16)] | (uint64_t)floats[rnd_below(16)] << 32;
	case 1:
		return doubles[rnd_below(16)];
	default: {
		/* A random normal number of moderate size as double or float pair. */
		double d = (double)(int64_t)(rnd() >> 20) / (double)(1 + rnd_below(1000));
		uint64_t v;
		memcpy(&v, &d, 8);
		return v;
	}
	}
}

static long double interesting_long_double(void)
{
	static const long double values[] = { 0.0L, -0.0L, 1.0L, -1.0L, 0.5L, 3.0L, 1e300L, -1e-300L,
					      1.0L / 3.0L, 65536.0L, 1e4000L, 2.5L };
	if (rnd_below(3))
		return values[rnd_below(sizeof values / sizeof values[0])];
	return (long double)(int64_t)rnd() / (long double)(1 + rnd_below(100000));
}



/* The SHA extensions (0F 38 C8-CD, 0F 3A CC): the SDM gives them exception type
 * 4, #GP on a misaligned m128 (uopsim does so); the AMD host does not check.
 * Their memory operands are generated aligned, so the difference is not
 * compared. */
static int sha_extension(const struct x86_insn *insn)
{
	return insn->encoding == X86_ENC_LEGACY &&
	       ((insn->map == 2 && insn->opcode >= 0xC8 && insn->opcode <= 0xCD) ||
		(insn->map == 3 && insn->opcode == 0xCC));
}

/* The x87 state images and their bytes that the comparison cannot take
 * from the host as they are:
 *  - FXSAVE: FOP, FIP, FDP (and the 32-bit format's FCS, FDS) are
 *    implementation-specific (SDM vol. 1, 8.1.8-8.1.10 and 10.5.1: the
 *    FOP/FDP update modes; AMD stores them only while an exception is
 *    pending, APM vol. 5, FXSAVE), and so is MXCSR_MASK (11.6.6: 0x2FFFF
 *    on this AMD host, 0xFFFF in uopsim as on Intel): bytes 6-23 and 28-31,
 *    never compared.
 *  - FNSTENV/FNSAVE: FIP, FCS, FOP, FDP, FDS (SDM vol. 1, Figures 8-9 to
 *    8-12) are what the processor has, but on this host they do not survive
 *    the kernel saving and restoring the FPU state, which a context switch
 *    or the kernel's own use of the FPU does at any instruction boundary of
 *    the native run: the 64-bit XSAVE format has no FCS and FDS (SDM vol.
 *    1, 10.5.1), so they come back 0; and with no exception pending
 *    (FSW.ES = 0) FIP, FOP and FDP come back 0 too (AMD saves them only
 *    while ES is set). Measured here: FNSTENV after FLD stores FIP, FCS
 *    0x33, FOP, FDP; with a usleep(0) in between, all zeros; with ES set,
 *    everything but FCS. Under load that hit about one random case in 10^5
 *    ("memory ...: native 00, uopsim 33" at an FNSTENV image's FCS). So the
 *    fields are compared, and a case whose only differences are there is
 *    run again on the host (run_case): it passes if a repeat agrees. A
 *    uopsim error differs on every repeat (FXRSTOR64 keeping FCS and FDS
 *    instead of loading 0 showed so; a rule such as "0 on the host means
 *    lost" would have hidden it). --native-step, which loses them on every
 *    case, does not compare those the host shows as 0 (mask_x87_pointers).
 * Either way a later instruction must not read those bytes into a
 * register, where the difference would show: the generator keeps track of
 * the images of the sequence being generated (x87_images). */
struct x87_image {
	uint64_t addr;
	uint8_t env;          /* FNSTENV/FNSAVE: the format, 16 or 32 (bits); 0: FXSAVE */
	uint8_t lo[2], hi[2]; /* the pointer bytes: [lo, hi) relative to addr */
};

/* The image an instruction stores, if any (addr left 0). */
static int x87_image_fields(const struct x86_insn *insn, struct x87_image *img)
{
	memset(img, 0, sizeof *img);
	switch (insn->form) {
	case X86_FORM_FXSAVE_Mfx: case X86_FORM_FXSAVE64_Mfx:
		img->lo[0] = 6, img->hi[0] = 24;
		img->lo[1] = 28, img->hi[1] = 32;
		return 1;
	case X86_FORM_FNSTENV_m14_28byte: case X86_FORM_FNSAVE_m94_108byte:
		if (insn->operand_size == 16)
			img->env = 16, img->lo[0] = 6, img->hi[0] = 14;
		else
			img->env = 32, img->lo[0] = 12, img->hi[0] = 26;
		return 1;
	default:
		return 0;
	}
}

static struct x87_image x87_images[MAX_LENGTH];
static unsigned nx87_images;

/* One candidate instruction; returns its length or 0 if rejected. */
static int generate_instruction(void *context, uint8_t *out, uint64_t address, uint64_t *poison)
{
	(void)context;
	uint8_t b[32];
	unsigned n = 0;
	enum isa pick = isa != ISA_GP && rnd_below(10) < 7 ? isa : ISA_GP;
	if (pick == ISA_SSE) {
		/* Mandatory-prefix columns, REX, then 0F [38|3A] opcode. */
		static const uint8_t columns[4] = { 0, 0x66, 0xF3, 0xF2 };
		uint8_t column = columns[rnd_below(4)];
		if (column)
			b[n++] = column;
		if (rnd_below(2))
			b[n++] = (uint8_t)(0x40 | rnd_below(16));
		b[n++] = 0x0F;
		unsigned map = rnd_below(8);
		if (map == 0)
			b[n++] = 0x38;
		else if (map == 1)
			b[n++] = 0x3A;
		b[n++] = (uint8_t)rnd();
	} else if (pick == ISA_BMI) {
		/* C4 RXB.mmmmm W.vvvv.L.pp opcode: map 0F38 (F2 F3 F5 F6 F7; F0/F1
		 * have no VEX form) or 0F3A (F0 = RORX), W random,
		 * L = 0, vvvv random (the By operand), pp as each form needs. */
		static const uint8_t ops38[] = { 0xF2, 0xF3, 0xF5, 0xF6, 0xF7 };
		int map3a = rnd_below(8) == 0;
		uint8_t op = map3a ? 0xF0 : ops38[rnd_below(sizeof ops38)];
		unsigned pp = rnd_below(4);
		if (op == 0xF2)
			pp = 0; /* ANDN */
		else if (map3a)
			pp = 3; /* RORX: F2 */
		b[n++] = 0xC4;
		b[n++] = (uint8_t)((rnd() & 0xE0) | (map3a ? 3 : 2));
		b[n++] = (uint8_t)((rnd() & 0xF8) | pp);
		b[n++] = op;
	} else if (pick == ISA_X87) {
		if (rnd_below(4) == 0)
			b[n++] = 0x66;
		if (rnd_below(4) == 0)
			b[n++] = (uint8_t)(0x40 | rnd_below(16));
		b[n++] = (uint8_t)(0xD8 + rnd_below(8));
	} else {
		if (rnd_below(4) == 0)
			b[n++] = 0x66;
		if (rnd_below(10) == 0)
			b[n++] = rnd_below(2) ? 0xF3 : 0xF2;
		if (rnd_below(2))
			b[n++] = (uint8_t)(0x40 | rnd_below(16));
		if (rnd_below(5) == 0)
			b[n++] = 0x0F;
		b[n++] = (uint8_t)rnd();
	}
	n = seqgen_modrm_and_tail(&rng_state, b, n, 0x05); /* [rip + disp32] */

	struct x86_insn insn;
	struct uop u[UOP_MAX_PER_INSN];
	int nu;
	int len = seqgen_decode(b, n, X86_MODE_64, address, &insn, u, &nu);
	if (!len || seqgen_reject_uops(u, nu, 0, &rng_state) || seqgen_names_stack_pointer(&insn))
		return 0;
	if (sha_extension(&insn) && insn.has_modrm && (insn.modrm >> 6) != 3 && (insn.modrm & 0xC7) != 0x05)
		return 0; /* a SHA memory operand not RIP-relative cannot be aligned (see sha_extension()) */
	if (insn.form == X86_FORM_MASKMOVQ_Pq_Nq)
		return 0; /* stores to a random RDI, so nearly always faults, and a faulting
			     MASKMOVQ leaves the MMX x87-state transition done on the AMD host
			     (the SDM does not say; uopsim keeps the fault precise). The
			     curated sse_int.s runs it on valid addresses. */
	if (insn.form == X86_FORM_LEAVE)
		return 0; /* moves RSP to RBP */
	if (insn.form == X86_FORM_ENTER_Iw_Ib)
		return 0; /* random frame sizes: the host probes 8 bytes below the final RSP,
			     uopsim the final RSP (SDM: unspecified); curated tests */
	if (insn.form == X86_FORM_POPF || insn.form == X86_FORM_POPFD || insn.form == X86_FORM_POPFQ)
		return 0; /* random TF/AC values trap: curated tests cover POPF */
	if (seqgen_reads_poison(u, nu, *poison))
		return 0;
	/* Point a RIP-relative operand into the data page (whole operand inside). */
	if (insn.has_modrm && (insn.modrm >> 6) != 3 && insn.disp_offset) {
		uint64_t target = DATA_ADDR + rnd_below(DATA_SIZE - 64);
		/* SSE: mostly 16-byte aligned, since a misaligned 16-byte operand
		 * of a legacy SSE instruction is #GP and ends the sequence. */
		if (isa == ISA_SSE && rnd_below(4))
			target &= ~15ull;
		if (sha_extension(&insn)) /* see sha_extension() */
			target &= ~15ull;
		if (insn.form == X86_FORM_CMPXCHG16B_Mdq && rnd_below(2))
			target &= ~15ull; /* half aligned (executes), half #GP(0) */
		int32_t disp = (int32_t)(target - (address + (uint64_t)len));
		memcpy(b + insn.disp_offset, &disp, 4);
		if (x86_decode(b, (size_t)len, X86_MODE_64, &insn) != len)
			return 0;
		/* The bytes it may read: FXRSTOR 512, FRSTOR 108... (the
		 * operand's size), at least 64. */
		uint64_t extent = 64;
		for (unsigned i = 0; i < insn.noperands; i++)
			if (insn.operands[i].kind == X86_OP_MEM && insn.operands[i].size / 8u > extent)
				extent = insn.operands[i].size / 8u;
		for (unsigned i = 0; i < nx87_images; i++)
			for (unsigned r = 0; r < 2; r++)
				if (x87_images[i].hi[r] && target < x87_images[i].addr + x87_images[i].hi[r] &&
				    x87_images[i].addr + x87_images[i].lo[r] < target + extent)
					return 0; /* see struct x87_image */
		struct x87_image img;
		if (x87_image_fields(&insn, &img) && nx87_images < MAX_LENGTH) {
			img.addr = target;
			x87_images[nx87_images++] = img;
		}
	}
	return seqgen_accept(out, b, len, u, nu, poison);
}

static void generate_sequence(struct seqgen_sequence *s, unsigned length)
{
	static const struct seqgen_source source = {
		.prog = "uop-diff", .code_addr = CODE_ADDR, .instruction = generate_instruction,
	};
	nx87_images = 0;
	seqgen_generate(s, length, &source);
}

/* A curated code file: the flags any of its instructions may leave
 * undefined (a linear sweep over the code). */
static int load_code_file(const char *path, struct seqgen_sequence *s)
{
	return seqgen_load_code("uop-diff", path, X86_MODE_64, CODE_ADDR, s);
}

static void random_state(struct x86_state *st, uint8_t *data)
{
	native_state_init(st);
	for (int i = 0; i < 16; i++)
		st->gpr[i] = interesting_value();
	st->gpr[GPR_RSP] = STACK_ADDR + STACK_SIZE / 2;
	st->rflags = 0x202 | (rnd() & ARITH_FLAGS) | (rnd_below(8) == 0 ? FLAG_DF : 0);
	/* The selectors a Linux x86-64 process has (the x87 pointers store them). */
	st->selector[SEG_CS] = 0x33;
	st->selector[SEG_SS] = 0x2b;
	for (uint64_t i = 0; i < DATA_SIZE; i += 8) {
		uint64_t v = rnd_below(2) ? interesting_value() : interesting_fp();
		memcpy(data + i, &v, 8);
	}
	/* MXCSR bit 17 is AMD's MM (misaligned SSE allowed, AMD APM vol. 2,
	 * 4.2.2); Intel reserves it (LDMXCSR #GP). No 4-byte window of the data
	 * is a value only AMD's LDMXCSR accepts: set its bit 31 (#GP on both). */
	for (uint64_t i = 0; i + 4 <= DATA_SIZE; i++) {
		uint32_t w;
		memcpy(&w, data + i, 4);
		if ((w & 0x20000) && !(w & ~0x2FFFFu))
			data[i + 3] |= 0x80;
	}
	/* XMM/YMM registers: floating-point edge cases and integer patterns. */
	for (int r = 0; r < 16; r++)
		for (int q = 0; q < 4; q++) {
			uint64_t v = rnd_below(2) ? interesting_fp() : interesting_value();
			memcpy(st->zmm[r] + 8 * q, &v, 8);
		}
	/* MXCSR: all exceptions masked (as at reset); random rounding mode,
	 * FTZ and DAZ now and then. */
	st->mxcsr = 0x1F80 | (rnd_below(4) == 0 ? (unsigned)rnd_below(4) << 13 : 0) |
		    (rnd_below(8) == 0 ? 0x8040 : 0);
	/* x87: a few values on the stack (TOP = 8 - depth), the rest empty. */
	if (isa == ISA_X87) {
		unsigned depth = rnd_below(9);
		unsigned top = (8 - depth) & 7;
		st->fpu_status = (uint16_t)(top << 11);
		st->fpu_tag = 0xFFFF;
		for (unsigned i = 0; i < depth; i++) {
			unsigned phys = (top + i) & 7;
			long double v = interesting_long_double();
			memcpy(&st->st[phys], &v, 10);
			/* The full tag from the contents, as the native side
			 * reconstructs it from FXSAVE's abridged tag (SDM vol. 1, 8.1.7). */
			unsigned e = st->st[phys].sign_exponent & 0x7FFF, tag;
			tag = e == 0x7FFF ? 2 : e == 0 ? (st->st[phys].significand ? 2 : 1)
				: (st->st[phys].significand >> 63) ? 0 : 2;
			st->fpu_tag &= (uint16_t)~((3u ^ tag) << (2 * phys));
		}
		/* Exceptions masked as at reset; now and then another rounding
		 * or precision control. */
		if (rnd_below(4) == 0)
			st->fpu_control = (uint16_t)(0x37F & ~0xF00u) | (uint16_t)(rnd_below(16) << 8);
	}
}

struct outcome {
	int signal;
	unsigned vector; /* the exception, when signal is set */
	uint64_t fault_address;
	struct x86_state state;
	uint8_t data[DATA_SIZE];
	uint64_t executed;
	struct x87_image images[MAX_LENGTH]; /* x87 state images stored, at their addresses */
	unsigned nimages;
};

/* A base or index register's value before the instruction (RIP/EIP: the
 * next instruction's address). */
static uint64_t address_part(unsigned reg, const struct x86_state *st, uint64_t next_rip)
{
	if (reg >= X86_REG_RAX && reg <= X86_REG_R15)
		return st->gpr[reg - X86_REG_RAX];
	if (reg >= X86_REG_EAX && reg <= X86_REG_R15D)
		return (uint32_t)st->gpr[reg - X86_REG_EAX];
	if (reg == X86_REG_RIP)
		return next_rip;
	if (reg == X86_REG_EIP)
		return (uint32_t)next_rip;
	return 0;
}

/* Where the x87 image insn (at rip, about to execute from st) is stored. */
static uint64_t image_address(const struct x86_insn *insn, const struct x86_state *st, uint64_t rip)
{
	const struct x86_mem *m = &insn->operands[0].mem;
	uint64_t next = rip + insn->length;
	uint64_t a = address_part(m->base, st, next) + address_part(m->index, st, next) * m->scale +
		     (uint64_t)m->disp;
	if (insn->address_size == 32)
		a = (uint32_t)a;
	if (m->segment == X86_REG_FS)
		a += st->segment_base[SEG_FS];
	else if (m->segment == X86_REG_GS)
		a += st->segment_base[SEG_GS];
	return a;
}

/* Steps one instruction, recording the x87 state image it stores. */
static enum cpu_event step_recording(struct cpu *cpu, const struct seqgen_sequence *s, struct outcome *o)
{
	struct x86_insn insn;
	struct x87_image img;
	uint64_t rip = cpu->state.rip, offset = rip - CODE_ADDR;
	int image = offset < s->code_len &&
		    x86_decode(s->code + offset, s->code_len - offset, X86_MODE_64, &insn) > 0 &&
		    insn.noperands && insn.operands[0].kind == X86_OP_MEM && x87_image_fields(&insn, &img);
	if (image)
		img.addr = image_address(&insn, &cpu->state, rip);
	enum cpu_event e = cpu_step(cpu);
	if (image && e == CPU_OK && o->nimages < MAX_LENGTH)
		o->images[o->nimages++] = img;
	return e;
}

/* Runs the sequence in uopsim, one instruction at a time (recording the x87
 * images stored) or through the block cache (blocks: no images recorded). */
static void run_uopsim(const struct seqgen_sequence *s, const struct x86_state *initial, const uint8_t *data,
		       struct outcome *o, int blocks)
{
	struct cpu cpu;
	memset(&cpu, 0, sizeof cpu);
	cpu.mode = X86_MODE_64;
	cpu.memory = gmem_create();
	cpu.state = *initial;
	/* The same code pages as the native side: the code and its int3, the
	 * rest of the page filled with int3 (tests/native/native_run.h). */
	uint64_t code_pages = (s->code_len + 1 + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
	gmem_map(cpu.memory, CODE_ADDR, code_pages, GUEST_READ | GUEST_EXEC);
	static uint8_t int3_page[CODE_SIZE];
	memset(int3_page, 0xCC, sizeof int3_page);
	gmem_poke(cpu.memory, CODE_ADDR, int3_page, code_pages);
	gmem_map(cpu.memory, DATA_ADDR, DATA_SIZE, GUEST_READ | GUEST_WRITE);
	gmem_map(cpu.memory, STACK_ADDR, STACK_SIZE, GUEST_READ | GUEST_WRITE);
	gmem_poke(cpu.memory, CODE_ADDR, s->code, s->code_len);
	gmem_poke(cpu.memory, DATA_ADDR, data, DATA_SIZE);
	cpu.state.rip = CODE_ADDR;
	o->signal = 0;
	o->fault_address = 0;
	o->nimages = 0;
	uint64_t end = CODE_ADDR + s->code_len;
	if (blocks) {
		/* The int3 after the code is where the native run stops too. */
		cpu.blocks = block_cache_create();
		enum cpu_event e = cpu_run(&cpu, 100000);
		if (e == CPU_FAULT && cpu.last.vector == VEC_BP && cpu.state.rip == end + 1) {
			cpu.state.rip = end;
		} else if (e != CPU_OK) {
			o->signal = e == CPU_SYSCALL ? SIGSYS : signal_of_vector(cpu.last.vector);
			o->vector = e == CPU_SYSCALL ? 0 : cpu.last.vector;
			o->fault_address = cpu.last.fault_address;
		}
		block_cache_destroy(cpu.blocks);
	} else {
		for (unsigned steps = 0; cpu.state.rip != end && steps < 100000; steps++) {
			enum cpu_event e = step_recording(&cpu, s, o);
			if (e == CPU_OK)
				continue;
			o->signal = e == CPU_SYSCALL ? SIGSYS : signal_of_vector(cpu.last.vector);
			o->vector = e == CPU_SYSCALL ? 0 : cpu.last.vector;
			o->fault_address = cpu.last.fault_address;
			break;
		}
	}
	o->state = cpu.state;
	o->executed = cpu.instructions;
	gmem_peek(cpu.memory, DATA_ADDR, o->data, DATA_SIZE);
	gmem_destroy(cpu.memory);
}

static const char *const gpr_names[16] = { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
					   "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15" };

static void print_sequence(const struct seqgen_sequence *s)
{
	seqgen_print(s, s->count, X86_MODE_64, CODE_ADDR);
}

/* The x87 state images (FNSAVE, FRSTOR, FNSTENV, FLDENV, FXSAVE, FXRSTOR) are
 * accessed piecewise by microcode; which byte of a page-crossing image the
 * processor reports in CR2 is its own (this host names the last byte): such
 * faults compare by page. */
static int multi_access_fault(const struct seqgen_sequence *s, const struct outcome *ours)
{
	if (ours->executed >= s->count)
		return 0;
	struct x86_insn insn;
	size_t offset = s->insn_addr[ours->executed] - CODE_ADDR;
	if (x86_decode(s->code + offset, s->code_len - offset, X86_MODE_64, &insn) <= 0)
		return 0;
	switch (insn.form) {
	case X86_FORM_FNSAVE_m94_108byte: case X86_FORM_FRSTOR_m94_108byte:
	case X86_FORM_FNSTENV_m14_28byte: case X86_FORM_FLDENV_m14_28byte:
	case X86_FORM_FXSAVE_Mfx: case X86_FORM_FXSAVE64_Mfx: case X86_FORM_FXRSTOR_Mfx: case X86_FORM_FXRSTOR64_Mfx:
		return 1;
	default:
		return 0;
	}
}

/* Compares; prints the differences and returns how many there are. */
static int compare(const struct seqgen_sequence *s, const struct x86_state *initial,
		   const struct native_result *nat, const struct outcome *ours, uint64_t flag_mask, int report)
{
	int diffs = 0;
	char lines[4096];
	size_t used = 0;
#define DIFF(...)                                                                                         \
	do {                                                                                              \
		diffs++;                                                                                  \
		if (used < sizeof lines)                                                                  \
			used += (size_t)snprintf(lines + used, sizeof lines - used, __VA_ARGS__);         \
	} while (0)
	int nat_signal = nat->signal == SIGBUS ? SIGSEGV : nat->signal;
	if (nat_signal != ours->signal)
		DIFF("  signal: native %d (%s), uopsim %d (%s)\n", nat->signal, strsignal(nat->signal), ours->signal,
		     strsignal(ours->signal));
	if (nat->final.rip != ours->state.rip)
		DIFF("  rip: native %#llx, uopsim %#llx\n", (unsigned long long)nat->final.rip,
		     (unsigned long long)ours->state.rip);
	for (int i = 0; i < 16; i++)
		if (nat->final.gpr[i] != ours->state.gpr[i])
			DIFF("  %s: native %#llx, uopsim %#llx (initial %#llx)\n", gpr_names[i],
			     (unsigned long long)nat->final.gpr[i], (unsigned long long)ours->state.gpr[i],
			     (unsigned long long)initial->gpr[i]);
	uint64_t nf = nat->final.rflags & flag_mask, of = ours->state.rflags & flag_mask;
	if (nf != of)
		DIFF("  rflags (compared bits %#llx): native %#llx, uopsim %#llx\n", (unsigned long long)flag_mask,
		     (unsigned long long)nf, (unsigned long long)of);
	if (ours->signal == SIGSEGV && nat_signal == SIGSEGV && nat->trapno == 14 &&
	    nat->fault_address != ours->fault_address &&
	    !(multi_access_fault(s, ours) && (nat->fault_address >> 12) == (ours->fault_address >> 12)))
		DIFF("  fault address: native %#llx, uopsim %#llx\n", (unsigned long long)nat->fault_address,
		     (unsigned long long)ours->fault_address);
	/* Vector registers, as far as this host's harness loads and captures
	 * them (AVX: 32 bytes, AVX-512: 64 bytes and zmm16-31). */
	unsigned support = native_state_support();
	unsigned vbytes = (support & 4) ? 64 : (support & 2) ? 32 : 16, vregs = (support & 4) ? 32 : 16;
	for (unsigned r = 0; r < vregs; r++)
		if (memcmp(nat->final.zmm[r], ours->state.zmm[r], vbytes)) {
			char a[200], b[200];
			size_t al = 0, bl = 0;
			for (int i = (int)vbytes - 1; i >= 0; i--) {
				al += (size_t)snprintf(a + al, sizeof a - al, "%02x", nat->final.zmm[r][i]);
				bl += (size_t)snprintf(b + bl, sizeof b - bl, "%02x", ours->state.zmm[r][i]);
			}
			DIFF("  %s%u: native %s\n        uopsim %s\n", vbytes == 64 ? "zmm" : vbytes == 32 ? "ymm" : "xmm",
			     r, a, b);
		}
	if (nat->final.mxcsr != ours->state.mxcsr)
		DIFF("  mxcsr: native %#x, uopsim %#x\n", nat->final.mxcsr, ours->state.mxcsr);
	/* x87: control, status, tags and the registers that hold values. */
	if (nat->final.fpu_control != ours->state.fpu_control)
		DIFF("  fpu control: native %#x, uopsim %#x\n", nat->final.fpu_control, ours->state.fpu_control);
	if (nat->final.fpu_status != ours->state.fpu_status)
		DIFF("  fpu status: native %#x, uopsim %#x\n", nat->final.fpu_status, ours->state.fpu_status);
	if (nat->final.fpu_tag != ours->state.fpu_tag)
		DIFF("  fpu tag: native %#x, uopsim %#x\n", nat->final.fpu_tag, ours->state.fpu_tag);
	for (unsigned i = 0; i < 8; i++) {
		if (((nat->final.fpu_tag >> (2 * i)) & 3) == 3)
			continue; /* empty */
		if (nat->final.st[i].significand != ours->state.st[i].significand ||
		    nat->final.st[i].sign_exponent != ours->state.st[i].sign_exponent)
			DIFF("  physical x87 register R%u: native %04x:%016llx, uopsim %04x:%016llx\n", i,
			     nat->final.st[i].sign_exponent, (unsigned long long)nat->final.st[i].significand,
			     ours->state.st[i].sign_exponent, (unsigned long long)ours->state.st[i].significand);
	}
	if (memcmp(nat->region_after[0], ours->data, DATA_SIZE)) {
		for (unsigned i = 0; i < DATA_SIZE; i++)
			if (nat->region_after[0][i] != ours->data[i]) {
				DIFF("  memory %#llx: native %02x, uopsim %02x\n", (unsigned long long)(DATA_ADDR + i),
				     nat->region_after[0][i], ours->data[i]);
				break;
			}
	}
	if (diffs && report) {
		printf("DIVERGENCE in case %u (rerun it alone with --only-case %u and the same options) after %llu "
		       "instructions:\n",
		       report_case, report_case, (unsigned long long)ours->executed);
		print_sequence(s);
		printf("  initial state:");
		for (int i = 0; i < 16; i++)
			printf("%s%s=%#llx", i % 4 ? " " : "\n    ", gpr_names[i], (unsigned long long)initial->gpr[i]);
		printf("\n    rflags=%#llx\n", (unsigned long long)initial->rflags);
		printf("  native stopped by signal %d (vector %llu, address %#llx)\n", nat->signal,
		       (unsigned long long)nat->trapno, (unsigned long long)nat->fault_address);
		fputs(lines, stdout);
	}
	return diffs;
#undef DIFF
}

/* Which pointer bytes of the x87 images uopsim stored are not compared
 * (struct x87_image): uopsim's take the host's values. FXSAVE's always;
 * FNSTENV/FNSAVE's: MASK_LOST those the host shows as lost (0: with
 * --native-step, which loses them on every case), MASK_ALL all (to see
 * whether a divergence is only there). */
enum { MASK_FXSAVE, MASK_LOST, MASK_ALL };
static void mask_x87_pointers(const struct native_result *nat, struct outcome *ours, int how)
{
	/* [offset, end) of FIP, FCS, FOP, FDP, FDS (SDM vol. 1, Figures 8-9
	 * to 8-12; the 16-bit formats have no FOP). */
	static const uint8_t env16[5][2] = { { 6, 8 }, { 8, 10 }, { 0, 0 }, { 10, 12 }, { 12, 14 } };
	static const uint8_t env32[5][2] = { { 12, 16 }, { 16, 18 }, { 18, 20 }, { 20, 24 }, { 24, 26 } };
	const uint8_t *host = nat->region_after[0];
	for (unsigned i = 0; i < ours->nimages; i++) {
		const struct x87_image *img = &ours->images[i];
		if (img->env && how == MASK_FXSAVE)
			continue;
		uint8_t f[5][2] = { { img->lo[0], img->hi[0] }, { img->lo[1], img->hi[1] } };
		if (img->env)
			memcpy(f, img->env == 16 ? env16 : env32, sizeof f);
		for (unsigned k = 0; k < 5; k++) {
			uint64_t lo = img->addr + f[k][0], hi = img->addr + f[k][1];
			if (lo < DATA_ADDR || hi > DATA_ADDR + DATA_SIZE)
				continue;
			lo -= DATA_ADDR, hi -= DATA_ADDR;
			int zero = 1;
			for (uint64_t b = lo; b < hi; b++)
				zero &= !host[b];
			if (img->env && how == MASK_LOST && !zero)
				continue;
			memcpy(ours->data + lo, host + lo, hi - lo);
		}
	}
}

/* Whether the code has an instruction of one of the forms (a linear sweep). */
static int has_form(const struct seqgen_sequence *s, const enum x86_form *forms, unsigned n)
{
	int len;
	for (size_t offset = 0; offset < s->code_len; offset += (size_t)(len > 0 ? len : 1)) {
		struct x86_insn insn;
		len = x86_decode(s->code + offset, s->code_len - offset, X86_MODE_64, &insn);
		for (unsigned k = 0; len > 0 && k < n; k++)
			if (insn.form == forms[k])
				return 1;
	}
	return 0;
}

static const enum x86_form image_forms[] = { X86_FORM_FXSAVE_Mfx, X86_FORM_FXSAVE64_Mfx, X86_FORM_FNSTENV_m14_28byte,
					     X86_FORM_FNSAVE_m94_108byte };
static const enum x86_form pushf_forms[] = { X86_FORM_PUSHF, X86_FORM_PUSHFD, X86_FORM_PUSHFQ };

/* The native side of a case: single-stepped with --native-step where it
 * can be (see native_step). */
static int run_native(const struct seqgen_sequence *s, const struct x86_state *initial, const uint8_t *data,
		      struct native_result *nat)
{
	struct native_case nc;
	memset(&nc, 0, sizeof nc);
	nc.initial = *initial;
	nc.code = s->code;
	nc.code_len = s->code_len;
	nc.code_addr = CODE_ADDR;
	nc.regions[0] = (struct native_region){ DATA_ADDR, DATA_SIZE, PROT_READ | PROT_WRITE, data };
	nc.regions[1] = (struct native_region){ STACK_ADDR, STACK_SIZE, PROT_READ | PROT_WRITE, NULL };
	nc.nregions = 2;
	if (native_step && !has_form(s, pushf_forms, sizeof pushf_forms / sizeof pushf_forms[0]))
		nc.max_steps = NATIVE_STEP_LIMIT;
	if (native_run(&nc, nat)) {
		fprintf(stderr, "uop-diff: the native harness failed\n");
		return -1;
	}
	/* Sequences end in a few microseconds (random ones are straight-line,
	 * curated ones loop briefly): a native run that hits the harness's
	 * timer was starved of the CPU on a loaded machine. Run it again with
	 * a longer timer rather than report the host's SIGALRM as a
	 * divergence. */
	for (unsigned k = 0; k < 3 && nat->timed_out; k++) {
		native_result_free(nat);
		nc.timeout_ms = 10000;
		if (native_run(&nc, nat)) {
			fprintf(stderr, "uop-diff: the native harness failed\n");
			return -1;
		}
	}
	if (nc.max_steps && nat->step_limit) {
		native_result_free(nat);
		nc.max_steps = 0;
		if (native_run(&nc, nat)) {
			fprintf(stderr, "uop-diff: the native harness failed\n");
			return -1;
		}
	}
	return 0;
}

/* Cases that passed on a repeated host run (see run_case): how many, and
 * the first few. */
static unsigned host_reruns, current_case;
static unsigned rerun_cases[8];

/* MXCSR bit 17 is AMD's MM (misaligned SSE accesses allowed, AMD APM vol.
 * 2, 4.2.2; MXCSR_MASK 0x2FFFF here); the SDM reserves it, and uopsim
 * raises #GP for LDMXCSR/FXRSTOR of a value with it set (11.6.6). The
 * initial data has no such 4-byte window (random_state), but a sequence
 * can store one. Whether uopsim stopped on that: then a random sequence is
 * compared up to that instruction only (mxcsr_mm_cuts counts them). */
static unsigned mxcsr_mm_cuts;
static int mxcsr_mm_fault(const struct seqgen_sequence *s, const struct native_result *nat,
			  const struct outcome *ours)
{
	if (ours->signal != SIGSEGV || ours->vector != VEC_GP || (nat->signal && nat->final.rip == ours->state.rip))
		return 0;
	struct x86_insn insn;
	uint64_t rip = ours->state.rip, offset = rip - CODE_ADDR;
	if (offset >= s->code_len || x86_decode(s->code + offset, s->code_len - offset, X86_MODE_64, &insn) <= 0 ||
	    !insn.noperands || insn.operands[0].kind != X86_OP_MEM)
		return 0;
	uint64_t at = image_address(&insn, &ours->state, rip);
	if (insn.form == X86_FORM_FXRSTOR_Mfx || insn.form == X86_FORM_FXRSTOR64_Mfx)
		at += 24;
	else if (insn.form != X86_FORM_LDMXCSR_Md)
		return 0;
	if (at < DATA_ADDR || at + 4 > DATA_ADDR + DATA_SIZE)
		return 0;
	uint32_t v;
	memcpy(&v, ours->data + (at - DATA_ADDR), 4);
	return (v & 0x20000) && !(v & ~0x2FFFFu);
}

/* Runs a sequence natively and in uopsim from `initial` and compares.
 * Returns the number of differences (printed when `report`), or -1 if the
 * native harness failed.
 * A case whose only differences are FNSTENV/FNSAVE pointer fields (struct
 * x87_image) is run again on the host, up to HOST_RERUNS times, and passes
 * if a repeat agrees with uopsim: the first host run had them lost by a
 * kernel FPU save/restore. A deterministic difference there (a uopsim bug)
 * differs on every repeat and is reported. */
#define HOST_RERUNS 3
static int run_case(const struct seqgen_sequence *s, const struct x86_state *initial, const uint8_t *data,
		    int curated, int report, uint64_t *executed)
{
	struct native_result nat;
	if (run_native(s, initial, data, &nat))
		return -1;
	static struct outcome ours, scratch;
	struct x86_state start = *initial;
	start.rip = CODE_ADDR;
	run_uopsim(s, &start, data, &ours, use_blocks);
	if (use_blocks && has_form(s, image_forms, sizeof image_forms / sizeof image_forms[0])) {
		/* Where the images went: a run one instruction at a time. */
		run_uopsim(s, &start, data, &scratch, 0);
		memcpy(ours.images, scratch.images, sizeof ours.images);
		ours.nimages = scratch.nimages;
	}
	if (!curated && ours.executed < s->count && mxcsr_mm_fault(s, &nat, &ours)) {
		static struct seqgen_sequence prefix;
		prefix = *s;
		prefix.count = (unsigned)ours.executed;
		prefix.code_len = s->insn_addr[ours.executed] - CODE_ADDR;
		native_result_free(&nat);
		mxcsr_mm_cuts++;
		return run_case(&prefix, initial, data, curated, report, executed);
	}
	*executed = ours.executed;
	/* Compare the flags defined where execution stopped: at the end, or
	 * before the faulting instruction. */
	uint64_t poison = curated ? s->poison : ours.executed ? s->poison_after[ours.executed - 1] : 0;
	uint64_t mask = (ARITH_FLAGS | FLAG_DF) & ~poison;
	mask_x87_pointers(&nat, &ours, native_step ? MASK_LOST : MASK_FXSAVE);
	int diffs = compare(s, initial, &nat, &ours, mask, 0);
	if (diffs && !native_step) {
		scratch = ours;
		mask_x87_pointers(&nat, &scratch, MASK_ALL);
		if (!compare(s, initial, &nat, &scratch, mask, 0)) {
			for (unsigned k = 0; k < HOST_RERUNS && diffs; k++) {
				native_result_free(&nat);
				if (run_native(s, initial, data, &nat))
					return -1;
				mask_x87_pointers(&nat, &ours, MASK_FXSAVE);
				diffs = compare(s, initial, &nat, &ours, mask, 0);
			}
			if (!diffs && host_reruns < sizeof rerun_cases / sizeof rerun_cases[0])
				rerun_cases[host_reruns] = current_case;
			host_reruns += !diffs;
		}
	}
	if (diffs && report) {
		compare(s, initial, &nat, &ours, mask, 1);
		/* Does the host give the same result again? If not, the case
		 * depends on something the host does not keep deterministic
		 * (--native-step makes a kernel FPU save/restore happen at
		 * every instruction). */
		struct native_result again;
		if (!run_native(s, initial, data, &again)) {
			memcpy(scratch.data, again.region_after[0], DATA_SIZE);
			scratch.state = again.final;
			scratch.signal = again.signal == SIGBUS ? SIGSEGV : again.signal;
			scratch.fault_address = again.fault_address;
			scratch.executed = ours.executed;
			int host_diffs = compare(s, initial, &nat, &scratch, ARITH_FLAGS | FLAG_DF, 0);
			printf("  host: a second native run gave %s\n",
			       host_diffs ? "a DIFFERENT result: the host is not deterministic for this case"
					  : "the same result");
			native_result_free(&again);
		}
	}
	native_result_free(&nat);
	return diffs;
}

/* Re-runs growing prefixes of a diverging random sequence to name the
 * first instruction after which the two sides differ. */
static void find_first_divergence(const struct seqgen_sequence *s, const struct x86_state *initial,
				  const uint8_t *data)
{
	static struct seqgen_sequence prefix;
	for (unsigned k = 1; k <= s->count; k++) {
		prefix = *s;
		prefix.count = k;
		prefix.code_len = k < s->count ? s->insn_addr[k] - CODE_ADDR : s->code_len;
		uint64_t executed;
		if (run_case(&prefix, initial, data, 0, 0, &executed) > 0) {
			printf("  first divergence: instruction %u of the sequence, at %#llx; that prefix:\n", k,
			       (unsigned long long)s->insn_addr[k - 1]);
			run_case(&prefix, initial, data, 0, 1, &executed);
			return;
		}
	}
}

int main(int argc, char **argv)
{
	unsigned cases = 1000, length = 20, max_report = 10;
	uint64_t seed = 1;
	int verbose = 0;
	const char *code_file = NULL;
	long only_case = -1;
	unsigned from_case = 0; /* --from-case N: cases N..cases-1 (the same cases as in a full run) */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--cases") && i + 1 < argc)
			cases = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--length") && i + 1 < argc)
			length = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--max-report") && i + 1 < argc)
			max_report = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--verbose"))
			verbose = 1;
		else if (!strcmp(argv[i], "--blocks"))
			use_blocks = 1;
		else if (!strcmp(argv[i], "--only-case") && i + 1 < argc)
			only_case = strtol(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--from-case") && i + 1 < argc)
			from_case = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--native-step"))
			native_step = 1;
		else if (!strcmp(argv[i], "--code") && i + 1 < argc)
			code_file = argv[++i];
		else if (!strcmp(argv[i], "--isa") && i + 1 < argc) {
			i++;
			if (!strcmp(argv[i], "gp"))
				isa = ISA_GP;
			else if (!strcmp(argv[i], "sse"))
				isa = ISA_SSE;
			else if (!strcmp(argv[i], "x87"))
				isa = ISA_X87;
			else if (!strcmp(argv[i], "bmi"))
				isa = ISA_BMI;
			else {
				fprintf(stderr, "uop-diff: --isa must be gp, sse, x87 or bmi\n");
				return 2;
			}
		}
		else {
			fprintf(stderr, "usage: %s [--isa gp|sse|x87|bmi] [--blocks] [--native-step] [--only-case K] [--from-case K] [--cases N] [--length L] [--seed S] [--max-report K] [--verbose]\n",
				argv[0]);
			return 2;
		}
	}
	if (length == 0 || length > MAX_LENGTH) {
		fprintf(stderr, "uop-diff: --length must be 1-%d\n", MAX_LENGTH);
		return 2;
	}
	rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
	static struct seqgen_sequence curated;
	if (code_file && load_code_file(code_file, &curated))
		return 2;
	unsigned passed = 0, failed = 0;
	uint64_t instructions = 0;
	static uint8_t data[DATA_SIZE];
	for (unsigned c = 0; c < cases; c++) {
		static struct seqgen_sequence s;
		if (code_file)
			s = curated;
		else
			generate_sequence(&s, length);
		struct x86_state initial;
		random_state(&initial, data);
		if ((only_case >= 0 && c != (unsigned)only_case) || c < from_case)
			continue;
		if (failed < max_report)
			report_case = c;
		current_case = c;
		uint64_t executed = 0;
		int diffs = run_case(&s, &initial, data, code_file != NULL, failed < max_report, &executed);
		if (diffs < 0)
			return 2;
		instructions += executed;
		if (diffs) {
			failed++;
			if (failed <= max_report && !code_file)
				find_first_divergence(&s, &initial, data);
		} else {
			passed++;
			if (verbose)
				print_sequence(&s);
		}
	}
	if (host_reruns) {
		printf("uop-diff: %u cases passed on a repeated host run (x87 FNSTENV/FNSAVE pointers lost by a kernel "
		       "FPU save/restore on the host; see struct x87_image):",
		       host_reruns);
		for (unsigned i = 0; i < host_reruns && i < sizeof rerun_cases / sizeof rerun_cases[0]; i++)
			printf(" %u", rerun_cases[i]);
		printf("%s\n", host_reruns > sizeof rerun_cases / sizeof rerun_cases[0] ? " ..." : "");
	}
	if (mxcsr_mm_cuts)
		printf("uop-diff: %u cases compared up to an LDMXCSR/FXRSTOR of an MXCSR with AMD's MM bit (see "
		       "mxcsr_mm_fault)\n",
		       mxcsr_mm_cuts);
	if (code_file)
		printf("uop-diff: %s: %u cases, %llu instructions executed and compared\n", code_file, cases,
		       (unsigned long long)instructions);
	else
		printf("uop-diff: %u cases of %u instructions, %llu instructions executed and compared\n", cases,
		       length, (unsigned long long)instructions);
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
