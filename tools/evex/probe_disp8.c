/* probe_disp8.c - asks Zydis, for every EVEX memory cell (map x opcode x pp
 * x W x L'L x ModRM.reg, 32- and 64-bit mode), what displacement it reads
 * from a disp8 of 1: that is the compressed-displacement factor N of SDM
 * vol. 2, 2.7.5. One line per valid cell (disp8.txt):
 *   mode map opcode pp W L'L reg N Nb bcst_bits
 * N without EVEX.b; Nb and the broadcast element size with EVEX.b = 1
 * (0 0 when the cell takes no broadcast). gen.py checks the tuple types
 * it derives from the SDM's rules against these numbers. */
#include "zyprobe.h"
static int mem_disp(int mode, struct ev e, int op, int reg, long *disp, int *bits)
{
	/* mod = 01 with rm = 001, or with a SIB byte (VSIB forms need one). */
	uint8_t tails[2][8] = { { (uint8_t)(0x40 | reg << 3 | 1), 1 },
				{ (uint8_t)(0x40 | reg << 3 | 4), (uint8_t)(reg == 6 ? 0x39 : 0x31), 1 } };
	for (int t = 0; t < 2; t++) {
		uint8_t buf[20];
		ZydisDecodedInstruction in;
		ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
		int n = build(buf, e, op, tails[t], 8);
		if (zdec(mode, buf, n, &in, ops) <= 0)
			continue;
		for (int i = 0; i < in.operand_count; i++)
			if (ops[i].type == ZYDIS_OPERAND_TYPE_MEMORY && ops[i].visibility == ZYDIS_OPERAND_VISIBILITY_EXPLICIT) {
				*disp = (long)ops[i].mem.disp.value;
				*bits = ops[i].size;
				return 1;
			}
	}
	return 0;
}
int main(void)
{
	zinit();
	int maps[] = { 1, 2, 3, 5, 6 };
	for (int mode = 32; mode <= 64; mode += 32)
	for (int mi = 0; mi < 5; mi++) for (int op = 0; op < 256; op++) for (int pp = 0; pp < 4; pp++)
	for (int w = 0; w < 2; w++) for (int ll = 0; ll < 3; ll++) for (int reg = 0; reg < 8; reg++) {
		long n0 = 0, nb = 0;
		int bits = 0, got = 0;
		for (int aaa = 0; aaa < 2 && !got; aaa++) for (int vu = 0; vu < 2 && !got; vu++) {
			struct ev e = { maps[mi], pp, w, vu ? 2 : 0, 0, ll, 0, 0, aaa, 0, 0, 0, 0 };
			if (!mem_disp(mode, e, op, reg, &n0, &bits))
				continue;
			got = 1;
			e.b = 1;
			if (!mem_disp(mode, e, op, reg, &nb, &bits))
				nb = 0, bits = 0;
		}
		if (got)
			printf("%d %d %02X %d %d %d %d %ld %ld %d\n", mode, maps[mi], op, pp, w, ll, reg, n0, nb, bits);
	}
	return 0;
}
