/* fuzz_decode.c - libFuzzer harness for x86_decode() (make fuzz).
 *
 * Each input is decoded in the three modes from the end of a page that is
 * followed by a PROT_NONE guard page, with `avail` = the input's length, so
 * a read past `avail` faults at once (the decoder promises never to read
 * past it, decoder/x86_decode.h). Besides the sanitizers' checks, it
 * asserts what the API promises about results:
 *   - a status in { 1..15, INVALID, TRUNCATED, TOO_LONG };
 *   - a length never above `avail`;
 *   - TRUNCATED only when `avail` < 15, and the same bytes with more room
 *     decode to something else than TRUNCATED;
 *   - decoding only the first `length` bytes gives the same result (the
 *     decoder did not need bytes past the instruction);
 *   - operand count and kinds in range, the form in range.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "decoder/x86_decode.h"

static uint8_t *guard_region; /* [page][PROT_NONE page] */
static size_t page_size;

static void setup(void)
{
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	guard_region = mmap(NULL, 2 * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (guard_region == MAP_FAILED) {
		perror("mmap");
		abort();
	}
	if (mprotect(guard_region + page_size, page_size, PROT_NONE) != 0) {
		perror("mprotect");
		abort();
	}
}

/* Copies the bytes so that they end right at the guard page. */
static const uint8_t *at_page_end(const uint8_t *data, size_t size)
{
	uint8_t *p = guard_region + page_size - size;
	memcpy(p, data, size);
	return p;
}

static void check_insn(const struct x86_insn *in, int st, enum x86_mode mode)
{
	if (st <= 0)
		return;
	assert(in->length == st);
	assert(in->mode == mode);
	assert(in->form > 0 && in->form < X86_FORM_COUNT);
	assert(in->noperands <= X86_MAX_OPERANDS);
	for (unsigned i = 0; i < in->noperands; i++)
		assert(in->operands[i].kind >= X86_OP_REG && in->operands[i].kind <= X86_OP_FAR);
	assert(in->operand_size == 16 || in->operand_size == 32 || in->operand_size == 64);
	assert(in->address_size == 16 || in->address_size == 32 || in->address_size == 64);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum x86_mode modes[3] = { X86_MODE_16, X86_MODE_32, X86_MODE_64 };
	if (!guard_region)
		setup();
	if (size > 64)
		size = 64;
	const uint8_t *p = at_page_end(data, size);
	for (int m = 0; m < 3; m++) {
		struct x86_insn in, in2;
		int st = x86_decode(p, size, modes[m], &in);
		assert(st == X86_DECODE_INVALID || st == X86_DECODE_TRUNCATED || st == X86_DECODE_TOO_LONG ||
		       (st >= 1 && st <= X86_MAX_INSN_LENGTH));
		if (st > 0) {
			assert((size_t)st <= size);
			check_insn(&in, st, modes[m]);
			/* The instruction alone, against the guard page, decodes the same. */
			const uint8_t *q = at_page_end(data, (size_t)st);
			int st2 = x86_decode(q, (size_t)st, modes[m], &in2);
			assert(st2 == st);
			assert(in2.form == in.form && in2.noperands == in.noperands);
			p = at_page_end(data, size);
		} else if (st == X86_DECODE_TRUNCATED) {
			assert(size < X86_MAX_INSN_LENGTH);
			/* With room to spare the bytes are no longer truncated. */
			uint8_t room[X86_MAX_INSN_LENGTH];
			memset(room, 0, sizeof room);
			memcpy(room, data, size);
			const uint8_t *q = at_page_end(room, sizeof room);
			int st2 = x86_decode(q, sizeof room, modes[m], &in2);
			assert(st2 != X86_DECODE_TRUNCATED);
			p = at_page_end(data, size);
		}
		/* Every shorter prefix of the input, also against the guard page. */
		for (size_t n = 0; n < size && n < X86_MAX_INSN_LENGTH; n++) {
			const uint8_t *q = at_page_end(data, n);
			int s = x86_decode(q, n, modes[m], &in2);
			assert(s == X86_DECODE_INVALID || s == X86_DECODE_TRUNCATED || s == X86_DECODE_TOO_LONG ||
			       (s >= 1 && (size_t)s <= n));
		}
		p = at_page_end(data, size);
	}
	return 0;
}
