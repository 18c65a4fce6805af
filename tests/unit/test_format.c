/* test_format.c - unit tests of the Intel-syntax formatter (decoder/format.c).
 *
 * The expected strings are what GNU objdump -d -M intel (binutils 2.40)
 * prints for the same bytes at the same address: the formatter's spec. They
 * were produced with
 *   objdump -D -b binary -m i386:x86-64|i386|i8086 -M intel --adjust-vma=ADDR
 * and cover each rule of format.c: prefixes objdump names (data16, cs, rex,
 * rep/repz, bnd, notrack, lock), size keywords, segments, eiz/riz, RIP
 * comments, immediates, branch targets, x87 registers, mnemonic suffixes
 * and pseudo-ops.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decoder/x86_decode.h"
#include "decoder/x86_format.h"

Suite *format_suite(void);

/* Parses "4889e5" into bytes; returns the count. */
static size_t unhex(const char *hex, uint8_t *out, size_t max)
{
	size_t n = 0;
	while (hex[0] && hex[1] && n < max) {
		unsigned v;
		sscanf(hex, "%2x", &v);
		out[n++] = (uint8_t)v;
		hex += 2;
	}
	return n;
}

static const struct objdump_case {
	int mode;
	uint64_t address;
	const char *hex;
	const char *text;
} objdump_cases[] = {
    {64, 0x401000, "4889e5", "mov    rbp,rsp"},
    {64, 0x401018, "ff25ba0d1e00", "jmp    QWORD PTR [rip+0x1e0dba]        # 0x5e1dd8"},
    {64, 0x410aeb, "488d3d8ee6ffff", "lea    rdi,[rip+0xffffffffffffe68e]        # 0x40f180"},
    {64, 0x401c9a, "662e0f1f840000000000", "cs nop WORD PTR [rax+rax*1+0x0]"},
    {64, 0x401f11, "66662e0f1f840000000000", "data16 cs nop WORD PTR [rax+rax*1+0x0]"},
    {64, 0x4012c4, "f3ab", "rep stos DWORD PTR es:[rdi],eax"},
    {64, 0x401000, "f3c3", "repz ret"},
    {64, 0x401000, "f2e800000000", "bnd call 0x401006"},
    {64, 0x401000, "3effe0", "notrack jmp rax"},
    {64, 0x401000, "64488b042528000000", "mov    rax,QWORD PTR fs:0x28"},
    {64, 0x401000, "4883e4f0", "and    rsp,0xfffffffffffffff0"},
    {64, 0x401000, "6aff", "push   0xffffffffffffffff"},
    {64, 0x401000, "48c7c0ffffffff", "mov    rax,0xffffffffffffffff"},
    {64, 0x401000, "66c744240801ff", "mov    WORD PTR [rsp+0x8],0xff01"},
    {64, 0x401000, "d9c9", "fxch   st(1)"},
    {64, 0x401000, "d8c1", "fadd   st,st(1)"},
    {64, 0x401000, "dee9", "fsubp  st(1),st"},
    {64, 0x401000, "db2dea3b0f00", "fld    TBYTE PTR [rip+0xf3bea]        # 0x4f4bf0"},
    {64, 0x401000, "6690", "xchg   ax,ax"},
    {64, 0x40100e, "7402", "je     0x401012"},
    {64, 0x401000, "f00fb117", "lock cmpxchg DWORD PTR [rdi],edx"},
    {64, 0x401000, "48b88877665544332211", "movabs rax,0x1122334455667788"},
    {64, 0x401000, "0fc2c100", "cmpeqps xmm0,xmm1"},
    {64, 0x401000, "4057", "rex push rdi"},
    {64, 0x401000, "48a5", "movs   QWORD PTR es:[rdi],QWORD PTR ds:[rsi]"},
    {64, 0x401000, "ac", "lods   al,BYTE PTR ds:[rsi]"},
    {64, 0x401000, "f3a6", "repz cmps BYTE PTR ds:[rsi],BYTE PTR es:[rdi]"},
    {64, 0x401000, "d7", "xlat   BYTE PTR ds:[rbx]"},
    {64, 0x401000, "8b042578563412", "mov    eax,DWORD PTR ds:0x12345678"},
    {64, 0x401000, "418b0424", "mov    eax,DWORD PTR [r12]"},
    {64, 0x401000, "418b4500", "mov    eax,DWORD PTR [r13+0x0]"},
    {64, 0x401000, "428b0420", "mov    eax,DWORD PTR [rax+r12*1]"},
    {64, 0x401000, "678b0510000000", "mov    eax,DWORD PTR [eip+0x10]        # 0x401017"},
    {64, 0x401000, "c5fd6f06", "vmovdqa ymm0,YMMWORD PTR [rsi]"},
    {64, 0x401000, "c4417dfcc2", "vpaddb ymm8,ymm0,ymm10"},
    {64, 0x401000, "0f1f4000", "nop    DWORD PTR [rax+0x0]"},
    {64, 0x401000, "f3480f1ec8", "rdsspq rax"},
    {64, 0x401000, "66480f7ec6", "movq   rsi,xmm0"},
    {64, 0x401000, "e9fbffffff", "jmp    0x401000"},
    {64, 0x401000, "48cb", "retfq"},
    {64, 0x401000, "d1e0", "shl    eax,1"},
    {64, 0x401000, "d1f0", "shl    eax,1"},
    {64, 0x401000, "f30f1efa", "endbr64"},
    {64, 0x401000, "8ee8", "mov    gs,eax"},
    {64, 0x401000, "2e8b00", "cs mov eax,DWORD PTR [rax]"},
    {64, 0x401000, "0f05", "syscall"},
    {32, 0x8049b77, "8db42600000000", "lea    esi,[esi+eiz*1+0x0]"},
    {32, 0x8049000, "8d742600", "lea    esi,[esi+eiz*1+0x0]"},
    {32, 0x8049000, "a134120000", "mov    eax,ds:0x1234"},
    {32, 0x8049000, "8b0534120000", "mov    eax,DWORD PTR ds:0x1234"},
    {32, 0x8049000, "8b042534120000", "mov    eax,DWORD PTR [eiz*1+0x1234]"},
    {32, 0x8049000, "65a114000000", "mov    eax,gs:0x14"},
    {32, 0x8049000, "66c3", "retw"},
    {32, 0x8049000, "669c", "pushfw"},
    {32, 0x8049000, "60", "pusha"},
    {32, 0x8049000, "66e90100", "jmpw   0x9005"},
    {32, 0x8049000, "8ee8", "mov    gs,eax"},
    {32, 0x8049000, "cd80", "int    0x80"},
    {32, 0x8049000, "ff1485c0f00408", "call   DWORD PTR [eax*4+0x804f0c0]"},
    {32, 0x8049000, "c8100000", "enter  0x10,0x0"},
    {32, 0x8049000, "ea785634121000", "jmp    0x10:0x12345678"},
    {32, 0x8049000, "66a5", "movs   WORD PTR es:[edi],WORD PTR ds:[esi]"},
    {32, 0x8049000, "e8fbffffff", "call   0x8049000"},
    {16, 0x0, "8b4608", "mov    ax,WORD PTR [bp+0x8]"},
    {16, 0x0, "8b00", "mov    ax,WORD PTR [bx+si]"},
    {16, 0x0, "8b01", "mov    ax,WORD PTR [bx+di]"},
    {16, 0x0, "8b02", "mov    ax,WORD PTR [bp+si]"},
    {16, 0x0, "8b03", "mov    ax,WORD PTR [bp+di]"},
    {16, 0x0, "8b04", "mov    ax,WORD PTR [si]"},
    {16, 0x0, "8b05", "mov    ax,WORD PTR [di]"},
    {16, 0x0, "8b063412", "mov    ax,WORD PTR ds:0x1234"},
    {16, 0x0, "8b07", "mov    ax,WORD PTR [bx]"},
    {16, 0x0, "8b4600", "mov    ax,WORD PTR [bp+0x0]"},
    {16, 0x0, "8b87feff", "mov    ax,WORD PTR [bx-0x2]"},
    {16, 0x1000, "ebfe", "jmp    0x1000"},
    {16, 0x0, "669c", "pushfd"},
    {64, 0x401000, "f0e800000000", "lock call 0x401006"},
    {64, 0x401000, "9bda1d13382a75", "ficomp DWORD PTR [rip+0x752a3813]        # 0x756a481a"},
    {64, 0x401000, "9bd97dfe", "fstcw  WORD PTR [rbp-0x2]"},
    {64, 0x401000, "dbe0", "fneni(8087 only)"},
    {64, 0x401000, "0f01c8", "monitor"},
    {64, 0x401000, "c4e27950c0", "{vex} vpdpbusd xmm0,xmm0,xmm0"},
    {64, 0x401000, "c4c24d900ca8", "vpgatherdd ymm1,DWORD PTR [r8+ymm5*4],ymm6"},
    {64, 0x401000, "f0480fc70f", "lock cmpxchg16b OWORD PTR [rdi]"},
    {64, 0x401000, "0f0100", "sgdt   [rax]"},
    {64, 0x401000, "0fae38", "clflush BYTE PTR [rax]"},
    {64, 0x401000, "62f17c4858c1", "vaddps zmm0,zmm0,zmm1"},
    {64, 0x401000, "62f17cc958c1", "vaddps zmm0{k1}{z},zmm0,zmm1"},
    {64, 0x401000, "62f17c585800", "vaddps zmm0,zmm0,DWORD BCST [rax]"},
    {64, 0x401000, "62f37d203f0700", "vpcmpeqb k0,ymm16,YMMWORD PTR [rdi]"},
    {64, 0x401000, "660fc2c101", "cmpltpd xmm0,xmm1"},
    {64, 0x401000, "c5f8c2c111", "vcmplt_oqps xmm0,xmm0,xmm1"},
    {64, 0x401000, "660f3a44c011", "pclmulhqhqdq xmm0,xmm0"},
    {64, 0x401000, "4c0f02c6", "lar    r8,rsi"},
    {64, 0x401000, "67a112345678", "addr32 mov eax,ds:0x78563412"},
    {64, 0x401000, "48a11122334455667788", "movabs rax,ds:0x8877665544332211"},
    {64, 0x401000, "66c3", "retw"},
    {64, 0x401000, "f390", "pause"},
    {64, 0x401000, "f3480fb8c1", "popcnt rax,rcx"},
    {64, 0x401000, "660f1f440000", "nop    WORD PTR [rax+rax*1+0x0]"},
    {64, 0x401000, "26a4", "movs   BYTE PTR es:[rdi],BYTE PTR ds:[rsi]"},
    {64, 0x401000, "3ea4", "movs   BYTE PTR es:[rdi],BYTE PTR ds:[rsi]"},
    {64, 0x401000, "f2ae", "repnz scas al,BYTE PTR es:[rdi]"},
    {64, 0x401000, "f0f0f098", "lock lock lock cwde"},
    {32, 0x8049000, "9b", "fwait"},
    {32, 0x8049000, "d9ee", "fldz"},
    {32, 0x8049000, "dd1c24", "fstp   QWORD PTR [esp]"},
    {32, 0x8049000, "df2c24", "fild   QWORD PTR [esp]"},
    {32, 0x8049000, "d9c9", "fxch   st(1)"},
    {32, 0x8049000, "dcc1", "fadd   st(1),st"},
    {32, 0x8049000, "dee9", "fsubp  st(1),st"},
    {32, 0x8049000, "def9", "fdivp  st(1),st"},
    {32, 0x8049000, "0f1f00", "nop    DWORD PTR [eax]"},
    {32, 0x8049000, "26a4", "movs   BYTE PTR es:[edi],BYTE PTR es:[esi]"},
    {32, 0x8049000, "67e301", "jcxz   0x8049004"},
    {32, 0x8049000, "66e301", "data16 jecxz 0x8049004"},
    {16, 0x0, "6650", "push   eax"},
    {16, 0x0, "66c3", "retd"},
    {16, 0x0, "e301", "jcxz   0x3"},
};

/* Every case decodes to one instruction of its full length, and prints as
 * objdump prints it. */
START_TEST(test_objdump_text)
{
	const struct objdump_case *c = &objdump_cases[_i];
	uint8_t bytes[32];
	size_t n = unhex(c->hex, bytes, sizeof bytes);
	struct x86_insn insn;
	char text[256];
	int len = x86_disasm_line(bytes, n, (enum x86_mode)c->mode, c->address, &insn, text, sizeof text);
	ck_assert_msg(len == (int)n, "%s (mode %d): length %d, expected %zu", c->hex, c->mode, len, n);
	ck_assert_msg(!strcmp(text, c->text), "%s (mode %d): got \"%s\", expected \"%s\"", c->hex, c->mode,
	              text, c->text);
}
END_TEST

/* Like snprintf: the return value is the full length, the buffer is
 * truncated and terminated. */
START_TEST(test_truncation)
{
	static const uint8_t bytes[] = {0xff, 0x25, 0xba, 0x0d, 0x1e, 0x00};
	struct x86_insn insn;
	char full[128], small[10];
	ck_assert_int_eq(x86_decode(bytes, sizeof bytes, X86_MODE_64, &insn), 6);
	int n = x86_format_intel(&insn, 0x401018, full, sizeof full);
	ck_assert_int_eq(n, (int)strlen(full));
	memset(small, 'x', sizeof small);
	int m = x86_format_intel(&insn, 0x401018, small, sizeof small);
	ck_assert_int_eq(m, n);
	ck_assert_int_eq(strlen(small), sizeof small - 1);
	ck_assert(!strncmp(small, full, sizeof small - 1));
	ck_assert_int_eq(x86_format_intel(&insn, 0x401018, NULL, 0), n);
}
END_TEST

/* Without the bytes, prefixes come from the prefix set: a repeated 66 is
 * seen once, so only the bytes-aware variant prints objdump's "data16". */
START_TEST(test_without_bytes)
{
	static const uint8_t bytes[] = {0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0};
	struct x86_insn insn;
	char text[128];
	ck_assert_int_eq(x86_decode(bytes, sizeof bytes, X86_MODE_64, &insn), (int)sizeof bytes);
	x86_format_intel(&insn, 0, text, sizeof text);
	ck_assert_str_eq(text, "cs nop WORD PTR [rax+rax*1+0x0]");
	x86_format_intel_bytes(&insn, bytes, 0, text, sizeof text);
	ck_assert_str_eq(text, "data16 cs nop WORD PTR [rax+rax*1+0x0]");
}
END_TEST

/* objdump's line boundaries that are not instruction boundaries. */
START_TEST(test_disasm_line_quirks)
{
	struct x86_insn insn;
	char text[128];
	/* A REX before a legacy prefix is ignored by the CPU; objdump prints
	 * it as a line of its own. */
	static const uint8_t rex_then_66[] = {0x48, 0x66, 0x01, 0xc0};
	ck_assert_int_eq(x86_disasm_line(rex_then_66, 4, X86_MODE_64, 0, &insn, text, sizeof text), 1);
	ck_assert_str_eq(text, "rex.W");
	ck_assert_int_eq(x86_disasm_line(rex_then_66 + 1, 3, X86_MODE_64, 1, &insn, text, sizeof text), 3);
	ck_assert_str_eq(text, "add    ax,ax");
	/* FWAIT joins the x87 instruction after it: FNSTCW becomes FSTCW. */
	static const uint8_t fstcw[] = {0x9b, 0xd9, 0x7d, 0xfe};
	ck_assert_int_eq(x86_disasm_line(fstcw, 4, X86_MODE_64, 0, &insn, text, sizeof text), 4);
	ck_assert_str_eq(text, "fstcw  WORD PTR [rbp-0x2]");
	static const uint8_t fwait_alone[] = {0x9b, 0x90};
	ck_assert_int_eq(x86_disasm_line(fwait_alone, 2, X86_MODE_64, 0, &insn, text, sizeof text), 1);
	ck_assert_str_eq(text, "fwait");
	/* Undecodable: "(bad)" after the prefixes, which it covers. */
	static const uint8_t bad[] = {0xf3, 0x26, 0x65, 0x27};
	ck_assert_int_eq(x86_disasm_line(bad, 4, X86_MODE_64, 0, &insn, text, sizeof text), 4);
	ck_assert_str_eq(text, "repz es gs (bad)");
	ck_assert_int_eq(insn.form, X86_FORM_INVALID);
	/* An undefined x87 memory form: objdump shows the address it covers. */
	static const uint8_t x87_bad[] = { 0xdb, 0x74, 0x1e, 0x1d };
	ck_assert_int_eq(x86_disasm_line(x87_bad, 4, X86_MODE_64, 0, &insn, text, sizeof text), 4);
	ck_assert_str_eq(text, "(bad)  [rsi+rbx*1+0x1d]");
	/* A leading FWAIT is read as a prefix: 9B 45 66 prints "rex.RB" for
	 * the 9B alone. */
	static const uint8_t fwait_rex[] = { 0x9b, 0x45, 0x66, 0x90 };
	ck_assert_int_eq(x86_disasm_line(fwait_rex, 4, X86_MODE_64, 0, &insn, text, sizeof text), 1);
	ck_assert_str_eq(text, "rex.RB");
	/* LOCK where the CPU raises #UD: objdump prints it anyway. */
	static const uint8_t lock_push[] = { 0xf0, 0x6a, 0x01 };
	ck_assert_int_eq(x86_disasm_line(lock_push, 3, X86_MODE_64, 0, &insn, text, sizeof text), 3);
	ck_assert_str_eq(text, "lock push 0x1");
	/* Cut short by the end of the data: objdump shows a byte of data. */
	static const uint8_t cut[] = {0xe9, 0x00};
	ck_assert_int_eq(x86_disasm_line(cut, 2, X86_MODE_64, 0, &insn, text, sizeof text), 1);
	ck_assert_str_eq(text, ".byte 0xe9");
}
END_TEST

/* A form's text never depends on the buffer it is written to, and the
 * formatter never writes past `size` whatever the instruction. */
START_TEST(test_all_one_byte_opcodes_fit)
{
	for (int mode = 16; mode <= 64; mode *= 2) {
		for (unsigned op = 0; op < 256; op++) {
			uint8_t bytes[16] = {(uint8_t)op, 0x84, 0x88, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
			struct x86_insn insn;
			char big[256], tiny[8];
			if (x86_decode(bytes, sizeof bytes, (enum x86_mode)mode, &insn) <= 0)
				continue;
			int n = x86_format_intel_bytes(&insn, bytes, 0x1000, big, sizeof big);
			ck_assert_int_lt(n, (int)sizeof big);
			ck_assert_int_eq(x86_format_intel_bytes(&insn, bytes, 0x1000, tiny, sizeof tiny), n);
			ck_assert(!strncmp(tiny, big, sizeof tiny - 1));
		}
	}
}
END_TEST

Suite *format_suite(void)
{
	Suite *s = suite_create("format");
	TCase *tc = tcase_create("objdump");
	tcase_add_loop_test(tc, test_objdump_text, 0, (int)(sizeof objdump_cases / sizeof objdump_cases[0]));
	tcase_add_test(tc, test_truncation);
	tcase_add_test(tc, test_without_bytes);
	tcase_add_test(tc, test_disasm_line_quirks);
	tcase_add_test(tc, test_all_one_byte_opcodes_fit);
	suite_add_tcase(s, tc);
	return s;
}
