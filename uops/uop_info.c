/* uop_info.c - the micro-op table and names, expanded from uops.def and
 * uregs.def, and the micro-op formatter. */
#include <stdarg.h>
#include <stdio.h>

#include "uops/uop.h"

#define NONE UNIT_NONE
#define ALU UNIT_ALU
#define SHIFT UNIT_SHIFT
#define MUL UNIT_MUL
#define DIV UNIT_DIV
#define BRANCH UNIT_BRANCH
#define LOAD UNIT_LOAD
#define STA UNIT_STA
#define STD UNIT_STD
#define SYS UNIT_SYS
#define VALU UNIT_VALU
#define VSHIFT UNIT_VSHIFT
#define VSHUF UNIT_VSHUF
#define VMUL UNIT_VMUL
#define FADD UNIT_FADD
#define FMUL UNIT_FMUL
#define FDIV UNIT_FDIV
#define FCVT UNIT_FCVT

const struct uop_info uop_info[UOP_COUNT] = {
#define UOP(name, unit, latency, props, doc) [UOP_##name] = { #name, unit, latency, props, doc },
#include "uops.def"
#undef UOP
};

static const char *const ureg_names[UREG_COUNT] = {
#define UREG(id) [UREG_##id] = #id,
#include "uregs.def"
#undef UREG
};

static const char *const unit_names[UNIT_COUNT] = {
	"none", "alu", "shift", "mul", "div", "branch", "load", "store-address", "store-data", "sys",
	"vector-alu", "vector-shift", "vector-shuffle", "vector-mul", "fp-add", "fp-mul", "fp-div", "fp-convert",
};

static const char *const cond_names[] = {
	"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g",
	"src0==0", "src0!=0", "src0!=0&&e", "src0!=0&&ne", "always",
};

const char *ureg_name(enum ureg r)
{
	return (unsigned)r < UREG_COUNT ? ureg_names[r] : "?";
}

const char *uop_unit_name(enum uop_unit u)
{
	return (unsigned)u < UNIT_COUNT ? unit_names[u] : "?";
}

struct text {
	char *buf;
	unsigned size, len;
};

static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(t->buf + (t->len < t->size ? t->len : t->size), t->len < t->size ? t->size - t->len : 0,
			  fmt, ap);
	va_end(ap);
	t->len += n > 0 ? (unsigned)n : 0;
}

static int has_condition(enum uop_op op)
{
	return op == UOP_SETCC || op == UOP_CMOV || op == UOP_BRCC || op == UOP_UBRCC;
}

int uop_format(const struct uop *u, char *buf, unsigned size)
{
	const struct uop_info *info = &uop_info[u->op < UOP_COUNT ? u->op : 0];
	struct text t = { buf, size, 0 };
	if (size)
		buf[0] = 0;
	put(&t, "%s.%u", info->name, u->width);
	if (has_condition(u->op))
		put(&t, ".%s", cond_names[u->cond]);
	if (u->dst)
		put(&t, " %s%s", ureg_name(u->dst), (u->high_byte & HI8_DST) ? ".h" : "");
	put(&t, " <-");
	if (info->unit == UNIT_LOAD || info->unit == UNIT_STA || u->op == UOP_LEA) {
		put(&t, " [");
		if (u->src[0])
			put(&t, "%s:", ureg_name(u->src[0]));
		if (u->src[1])
			put(&t, "%s", ureg_name(u->src[1]));
		if (u->src[2])
			put(&t, "+%s*%u", ureg_name(u->src[2]), 1u << u->scale);
		put(&t, "%+lld]", (long long)u->imm);
	} else {
		static const uint8_t high_bit[3] = { HI8_SRC0, HI8_SRC1, HI8_SRC2 };
		for (int i = 0; i < 3; i++)
			if (u->src[i])
				put(&t, " %s%s", ureg_name(u->src[i]), (u->high_byte & high_bit[i]) ? ".h" : "");
		if (u->imm || (!u->src[0] && !u->src[1]))
			put(&t, " %#llx", (unsigned long long)u->imm);
	}
	if (u->flags_write)
		put(&t, "  [writes%s%s%s]", (u->flags_write & UF_CF) ? " CF" : "",
		    (u->flags_write & UF_OSZAP) ? " OSZAP" : "", (u->flags_write & UF_DF) ? " DF" : "");
	return (int)t.len;
}
