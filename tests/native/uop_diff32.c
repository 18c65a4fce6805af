/* uop_diff32.c - differential test of the functional engine in 32-bit
 * protected mode (flat IA-32 user code) against qemu-i386: this machine's
 * kernel cannot run 32-bit code, so the reference is QEMU's TCG running the
 * i386 harness (tests/native/qemu32/). Random sequences of 32-bit
 * general-purpose instructions (including the forms that exist only
 * outside 64-bit mode: INC/DEC 40-4F, PUSHA/POPA, the BCD adjusts, SALC,
 * BOUND, INTO, ARPL, PUSH sreg, MOV r/m <- sreg, ENTER, 16-bit addressing) and
 * curated sequences (tests/native/curated32/NAME.s, `as --32`) run in a batch
 * under one qemu-i386 process and in uopsim (machine/cpu.h, X86_MODE_32)
 * from the same registers, selectors and memory; EAX..EDI, EIP, the
 * defined arithmetic flags and DF, DS ES FS GS SS, the data and stack
 * pages, and the fault kind (signal; #PF or not; #PF address) must agree.
 *
 * Memory operands are absolute ([disp32], or [disp16] with 67) and aimed
 * into the data page through the base of their segment: DS ES SS (base 0),
 * FS and GS (two TLS descriptors the harness installs, with bases just
 * below the data page). CS overrides are not generated (writes through CS
 * are #GP, which the engine does not model), nor control transfers other
 * than a far JMP to the next instruction (curated files cover them).
 * Segment loads (MOV/POP sreg) load selectors that keep each segment's
 * base, or #GP ones. Flags the SDM leaves undefined
 * are "poisoned" as in uop_diff.c: not compared, and no later instruction
 * reads them.
 *
 * Where qemu-i386 7.2 is not a faithful oracle the generator steers clear,
 * and says so where it does: F6/F7 /1 (TEST alias) and 0F 0D / 0F 18 with
 * a register operand raise #UD in qemu; qemu reports lazily computed flags
 * wrongly in the signal frame of some page faults (EFLAGS is then not
 * compared); ENTER with a nesting level > 1 is not precise in qemu; and a
 * page fault in a flag-reading instruction after ROL/ROR m can leave
 * EFLAGS.IOPL set and abort qemu (qemu_run.c then marks the case
 * QEMU32_CRASHED and goes on; such cases are counted, not compared).
 *
 * usage: uop-diff32 [--cases N] [--length L] [--seed S] [--batch B] [--max-report K] [--forms]
 *        uop-diff32 --code FILE [--cases N] [--seed S]
 * Needs build/harness32 ($QEMU32_HARNESS) and qemu-i386 ($QEMU_I386). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "decoder/x86_decode.h"
#include "machine/cpu.h"
#include "machine/memory.h"
#include "lockstep/flag_rules.h"
#include "tests/native/qemu32/qemu_run.h"
#include "tests/native/seqgen.h"

#define CODE_ADDR 0x20000000u
#define DATA_ADDR 0x20010000u
#define DATA_SIZE 0x1000u
#define STACK_ADDR 0x20020000u
#define STACK_SIZE 0x1000u
#define MAX_LENGTH SEQGEN_MAX_LENGTH

static uint64_t rng_state;
static struct qemu32_info info; /* the harness's selectors and TLS bases */

static uint64_t rnd(void)
{
	return seqgen_rnd(&rng_state);
}

static unsigned rnd_below(unsigned n)
{
	return seqgen_rnd_below(&rng_state, n);
}

static uint32_t interesting_value(void)
{
	static const uint64_t special[] = {
		0, 1, 2, 6, 9, 0x0A, 0x0F, 0x7F, 0x80, 0x99, 0x9A, 0xF9, 0xFA, 0xFF, 0x7FFF, 0x8000, 0xFFFF,
		0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 31, 32, 0x0909, 0x1234,
	};
	return (uint32_t)seqgen_interesting(&rng_state, special, sizeof special / sizeof special[0]);
}

/* The base of a segment register in the initial state of every case. */
static uint32_t initial_base(enum x86_reg seg)
{
	if (seg == X86_REG_FS)
		return info.tls_base[0];
	if (seg == X86_REG_GS)
		return info.tls_base[1];
	return 0;
}

static int sequence_rotated; /* a ROL/ROR so far in the sequence being generated */
static unsigned long form_count[X86_FORM_COUNT]; /* generated instructions per form (--forms) */

static int generate_instruction(void *context, uint8_t *out, uint64_t address, uint64_t *poison)
{
	(void)context;
	uint8_t b[32];
	unsigned n = 0;
	static const uint8_t overrides[] = { 0x26, 0x36, 0x3E, 0x64, 0x65 };
	if (rnd_below(4) == 0)
		b[n++] = 0x66;
	if (rnd_below(8) == 0)
		b[n++] = 0x67;
	if (rnd_below(6) == 0)
		b[n++] = overrides[rnd_below(sizeof overrides)];
	if (rnd_below(10) == 0)
		b[n++] = rnd_below(2) ? 0xF3 : 0xF2;
	if (rnd_below(6) == 0)
		b[n++] = 0x0F;
	b[n++] = (uint8_t)rnd();
	n = seqgen_modrm_and_tail(&rng_state, b, n, memchr(b, 0x67, n) ? 0x06 : 0x05); /* [disp16] / [disp32] */

	struct x86_insn insn;
	struct uop u[UOP_MAX_PER_INSN];
	int nu;
	int len = seqgen_decode(b, n, X86_MODE_32, address, &insn, u, &nu);
	if (!len)
		return 0;
	/* General-purpose instructions only (gp_only). INTO has a FAULT
	 * micro-op, but a conditional one; SEGLOAD is a system micro-op:
	 * curated files load segments. */
	if (insn.form != X86_FORM_INTO && seqgen_reject_uops(u, nu, 1, &rng_state))
		return 0;
	if (seqgen_names_stack_pointer(&insn))
		return 0; /* keep ESP on the stack page */
	if ((insn.opcode == 0xF6 || insn.opcode == 0xF7) && insn.map == 0 && ((insn.modrm >> 3) & 7) == 1)
		return 0; /* TEST's F6/F7 /1 alias: qemu-i386 7.2 raises #UD (CPUs run it as TEST) */
	if ((insn.opcode == 0x0D || insn.opcode == 0x18) && insn.map == 1 && (insn.modrm >> 6) == 3)
		return 0; /* 0F 0D / 0F 18 with a register (reserved NOPs): qemu-i386 7.2 raises #UD */
	if (insn.form == X86_FORM_CMPXCHG8B_Mq)
		return 0; /* qemu-i386 7.2 clears CF/SF/... there; the SDM (and this
			     host, tests/native/curated/cmpxchg8b_movbe.s) keep them */
	if (insn.form == X86_FORM_LEAVE || insn.form == X86_FORM_POPF || insn.form == X86_FORM_POPFD)
		return 0;
	if (insn.form == X86_FORM_ENTER_Iw_Ib) {
		/* A small frame, nesting level 0 or 1: levels > 1 read [EBP - 4...]
		 * (random EBP: #PF) where qemu has already pushed EBP (it is not
		 * precise there); curated files run them. */
		b[insn.imm_offset] = (uint8_t)rnd();
		b[insn.imm_offset + 1] = 0;
		b[insn.imm_offset + 2] = (uint8_t)(rnd_below(2) | (rnd_below(2) << 5)); /* level is taken mod 32 */
		if (x86_decode(b, (size_t)len, X86_MODE_32, &insn) != len || (nu = uop_crack(&insn, address, u)) <= 0)
			return 0;
	}
	if (seqgen_reads_poison(u, nu, *poison))
		return 0;
	const struct x86_mem *m = NULL;
	for (unsigned i = 0; i < insn.noperands; i++)
		if (insn.operands[i].kind == X86_OP_MEM)
			m = &insn.operands[i].mem;
	if (m) {
		/* ModRM or moffs (A0-A3) operands alike. */
		if (m->segment == X86_REG_CS || m->base || m->index || !insn.disp_offset)
			return 0; /* absolute addresses only: the harness's own memory is mapped in qemu */
		int asize16 = insn.address_size == 16;
		uint32_t target = DATA_ADDR + rnd_below(DATA_SIZE - 64);
		uint32_t disp = target - initial_base((enum x86_reg)m->segment);
		if (asize16) {
			if (m->disp_size != 2)
				return 0;
			if (disp > 0xFFFF && rnd_below(8))
				return 0; /* DS-relative [disp16] cannot reach the data page: a few #PF */
			if (disp > 0xFFFF && (insn.form == X86_FORM_CLFLUSH_M || insn.form == X86_FORM_CLFLUSHOPT_M ||
			                      insn.form == X86_FORM_CLWB_M))
				return 0; /* qemu-i386 7.2 never checks the address of a cache-line flush;
					     the SDM (CLFLUSH: #PF(fault-code)) and this host raise #PF,
					     which the 64-bit uop-diff checks */
			if (disp > 0xFFFF && sequence_rotated)
				return 0; /* qemu-i386 7.2 bug: a page fault in a flag-reading
					     instruction (SETcc m, RCR m...) after ROL/ROR m,1 leaves
					     EFLAGS.IOPL set and qemu aborts (TCG assertion
					     IOPL(dc) == iopl); uop-diff32 then skips the case */
			uint16_t d16 = (uint16_t)disp;
			memcpy(b + insn.disp_offset, &d16, 2);
		} else {
			if (m->disp_size != 4)
				return 0;
			memcpy(b + insn.disp_offset, &disp, 4);
		}
		if (x86_decode(b, (size_t)len, X86_MODE_32, &insn) != len)
			return 0;
	}
	for (int i = 0; i < nu; i++)
		if (u[i].op == UOP_ROL || u[i].op == UOP_ROR)
			sequence_rotated = 1;
	form_count[insn.form]++;
	return seqgen_accept(out, b, len, u, nu, poison);
}

static void append(struct seqgen_sequence *s, const uint8_t *bytes, unsigned len)
{
	memcpy(s->code + s->code_len, bytes, len);
	struct x86_insn insn;
	if (x86_decode(bytes, len, X86_MODE_32, &insn) == (int)len)
		form_count[insn.form]++;
	s->poison_after[s->count] = s->poison; /* segment loads touch no flags */
	s->insn_addr[s->count++] = CODE_ADDR + (uint32_t)s->code_len;
	s->code_len += len;
}

/* A selector to load into segment register seg (enum x86_segment): one
 * that keeps the segment's base (so the absolute addresses of the rest of
 * the sequence stay right) with any allowed RPL, or now and then one that
 * is #GP there. Null selectors are left out: qemu-i386 does not fault on
 * an access through them (the engine does, SDM vol. 3A, 5.4.1). */
static uint16_t segment_selector(unsigned seg)
{
	if (rnd_below(6) == 0) {
		static const uint16_t bad[] = { 0x13, 0x2f, 0x1b, 0xfffb };
		if (seg == SEG_SS && rnd_below(2))
			return rnd_below(2) ? 0 : info.cs; /* null or code into SS */
		return bad[rnd_below(4)];
	}
	unsigned rpl = seg == SEG_SS ? 3 : rnd_below(4);
	if (seg == SEG_FS)
		return (uint16_t)((info.tls_selector[0] & ~3u) | rpl);
	if (seg == SEG_GS)
		return (uint16_t)((info.tls_selector[1] & ~3u) | rpl);
	return (uint16_t)((info.ds & ~3u) | rpl);
}

/* Segment loads for random sequences, which generate_instruction leaves
 * out: PUSH imm; POP sreg, MOV EAX, imm; MOV sreg, AX, PUSH sreg; POP the
 * same sreg, or a far JMP to the next instruction through a code selector
 * (or a #GP one). Appends one or two instructions. */
static void append_segment_load(struct seqgen_sequence *s)
{
	static const unsigned loadable[] = { SEG_ES, SEG_SS, SEG_DS, SEG_FS, SEG_GS };
	static const uint8_t pop_sreg[6][2] = { { 0x07 }, { 0 }, { 0x17 }, { 0x1F }, { 0x0F, 0xA1 }, { 0x0F, 0xA9 } };
	static const uint8_t push_sreg[6][2] = { { 0x06 }, { 0x0E }, { 0x16 }, { 0x1E }, { 0x0F, 0xA0 }, { 0x0F, 0xA8 } };
	unsigned seg = loadable[rnd_below(5)];
	unsigned pop_len = seg >= SEG_FS ? 2 : 1;
	uint16_t selector = segment_selector(seg);
	switch (rnd_below(4)) {
	case 0: {
		uint8_t push[5] = { 0x68 };
		memcpy(push + 1, &(uint32_t){ selector }, 4);
		append(s, push, 5);
		append(s, pop_sreg[seg], pop_len);
		break;
	}
	case 1: {
		uint8_t mov[5] = { 0xB8 };
		memcpy(mov + 1, &(uint32_t){ selector | (uint32_t)rnd() << 16 }, 4);
		append(s, mov, 5);
		uint8_t load[2] = { 0x8E, (uint8_t)(0xC0 | seg << 3) };
		append(s, load, 2);
		break;
	}
	case 2:
		append(s, push_sreg[seg], pop_len);
		append(s, pop_sreg[seg], pop_len);
		break;
	default: {
		static const uint16_t code[] = { 0x23, 0x20, 0x21, 0x22 };
		uint16_t cs = rnd_below(6) ? code[rnd_below(4)] : rnd_below(2) ? 0x2b : 0x13;
		uint8_t jmp[7] = { 0xEA };
		uint32_t next = CODE_ADDR + (uint32_t)s->code_len + 7;
		memcpy(jmp + 1, &next, 4);
		memcpy(jmp + 5, &cs, 2);
		append(s, jmp, 7);
		break;
	}
	}
}

/* Now and then (1 in 25) a segment load instead of a random instruction. */
static int insert_segment_load(void *context, struct seqgen_sequence *s, unsigned length)
{
	(void)context;
	if (s->count + 2 <= length && rnd_below(25) == 0) {
		append_segment_load(s);
		return 1;
	}
	return 0;
}

static void generate_sequence(struct seqgen_sequence *s, unsigned length)
{
	static const struct seqgen_source source = {
		.prog = "uop-diff32", .code_addr = CODE_ADDR, .instruction = generate_instruction,
		.insert = insert_segment_load,
	};
	sequence_rotated = 0;
	seqgen_generate(s, length, &source);
}

static int load_code_file(const char *path, struct seqgen_sequence *s)
{
	return seqgen_load_code("uop-diff32", path, X86_MODE_32, CODE_ADDR, s);
}

struct start {
	uint32_t gpr[8];
	uint32_t eflags;
	uint8_t data[DATA_SIZE];
	uint8_t stack[STACK_SIZE];
};

static void random_start(struct start *st)
{
	for (int i = 0; i < 8; i++)
		st->gpr[i] = interesting_value();
	st->gpr[GPR_RSP] = STACK_ADDR + STACK_SIZE / 2;
	st->eflags = 0x202 | ((uint32_t)rnd() & ARITH_FLAGS) | (rnd_below(8) == 0 ? FLAG_DF : 0);
	for (uint32_t i = 0; i < DATA_SIZE; i += 4) {
		uint32_t v = interesting_value();
		memcpy(st->data + i, &v, 4);
	}
	for (uint32_t i = 0; i < STACK_SIZE; i += 4) {
		uint32_t v = (uint32_t)rnd();
		memcpy(st->stack + i, &v, 4);
	}
}

static void make_case(struct qemu32_case *c, const struct seqgen_sequence *s, const struct start *st, size_t code_len)
{
	memset(c, 0, sizeof *c);
	c->code = s->code;
	c->code_len = (uint32_t)code_len;
	c->code_addr = CODE_ADDR;
	memcpy(c->gpr, st->gpr, sizeof c->gpr);
	c->eflags = st->eflags;
	c->fs = info.tls_selector[0];
	c->gs = info.tls_selector[1];
	c->regions[0] = (struct qemu32_region){ DATA_ADDR, DATA_SIZE, PROT_READ | PROT_WRITE, st->data };
	c->regions[1] = (struct qemu32_region){ STACK_ADDR, STACK_SIZE, PROT_READ | PROT_WRITE, st->stack };
	c->nregions = 2;
}

/* Linux's GDT as the harness process has it (struct uop_env.descriptor). */
static int descriptor(void *context, uint16_t selector, uint64_t *base, int *code)
{
	(void)context;
	unsigned index = selector >> 3;
	*base = 0;
	*code = 0;
	if (index == (unsigned)(info.cs >> 3)) {
		*code = 1;
		return 0;
	}
	if (index == (unsigned)(info.ds >> 3))
		return 0;
	if (index == (unsigned)(info.gs >> 3)) {
		*base = info.gs_base;
		return 0;
	}
	for (int i = 0; i < 2; i++)
		if (info.tls_selector[i] && index == (unsigned)(info.tls_selector[i] >> 3)) {
			*base = info.tls_base[i];
			return 0;
		}
	return -1;
}

struct outcome {
	int signal;
	int page_fault;
	uint64_t fault_address;
	struct x86_state state;
	uint8_t data[DATA_SIZE];
	uint8_t stack[STACK_SIZE];
	uint64_t executed;
};

static void run_uopsim(const struct seqgen_sequence *s, size_t code_len, const struct start *st, struct outcome *o)
{
	static struct cpu cpu;
	memset(&cpu, 0, sizeof cpu);
	cpu.mode = X86_MODE_32;
	cpu.memory = gmem_create();
	cpu.env.descriptor = descriptor;
	for (int i = 0; i < 8; i++)
		cpu.state.gpr[i] = st->gpr[i];
	cpu.state.rflags = st->eflags;
	cpu.state.selector[SEG_CS] = info.cs;
	cpu.state.selector[SEG_DS] = cpu.state.selector[SEG_ES] = cpu.state.selector[SEG_SS] = info.ds;
	cpu.state.selector[SEG_FS] = info.tls_selector[0];
	cpu.state.segment_base[SEG_FS] = info.tls_base[0];
	cpu.state.selector[SEG_GS] = info.tls_selector[1];
	cpu.state.segment_base[SEG_GS] = info.tls_base[1];
	uint64_t code_pages = (code_len + 1 + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
	gmem_map(cpu.memory, CODE_ADDR, code_pages, GUEST_READ | GUEST_EXEC);
	static uint8_t int3_page[0x4000];
	memset(int3_page, 0xCC, sizeof int3_page);
	gmem_poke(cpu.memory, CODE_ADDR, int3_page, code_pages);
	gmem_poke(cpu.memory, CODE_ADDR, s->code, code_len);
	gmem_map(cpu.memory, DATA_ADDR, DATA_SIZE, GUEST_READ | GUEST_WRITE);
	gmem_map(cpu.memory, STACK_ADDR, STACK_SIZE, GUEST_READ | GUEST_WRITE);
	gmem_poke(cpu.memory, DATA_ADDR, st->data, DATA_SIZE);
	gmem_poke(cpu.memory, STACK_ADDR, st->stack, STACK_SIZE);
	cpu.state.rip = CODE_ADDR;
	o->signal = 0;
	o->page_fault = 0;
	o->fault_address = 0;
	uint64_t end = CODE_ADDR + code_len;
	for (unsigned steps = 0; cpu.state.rip != end && steps < 100000; steps++) {
		enum cpu_event e = cpu_step(&cpu);
		if (e == CPU_OK)
			continue;
		o->signal = e == CPU_SYSCALL ? SIGSYS : signal_of_vector(cpu.last.vector);
		o->page_fault = cpu.last.vector == VEC_PF;
		o->fault_address = cpu.last.fault_address;
		/* A CPU_NO_CRACK also reports #UD (SIGILL). */
		break;
	}
	o->state = cpu.state;
	o->executed = cpu.instructions;
	gmem_peek(cpu.memory, DATA_ADDR, o->data, DATA_SIZE);
	gmem_peek(cpu.memory, STACK_ADDR, o->stack, STACK_SIZE);
	gmem_destroy(cpu.memory);
}

static const char *const gpr_names[8] = { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" };
static const char *const seg_names[6] = { "es", "cs", "ss", "ds", "fs", "gs" };

static void print_sequence(const struct seqgen_sequence *s, unsigned count)
{
	seqgen_print(s, count, X86_MODE_32, CODE_ADDR);
}

/* Compares one case; prints the differences when `report`. */
static int compare(const struct start *st, const struct qemu32_result *q, const struct outcome *o, uint64_t flag_mask,
		   int report)
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
	int qsig = q->signal == SIGBUS ? SIGSEGV : q->signal;
	/* The fault kind: for SIGSEGV, a page fault (SEGV_MAPERR/ACCERR) or
	 * an exception the kernel reports as SI_KERNEL (#GP, #BR, #OF). */
	int qpf = qsig == SIGSEGV && q->si_code != 128;
	if (qsig != o->signal || (qsig == SIGSEGV && qpf != o->page_fault))
		DIFF("  signal: qemu %d (%s, si_code %d), uopsim %d (%s%s)\n", q->signal, strsignal(q->signal), q->si_code,
		     o->signal, strsignal(o->signal), o->page_fault ? ", #PF" : "");
	if (qpf && o->page_fault && q->fault_address != o->fault_address)
		DIFF("  fault address: qemu %#x, uopsim %#llx\n", q->fault_address, (unsigned long long)o->fault_address);
	if (q->eip != o->state.rip)
		DIFF("  eip: qemu %#x, uopsim %#llx\n", q->eip, (unsigned long long)o->state.rip);
	for (int i = 0; i < 8; i++)
		if (q->gpr[i] != o->state.gpr[i])
			DIFF("  %s: qemu %#x, uopsim %#llx (initial %#x)\n", gpr_names[i], q->gpr[i],
			     (unsigned long long)o->state.gpr[i], st->gpr[i]);
	/* qemu-i386 7.2 reports lazily computed flags imprecisely in the
	 * signal frame of some page faults (SETcc m, RCL/RCR m: the flags of
	 * the previous instruction come out wrong), so EFLAGS is not compared
	 * at a #PF that both sides take at the same instruction. */
	int same_pf = qpf && o->page_fault && q->eip == o->state.rip;
	if (!same_pf && (q->eflags & flag_mask) != (o->state.rflags & flag_mask))
		DIFF("  eflags (compared bits %#llx): qemu %#llx, uopsim %#llx\n", (unsigned long long)flag_mask,
		     (unsigned long long)(q->eflags & flag_mask), (unsigned long long)(o->state.rflags & flag_mask));
	const uint16_t qseg[6] = { q->es, q->cs, q->ss, q->ds, q->fs, q->gs };
	for (int i = 0; i < 6; i++)
		if (qseg[i] != o->state.selector[i])
			DIFF("  %s: qemu %#x, uopsim %#x\n", seg_names[i], qseg[i], o->state.selector[i]);
	for (unsigned r = 0; r < 2; r++) {
		const uint8_t *ours = r ? o->stack : o->data;
		uint32_t size = r ? STACK_SIZE : DATA_SIZE, base = r ? STACK_ADDR : DATA_ADDR;
		if (q->region_after[r] && memcmp(q->region_after[r], ours, size))
			for (uint32_t i = 0; i < size; i++)
				if (q->region_after[r][i] != ours[i]) {
					DIFF("  memory %#x: qemu %02x, uopsim %02x\n", base + i, q->region_after[r][i], ours[i]);
					break;
				}
	}
	if (diffs && report) {
		printf("  initial state:");
		for (int i = 0; i < 8; i++)
			printf("%s%s=%#x", i % 4 ? " " : "\n    ", gpr_names[i], st->gpr[i]);
		printf("\n    eflags=%#x\n", st->eflags);
		printf("  qemu stopped by signal %d (si_code %d, address %#x) at eip %#x; uopsim executed %llu\n", q->signal,
		       q->si_code, q->fault_address, q->eip, (unsigned long long)o->executed);
		fputs(lines, stdout);
	}
	return diffs;
#undef DIFF
}

static uint64_t mask_for(const struct seqgen_sequence *s, const struct outcome *o, int curated)
{
	uint64_t poison = curated ? s->poison : o->executed ? s->poison_after[o->executed - 1] : 0;
	return (ARITH_FLAGS | FLAG_DF) & ~poison;
}

/* Reruns every prefix of a diverging random sequence in one batch and
 * reports the first one that diverges. */
static void find_first_divergence(const struct seqgen_sequence *s, const struct start *st)
{
	struct qemu32_case cases[MAX_LENGTH];
	struct qemu32_result results[MAX_LENGTH];
	for (unsigned k = 1; k <= s->count; k++)
		make_case(&cases[k - 1], s, st, k < s->count ? s->insn_addr[k] - CODE_ADDR : s->code_len);
	if (qemu32_run_batch(cases, s->count, results))
		return;
	static struct outcome o;
	for (unsigned k = 1; k <= s->count; k++) {
		if (results[k - 1].signal == QEMU32_CRASHED)
			continue;
		run_uopsim(s, cases[k - 1].code_len, st, &o);
		if (compare(st, &results[k - 1], &o, mask_for(s, &o, 0), 0)) {
			printf("  first divergence: instruction %u of the sequence, at %#x; that prefix:\n", k,
			       (uint32_t)s->insn_addr[k - 1]);
			print_sequence(s, k);
			compare(st, &results[k - 1], &o, mask_for(s, &o, 0), 1);
			break;
		}
	}
	for (unsigned k = 0; k < s->count; k++)
		qemu32_result_free(&results[k]);
}

int main(int argc, char **argv)
{
	unsigned cases = 1000, length = 20, max_report = 5, batch = 2000;
	uint64_t seed = 1;
	const char *code_file = NULL;
	int show_forms = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--cases") && i + 1 < argc)
			cases = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--length") && i + 1 < argc)
			length = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--batch") && i + 1 < argc)
			batch = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--max-report") && i + 1 < argc)
			max_report = (unsigned)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--forms"))
			show_forms = 1;
		else if (!strcmp(argv[i], "--code") && i + 1 < argc)
			code_file = argv[++i];
		else {
			fprintf(stderr, "usage: %s [--cases N] [--length L] [--seed S] [--batch B] [--max-report K] [--forms] [--code FILE]\n",
				argv[0]);
			return 2;
		}
	}
	if (length == 0 || length > MAX_LENGTH || batch == 0) {
		fprintf(stderr, "uop-diff32: --length must be 1-%d, --batch > 0\n", MAX_LENGTH);
		return 2;
	}
	rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
	/* A first, empty case tells the harness's selectors and TLS bases. */
	{
		static const uint8_t nop = 0x90;
		static struct start st0;
		struct seqgen_sequence *s0 = calloc(1, sizeof *s0);
		s0->code[0] = nop;
		s0->code_len = 1;
		struct qemu32_case c0;
		make_case(&c0, s0, &st0, 1);
		c0.gpr[GPR_RSP] = STACK_ADDR + STACK_SIZE / 2;
		c0.fs = c0.gs = 0;
		struct qemu32_result r0;
		if (qemu32_run_batch(&c0, 1, &r0) || r0.signal != 0) {
			fprintf(stderr, "uop-diff32: the qemu-i386 harness does not work\n");
			return 2;
		}
		qemu32_result_free(&r0);
		info = *qemu32_info();
		free(s0);
	}
	static struct seqgen_sequence curated;
	if (code_file && load_code_file(code_file, &curated))
		return 2;
	struct seqgen_sequence *seqs = calloc(batch, sizeof *seqs);
	struct start *starts = calloc(batch, sizeof *starts);
	struct qemu32_case *qc = calloc(batch, sizeof *qc);
	struct qemu32_result *qr = calloc(batch, sizeof *qr);
	static struct outcome o;
	unsigned passed = 0, failed = 0, oracle_crashes = 0;
	uint64_t instructions = 0;
	double qemu_seconds = 0;
	for (unsigned done = 0; done < cases;) {
		unsigned n = cases - done < batch ? cases - done : batch;
		for (unsigned i = 0; i < n; i++) {
			if (code_file)
				seqs[i] = curated;
			else
				generate_sequence(&seqs[i], length);
			random_start(&starts[i]);
			make_case(&qc[i], &seqs[i], &starts[i], seqs[i].code_len);
		}
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (qemu32_run_batch(qc, n, qr)) {
			/* Show the case the harness stopped at. */
			for (unsigned i = 0; i < n; i++)
				if (qr[i].signal == -1) {
					printf("the harness failed at case %u:\n", done + i);
					print_sequence(&seqs[i], seqs[i].count);
					break;
				}
			return 2;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		qemu_seconds += (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
		for (unsigned i = 0; i < n; i++) {
			if (qr[i].signal == QEMU32_CRASHED) {
				oracle_crashes++; /* qemu died on it: nothing to compare */
				if (oracle_crashes <= max_report) {
					printf("qemu-i386 crashed on case %u (not compared):\n", done + i);
					print_sequence(&seqs[i], seqs[i].count);
				}
				continue;
			}
			run_uopsim(&seqs[i], seqs[i].code_len, &starts[i], &o);
			instructions += o.executed;
			int report = failed < max_report;
			int diffs = compare(&starts[i], &qr[i], &o, mask_for(&seqs[i], &o, code_file != NULL), 0);
			if (diffs) {
				failed++;
				if (report) {
					printf("DIVERGENCE in case %u (seed %llu):\n", done + i, (unsigned long long)seed);
					print_sequence(&seqs[i], seqs[i].count);
					compare(&starts[i], &qr[i], &o, mask_for(&seqs[i], &o, code_file != NULL), 1);
					if (!code_file)
						find_first_divergence(&seqs[i], &starts[i]);
				}
			} else {
				passed++;
			}
			if (code_file && done + i == 0)
				printf("uop-diff32: %s: the first case stopped with signal %d at eip %#x after %llu instructions\n",
				       code_file, qr[i].signal, qr[i].eip, (unsigned long long)o.executed);
			qemu32_result_free(&qr[i]);
		}
		done += n;
	}
	if (code_file)
		printf("uop-diff32: %s: %u cases, %llu instructions executed and compared\n", code_file, cases,
		       (unsigned long long)instructions);
	else
		printf("uop-diff32: %u cases of %u instructions, %llu instructions executed and compared (qemu %.2f s)\n",
		       cases, length, (unsigned long long)instructions, qemu_seconds);
	if (show_forms)
		for (unsigned f = 0; f < X86_FORM_COUNT; f++)
			if (form_count[f])
				printf("  %-24s %lu\n", x86_form_name((enum x86_form)f), form_count[f]);
	if (oracle_crashes)
		printf("uop-diff32: %u cases skipped: qemu-i386 itself crashed on them\n", oracle_crashes);
	printf("%u passed, %u failed\n", passed, failed);
	free(seqs);
	free(starts);
	free(qc);
	free(qr);
	return failed ? 1 : 0;
}
