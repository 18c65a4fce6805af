#include <Zydis/Zydis.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static ZydisDecoder zd64, zd32;
static void zinit(void){
	ZydisDecoderInit(&zd64, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
	ZydisDecoderInit(&zd32, ZYDIS_MACHINE_MODE_LEGACY_32, ZYDIS_STACK_WIDTH_32);
}
/* returns length or -1 */
static int zdec(int mode, const uint8_t *b, int n, ZydisDecodedInstruction *in, ZydisDecodedOperand *ops){
	ZyanStatus s = ZydisDecoderDecodeFull(mode==64?&zd64:&zd32, b, n, in, ops);
	if (!ZYAN_SUCCESS(s)) return -1;
	return in->length;
}
/* build: map pp W vvvv(0-15 real) V2(real ext bit) LL b z aaa R X B R2 (real ext bits) */
struct ev { int map, pp, w, vvvv, v2, ll, b, z, aaa, r, x, bb, r2; };
static int build(uint8_t *buf, struct ev e, int op, const uint8_t *tail, int tn){
	int n=0; buf[n++]=0x62;
	buf[n++] = (uint8_t)((!e.r<<7)|(!e.x<<6)|(!e.bb<<5)|(!e.r2<<4)|(e.map&7));
	buf[n++] = (uint8_t)((e.w<<7)|((~e.vvvv&15)<<3)|4|e.pp);
	buf[n++] = (uint8_t)((e.z<<7)|(e.ll<<5)|(e.b<<4)|((!e.v2)<<3)|e.aaa);
	buf[n++] = (uint8_t)op;
	memcpy(buf+n, tail, tn); n+=tn;
	return n;
}
