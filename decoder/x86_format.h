/* x86_format.h - the disassembler's output side beyond x86_format_intel().
 *
 * x86_format_intel() (declared in x86_decode.h) sees only the decoded
 * instruction, whose prefixes are a set. objdump prints prefixes that have
 * no effect by name and in byte order ("data16 data16 cs nop ...", "rex.W",
 * "ds jmp ..."), so to match it exactly the formatter needs the bytes.
 */
#ifndef UOPSIM_X86_FORMAT_H
#define UOPSIM_X86_FORMAT_H

#include "x86_decode.h"

/* Formats `insn` like x86_format_intel(); `bytes` are the insn->length
 * bytes it was decoded from (NULL: prefixes are taken from insn->prefixes,
 * one of each kind). Returns the length written (like snprintf). */
int x86_format_intel_bytes(const struct x86_insn *insn, const uint8_t *bytes, uint64_t address, char *buf,
                           size_t size);

/* Decodes and formats one line of objdump -d -M intel output at p: usually
 * one instruction, but like objdump it prints a REX prefix that another
 * prefix follows as a line of its own, joins FWAIT to the x87 instruction
 * after it ("fstcw"), and prints undecodable bytes as "(bad)" covering the
 * prefixes, escape and opcode bytes. Returns the number of bytes the line
 * covers (at least 1 when avail > 0); *insn is the decoded instruction
 * (form X86_FORM_INVALID for "(bad)" and prefix-only lines). */
int x86_disasm_line(const uint8_t *p, size_t avail, enum x86_mode mode, uint64_t address,
                    struct x86_insn *insn, char *buf, size_t size);

#endif
