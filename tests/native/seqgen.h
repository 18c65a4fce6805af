/* seqgen.h - what the random-sequence generators of the differential tests
 * (uop_diff.c: x86-64 against the host CPU; uop_diff32.c: i386 against
 * qemu-i386) have in common: the random numbers (a fixed seed gives the
 * same cases on every machine), the sequence they build, the micro-ops no
 * random instruction may have, the ModRM and trailing bytes of a candidate,
 * the undefined ("poisoned") flags that no later instruction may read, and
 * curated code files. Each program keeps its own choice of prefixes and
 * opcodes and its own way of aiming memory operands. */
#ifndef UOPSIM_SEQGEN_H
#define UOPSIM_SEQGEN_H

#include <stddef.h>
#include <stdint.h>

#include "decoder/x86_decode.h"
#include "uops/uop.h"

#define SEQGEN_MAX_LENGTH 64 /* instructions in a sequence */

/* xorshift64*: the next random number of the generator *state. */
uint64_t seqgen_rnd(uint64_t *state);
/* A random number below n (n > 0). */
unsigned seqgen_rnd_below(uint64_t *state, unsigned n);

/* A register value: one of special[n] (the edge cases that break flag
 * logic) one time in four, a byte one in four, else any 64 bits. */
uint64_t seqgen_interesting(uint64_t *rng, const uint64_t *special, size_t n);

struct seqgen_sequence {
	uint8_t code[SEQGEN_MAX_LENGTH * 15];
	size_t code_len;
	unsigned count;
	uint64_t poison;                        /* flags undefined after the last instruction */
	uint64_t poison_after[SEQGEN_MAX_LENGTH]; /* after each instruction */
	uint64_t insn_addr[SEQGEN_MAX_LENGTH];
};

/* Where a generator's candidates come from. instruction writes one
 * candidate at address into out and returns its length, or 0 if it
 * rejected it (*poison: the flags undefined before it, to update);
 * insert, if not NULL, may append instructions of its own before a
 * candidate (then returns 1: the loop checks the length again). */
struct seqgen_source {
	const char *prog; /* for error messages */
	uint64_t code_addr;
	void *context;
	int (*instruction)(void *context, uint8_t *out, uint64_t address, uint64_t *poison);
	int (*insert)(void *context, struct seqgen_sequence *s, unsigned length);
};

/* Fills s with length instructions; exits with a message if no candidate
 * is accepted in 10^7 attempts. */
void seqgen_generate(struct seqgen_sequence *s, unsigned length, const struct seqgen_source *src);

/* Appends a candidate's ModRM (a memory form becomes rm `memory_rm`,
 * mod 00: [rip/disp32] or [disp16]) and 12 random bytes (displacement and
 * immediate) to b[n...]; returns the new n. */
unsigned seqgen_modrm_and_tail(uint64_t *rng, uint8_t *b, unsigned n, uint8_t memory_rm);

/* Decodes and cracks a candidate; returns its length and the micro-ops'
 * count in *nu, or 0 if it is not decodable or not cracked. */
int seqgen_decode(const uint8_t *b, unsigned n, enum x86_mode mode, uint64_t address, struct x86_insn *insn,
                  struct uop *u, int *nu);

/* Whether a random sequence must not hold an instruction of these
 * micro-ops: control flow (curated tests cover it) and system micro-ops,
 * string instructions, RCPPS/RSQRTPS (undefined within the SDM's error
 * bound), 16-bit double shifts past 16 and BSWAP r16 (undefined, SDM vol.
 * 2), 3 in 4 divisions (most random ones fault), and with gp_only any
 * vector micro-op or register. Draws from *rng for divisions. */
int seqgen_reject_uops(const struct uop *u, int nu, int gp_only, uint64_t *rng);

/* Whether an operand is the stack pointer (kept pointing at the stack). */
int seqgen_names_stack_pointer(const struct x86_insn *insn);

/* Whether the micro-ops read a flag in poison. */
int seqgen_reads_poison(const struct uop *u, int nu, uint64_t poison);

/* Accepts a candidate: the flags its micro-ops define are no longer
 * poisoned, those they leave undefined are; copies b to out; returns len. */
int seqgen_accept(uint8_t *out, const uint8_t *b, int len, const struct uop *u, int nu, uint64_t *poison);

/* Loads a curated code file (raw bytes at code_addr) into s: every
 * instruction's poison is the flags any of them may leave undefined (a
 * linear sweep). Returns 0, or -1 with a message on stderr. */
/* Prints the first count instructions of s (address, bytes, Intel
 * syntax) and their micro-ops. */
void seqgen_print(const struct seqgen_sequence *s, unsigned count, enum x86_mode mode, uint64_t code_addr);

int seqgen_load_code(const char *prog, const char *path, enum x86_mode mode, uint64_t code_addr,
                     struct seqgen_sequence *s);

#endif
