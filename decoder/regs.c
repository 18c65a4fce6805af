/* regs.c - register names, from regs.def. */
#include "x86_decode.h"

static const char *const reg_names[X86_REG_COUNT] = {
#define REG(id, name) [X86_REG_##id] = name,
#include "regs.def"
#undef REG
};

const char *x86_reg_name(enum x86_reg reg)
{
	return (unsigned)reg < X86_REG_COUNT ? reg_names[reg] : "?";
}

const char *x86_decode_status_name(int status)
{
	switch (status) {
	case X86_DECODE_INVALID: return "invalid instruction (#UD)";
	case X86_DECODE_TRUNCATED: return "truncated instruction";
	case X86_DECODE_TOO_LONG: return "instruction longer than 15 bytes";
	default: return status > 0 ? "ok" : "unknown decode status";
	}
}
