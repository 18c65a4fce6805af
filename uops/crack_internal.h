/* crack_internal.h - shared by the cracker's files (crack*.c); not part of
 * the public interface (that is uop.h). */
#ifndef UOPSIM_CRACK_INTERNAL_H
#define UOPSIM_CRACK_INTERNAL_H

#include "uops/uop.h"

struct cracker;

/* One row per instruction form: the pattern that cracks it and the
 * pattern's parameters. */
struct crack_row {
	void (*pattern)(struct cracker *c);
	uint8_t op;     /* enum uop_op the pattern uses */
	uint8_t flags;  /* enum uop_flag_group the main micro-op writes */
	uint8_t cond;   /* enum uop_cond */
	uint8_t arg;    /* pattern-specific (enum crack_arg) */
};

enum crack_arg {
	ARG_NO_WRITEBACK = 1u << 0, /* CMP, TEST: flags only */
	ARG_SIGNED = 1u << 1,       /* IMUL/IDIV, MOVSX */
	ARG_REP = 1u << 2,
};

extern const struct crack_row crack_table[X86_FORM_COUNT];

struct cracker {
	const struct x86_insn *insn;
	const struct crack_row *row;
	uint64_t next_rip;  /* address of the next instruction */
	struct uop *out;
	unsigned n;
	unsigned temps;
	int unsupported, overflow;
	struct uop scratch;
};

/* A micro-op source: a register (possibly a legacy high byte) or an
 * immediate. */
struct value {
	unsigned reg;
	int high_byte;
	int is_imm;
	int64_t imm;
};

struct uop *crack_emit(struct cracker *c, enum uop_op op, unsigned width);
unsigned crack_temp(struct cracker *c);
unsigned crack_gpr(enum x86_reg reg, int *high_byte);
void crack_address(struct cracker *c, const struct x86_mem *m, struct uop *u);
/* Emits a LOAD for a memory operand; registers and immediates need none. */
struct value crack_read(struct cracker *c, const struct x86_operand *op, unsigned width);
/* Where a result for `op` goes: its register, or a fresh temporary for memory. */
struct value crack_dest(struct cracker *c, const struct x86_operand *op);
void crack_set_src(struct uop *u, int slot, struct value v);
void crack_set_dst(struct uop *u, struct value v);
/* STA + STD of `data` when `op` is memory; nothing for a register. */
void crack_store(struct cracker *c, const struct x86_operand *op, unsigned width, struct value data);
/* Writes `result` to op: a store for memory, a MOV for a different register. */
void crack_store_to(struct cracker *c, const struct x86_operand *op, unsigned width, struct value result);

/* MOV dst <- src (width bytes). */
void crack_move(struct cracker *c, struct value dst, unsigned width, struct value src);
/* Pushes a value: store below the stack pointer, then move it. */
void crack_push_value(struct cracker *c, struct value v, unsigned width);

/* Patterns (crack_int.c). */
void crack_alu(struct cracker *c);
void crack_unary(struct cracker *c);
void crack_mov(struct cracker *c);
void crack_extend(struct cracker *c);
void crack_lea(struct cracker *c);
void crack_push(struct cracker *c);
void crack_pop(struct cracker *c);
void crack_xchg(struct cracker *c);
void crack_shift(struct cracker *c);
void crack_double_shift(struct cracker *c);
void crack_imul(struct cracker *c);
void crack_muldiv(struct cracker *c);
void crack_cmov(struct cracker *c);
void crack_setcc(struct cracker *c);
void crack_convert(struct cracker *c);
void crack_bit_test(struct cracker *c);
void crack_bit_scan(struct cracker *c);
void crack_bswap(struct cracker *c);
void crack_xadd(struct cracker *c);
void crack_cmpxchg(struct cracker *c);
void crack_cmpxchg8b(struct cracker *c);
void crack_movbe(struct cracker *c);
void crack_leave(struct cracker *c);
void crack_flags(struct cracker *c);
void crack_pushf(struct cracker *c);
void crack_popf(struct cracker *c);
void crack_lahf(struct cracker *c);
void crack_sahf(struct cracker *c);
/* Control flow (crack_branch.c). */
void crack_jcc(struct cracker *c);
void crack_jmp(struct cracker *c);
void crack_call(struct cracker *c);
void crack_ret(struct cracker *c);
void crack_loop(struct cracker *c);
/* Strings (crack_string.c). */
void crack_string(struct cracker *c);
/* System (crack_system.c). */
void crack_system(struct cracker *c);
void crack_nop(struct cracker *c);

#endif
