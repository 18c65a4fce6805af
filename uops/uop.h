/* uop.h - the public face of the micro-op layer: the micro-op ISA
 * (uops.def), the cracker that turns a decoded x86 instruction into
 * micro-ops, and the functional executor of micro-ops.
 *
 * "CISC outside, RISC inside": the functional engine executes these
 * micro-ops and nothing else, so every correct guest run also checks the
 * cracking; the timing model sees the same micro-ops with their register
 * and flag dependencies. */
#ifndef UOPSIM_UOP_H
#define UOPSIM_UOP_H

#include <stdint.h>

#include "decoder/x86_decode.h"

/* Functional-unit classes. */
enum uop_unit {
	UNIT_NONE,   /* eliminated at rename (NOP, zero idiom...) */
	UNIT_ALU,
	UNIT_SHIFT,
	UNIT_MUL,
	UNIT_DIV,
	UNIT_BRANCH,
	UNIT_LOAD,
	UNIT_STA,    /* store address */
	UNIT_STD,    /* store data */
	UNIT_SYS,    /* microcode sequencer: serializing and system micro-ops */
	UNIT_VALU,   /* vector integer lanes: add, logic, compare, min/max */
	UNIT_VSHIFT, /* vector shifts */
	UNIT_VSHUF,  /* shuffles, permutes, inserts, extracts, packs */
	UNIT_VMUL,   /* vector integer multiply */
	UNIT_FADD,   /* floating-point add, compare, min/max */
	UNIT_FMUL,   /* floating-point multiply and fused multiply-add */
	UNIT_FDIV,   /* floating-point divide and square root */
	UNIT_FCVT,   /* conversions between integer and floating point */
	UNIT_COUNT
};

/* Properties, from uops.def. */
enum uop_property {
	P_LOAD = 1u << 0,
	P_STORE = 1u << 1,
	P_BRANCH = 1u << 2,
	P_MICROBRANCH = 1u << 3,
	P_READS_CF = 1u << 4,
	P_READS_FLAGS = 1u << 5,
	P_MAY_FAULT = 1u << 6,
	P_SERIAL = 1u << 7,
};

enum uop_op {
#define UOP(name, unit, latency, props, doc) UOP_##name,
#include "uops.def"
#undef UOP
	UOP_COUNT
};

enum ureg {
#define UREG(id) UREG_##id,
#include "uregs.def"
#undef UREG
	UREG_COUNT
};

/* Flag groups, renamed separately as in real cores: CF apart from
 * OF/SF/ZF/AF/PF, so INC/DEC do not depend on the last CF writer. */
enum uop_flag_group {
	UF_CF = 1u << 0,
	UF_OSZAP = 1u << 1,
	UF_DF = 1u << 2,
	UF_ARITH = UF_CF | UF_OSZAP,
};

/* Conditions: the x86 condition codes (SDM vol. 1, Appendix B) in their
 * encoding order, then register tests for LOOP/JrCXZ/REP. */
enum uop_cond {
	COND_O, COND_NO, COND_B, COND_AE, COND_E, COND_NE, COND_BE, COND_A,
	COND_S, COND_NS, COND_P, COND_NP, COND_L, COND_GE, COND_LE, COND_G,
	COND_SRC0_ZERO,    /* src0 (width bytes) == 0 */
	COND_SRC0_NONZERO,
	COND_SRC0_NONZERO_AND_E,  /* LOOPE */
	COND_SRC0_NONZERO_AND_NE, /* LOOPNE */
	COND_ALWAYS,
};

/* Which byte of a GPR a narrow operand names (AH..BH are bits 15:8). */
enum uop_high_byte {
	HI8_SRC0 = 1u << 0,
	HI8_SRC1 = 1u << 1,
	HI8_DST = 1u << 2,
	HI8_SRC2 = 1u << 3,
};

/* Vector micro-op modifiers. */
enum uop_vector_flag {
	/* Zero the destination above `width` bytes (VEX/EVEX encodings);
	 * without it legacy SSE keeps the upper YMM/ZMM bits (SDM vol. 1, 14.1.2). */
	VF_ZERO_UPPER = 1u << 0,
	VF_SIGNED = 1u << 1,     /* signed lanes (compares, saturation, min/max) */
	VF_SATURATE = 1u << 2,   /* saturating arithmetic */
	/* LOAD/STA of 16+ bytes: #GP(0) unless the address is a multiple of
	 * width (MOVAPS, packed SSE memory operands; SDM vol. 1, 11.6.7). */
	VF_ALIGNED = 1u << 3,
};

struct uop {
	uint8_t op;          /* enum uop_op */
	uint8_t width;       /* operand width in bytes: 1, 2, 4, 8 */
	uint8_t dst;         /* enum ureg, UREG_NONE if no register result */
	uint8_t src[3];      /* enum ureg; memory micro-ops: segment base, base, index */
	uint8_t scale;       /* memory and LEA: log2 of the index scale */
	uint8_t cond;        /* enum uop_cond (SETCC, CMOV, BRCC, UBRCC) */
	uint8_t ext;         /* ZEXT/SEXT/LOAD: source width in bytes; LOAD: 0x80 = sign-extend */
	uint8_t flags_read;  /* enum uop_flag_group */
	uint8_t flags_write;
	uint8_t high_byte;   /* enum uop_high_byte */
	uint8_t asize;       /* memory and LEA: address width in bytes (2, 4, 8) */
	uint8_t log_undo;    /* set by the cracker: a later micro-op of the same
				instruction may fault, so the old value of dst
				must be kept for the rollback */
	uint8_t elem;        /* vector micro-ops: element size in bytes */
	uint8_t vflags;      /* vector micro-ops: enum uop_vector_flag */
	int64_t imm;         /* immediate, displacement, branch target or exception vector */
};

struct uop_info {
	const char *name;
	uint8_t unit;        /* enum uop_unit */
	uint8_t latency;
	uint16_t properties; /* enum uop_property */
	const char *doc;
};

extern const struct uop_info uop_info[UOP_COUNT];
const char *ureg_name(enum ureg r);
const char *uop_unit_name(enum uop_unit u);

/* The longest micro-op sequence of one instruction. */
#define UOP_MAX_PER_INSN 24

/* Cracks `insn`, decoded at address `rip`, into out[0..n). Returns n >= 1,
 * or -1 if the form has no micro-op sequence yet (the engine then reports
 * the form and delivers #UD). */
int uop_crack(const struct x86_insn *insn, uint64_t rip, struct uop *out);

/* ---- functional execution (exec.c) ---- */

struct x86_state;
struct guest_memory;

/* What the executor asks of the world outside the core. */
struct uop_env {
	void *context;
	/* CPUID leaf/subleaf -> EAX, EBX, ECX, EDX. */
	void (*cpuid)(void *context, uint32_t leaf, uint32_t subleaf, uint32_t out[4]);
	uint64_t (*rdtsc)(void *context);
	/* Legacy modes: the DPL-3 descriptor of GDT selector `selector` (RPL
	 * ignored): 0 with its base and *code = 1 for a (readable) code
	 * segment, 0 for writable data; -1 if there is none (loading it is
	 * #GP). NULL: Linux's i386 GDT without TLS entries (0x23 code, 0x2b
	 * data, base 0). See uops/exec_legacy.c. */
	int (*descriptor)(void *context, uint16_t selector, uint64_t *base, int *code);
	/* IA32_TSC_AUX, read by RDTSCP (ECX) and RDPID; NULL reads as 0 (Linux
	 * keeps node << 12 | cpu there). */
	uint32_t (*tsc_aux)(void *context);
};

struct uop_exec {
	struct x86_state *state;
	struct guest_memory *memory;
	const struct uop_env *env;
	enum x86_mode mode;
	/* Filled by uop_exec_init: where each micro-op register lives, so a
	 * source read is one indexed load. */
	uint64_t *reg[UREG_COUNT];
	uint64_t temp[8];
	uint64_t zero;     /* UREG_NONE reads as 0 */
	uint64_t next_rip; /* UREG_NEXT_RIP of the executing instruction */
};

void uop_exec_init(struct uop_exec *x, struct x86_state *state, struct guest_memory *memory,
		   const struct uop_env *env, enum x86_mode mode);

enum uop_exec_status {
	EXEC_DONE,    /* the instruction completed; RIP is the next one */
	EXEC_FAULT,   /* an exception: no architectural effect, RIP unchanged
			 (traps #BP and #DB: RIP after the instruction) */
	EXEC_SYSCALL, /* SYSCALL or INT n completed its part: the OS layer acts
			 next; RIP is the next instruction */
};

struct uop_exec_result {
	uint8_t status;         /* enum uop_exec_status */
	uint8_t vector;         /* EXEC_FAULT: exception vector; EXEC_SYSCALL: 0 (SYSCALL) or n of INT n */
	uint64_t fault_address; /* #PF: the guest address that faulted */
	uint8_t repeating;      /* a REP iteration ended and the instruction goes on */
};

/* Exception vectors (SDM vol. 3A, Table 6-1). */
enum x86_vector {
	VEC_DE = 0, VEC_DB = 1, VEC_BP = 3, VEC_OF = 4, VEC_BR = 5, VEC_UD = 6, VEC_GP = 13, VEC_PF = 14,
	VEC_MF = 16, /* x87 floating-point error (pending unmasked x87 exception) */
	VEC_XM = 19, /* SIMD floating-point exception (unmasked MXCSR exception) */
};

/* Executes the micro-ops u[0..n) of the instruction at `rip` (length
 * bytes) on x->state and x->memory. Precise: on a fault, no register,
 * flag or memory change survives. */
void uop_execute(struct uop_exec *x, const struct uop *u, unsigned n, uint64_t rip, unsigned length,
		 struct uop_exec_result *result);

/* ---- pre-decoded execution of decoded blocks (exec_fast.c) ----
 *
 * The same micro-ops as uop_execute, translated once per decoded block
 * into an array of handler numbers with their operands resolved, and run
 * by threaded dispatch. Instructions whose micro-ops cannot fault after a
 * store skip the per-instruction frame; the rest (and every micro-op
 * without a handler of its own) go through uop_execute's frame, so
 * exceptions stay precise. */
struct uop_fast_code;

/* Pre-decodes ninsns consecutive instructions starting at rip: the
 * micro-ops of instruction k are uops[first[k]..first[k] + nuops[k]), its
 * length length[k]. uops must stay in place while the code lives. NULL if
 * out of memory. */
struct uop_fast_code *uop_fast_compile(const struct uop *uops, const uint16_t *first, const uint8_t *nuops,
				       const uint8_t *length, unsigned ninsns, uint64_t rip, enum x86_mode mode);
void uop_fast_free(struct uop_fast_code *code);

/* Chaining: when a block ends (its last instruction done, RIP = rip),
 * returns the code of the block to run next, or NULL to stop; `done`
 * counts the instructions completed so far in this uop_fast_run. */
typedef const struct uop_fast_code *uop_fast_next_fn(void *context, uint64_t rip, uint64_t done);

/* Runs the block's instructions in order from x->state's RIP (the
 * block's), then the blocks `next` (if not NULL) chains to, and stops
 * after an instruction that leaves the straight line other than by
 * ending its block (a REP iteration that goes on, a write to a page
 * holding decoded code, a system call), at one that faults, or when
 * `next` says so. *result is as uop_execute's for the last instruction;
 * *instructions and *uops count the completed instructions (not REP
 * iterations that go on) and their micro-ops. */
void uop_fast_run(struct uop_exec *x, const struct uop_fast_code *code, uop_fast_next_fn *next, void *context,
		  struct uop_exec_result *result, uint64_t *instructions, uint64_t *uops);

/* True if the cracker has a micro-op sequence for this form (CPUID reports
 * only extensions whose forms all do: machine/cpuid.c). */
int uop_can_crack(enum x86_form form);

/* Formats one micro-op as text ("ADD.4 rax <- rax, rbx  [CF OSZAP]"). */
int uop_format(const struct uop *u, char *buf, unsigned size);

#endif
