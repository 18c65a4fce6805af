/* exec_vector_int.c - execution of the integer and data-movement vector
 * micro-ops (the first section of uops_vector.def): MMX, SSE2, SSSE3,
 * SSE4.1 lanes, shuffles, packs, blends, the SSE4.2 string compares, CRC32
 * and the MMX/x87 state micro-ops. Semantics cite the SDM vol. 2
 * instruction pages of the instructions that use each micro-op.
 *
 * Every vector micro-op reads its sources into local copies first (the
 * destination may be a source), builds the result, then writes `width`
 * bytes with vreg_write() (legacy merge above, MMX exponent). */
#include <stdlib.h>

#include "uops/exec_internal.h"

/* ---- lanes ---------------------------------------------------------------- */

/* A vector source: 64 bytes (8 for an MMX register, the rest zero), or all
 * zeros for UREG_NONE. */
static void vin(struct frame *f, unsigned r, uint8_t out[64])
{
	memset(out, 0, 64);
	if (r == UREG_NONE)
		return;
	if (r >= UREG_MM0 && r <= UREG_MM7)
		memcpy(out, vreg(f, r), 8);
	else
		memcpy(out, vreg(f, r), 64);
}

static uint64_t lane(const uint8_t *p, unsigned elem, unsigned i)
{
	uint64_t v = 0;
	memcpy(&v, p + i * elem, elem);
	return v;
}

static int64_t slane(const uint8_t *p, unsigned elem, unsigned i)
{
	return sign_extend(lane(p, elem, i), elem);
}

static void set_lane(uint8_t *p, unsigned elem, unsigned i, uint64_t v)
{
	memcpy(p + i * elem, &v, elem);
}

static int64_t smax_of(unsigned elem)
{
	return (int64_t)(width_mask(elem) >> 1);
}

static int64_t smin_of(unsigned elem)
{
	return -smax_of(elem) - 1;
}

/* Saturation of a wide result to an elem-byte lane (SDM vol. 1, 4.6.1.2). */
static uint64_t saturate_signed(__int128 v, unsigned elem)
{
	if (v > smax_of(elem))
		return (uint64_t)smax_of(elem);
	if (v < smin_of(elem))
		return (uint64_t)smin_of(elem);
	return (uint64_t)v;
}

static uint64_t saturate_unsigned(__int128 v, unsigned elem)
{
	if (v < 0)
		return 0;
	if (v > (__int128)width_mask(elem))
		return width_mask(elem);
	return (uint64_t)v;
}

/* ---- lane-wise arithmetic ---------------------------------------------------- */

static uint64_t lane_op(const struct uop *u, uint64_t a, uint64_t b, unsigned elem)
{
	int sgn = (u->vflags & VF_SIGNED) != 0, sat = (u->vflags & VF_SATURATE) != 0;
	int64_t sa = sign_extend(a, elem), sb = sign_extend(b, elem);
	unsigned bits = 8 * elem;
	switch (u->op) {
	case UOP_VADD:
		if (!sat)
			return a + b;
		return sgn ? saturate_signed((__int128)sa + sb, elem) : saturate_unsigned((__int128)a + b, elem);
	case UOP_VSUB:
		if (!sat)
			return a - b;
		return sgn ? saturate_signed((__int128)sa - sb, elem) : saturate_unsigned((__int128)a - (__int128)b, elem);
	case UOP_VCMPEQ:
		return a == b ? ~0ull : 0;
	case UOP_VCMPGT:
		return sa > sb ? ~0ull : 0;
	case UOP_VMIN:
		return sgn ? (sa < sb ? a : b) : (a < b ? a : b);
	case UOP_VMAX:
		return sgn ? (sa > sb ? a : b) : (a > b ? a : b);
	case UOP_VAVG:
		return (uint64_t)(((unsigned __int128)a + b + 1) >> 1);
	case UOP_VABS:
		return sa < 0 ? (uint64_t)0 - a : a;
	case UOP_VSIGN:
		return sb < 0 ? (uint64_t)0 - a : sb == 0 ? 0 : a;
	case UOP_VMULLO:
		return a * b;
	case UOP_VMULHI:
		if (sgn)
			return (uint64_t)(((__int128)sa * sb) >> bits);
		return (uint64_t)(((unsigned __int128)a * b) >> bits);
	case UOP_VMULHRS: /* SDM vol. 2, PMULHRSW: ((a * b >> 14) + 1) >> 1 */
		return (uint64_t)((((int64_t)sa * sb >> 14) + 1) >> 1);
	case UOP_VMULEVEN: { /* the low dword of each qword */
		if (sgn)
			return (uint64_t)((int64_t)(int32_t)a * (int64_t)(int32_t)b);
		return (a & 0xFFFFFFFF) * (b & 0xFFFFFFFF);
	}
	default:
		return 0;
	}
}

/* Shift counts: imm, or the low 64 bits of src1 (SDM vol. 2, PSLLW). */
static uint64_t shift_lane(const struct uop *u, uint64_t a, uint64_t count, unsigned elem)
{
	unsigned bits = 8 * elem;
	if (u->op == UOP_VSAR) {
		int64_t s = sign_extend(a, elem);
		return (uint64_t)(s >> (count >= bits ? bits - 1 : count));
	}
	if (count >= bits)
		return 0;
	return u->op == UOP_VSHL ? a << count : (a & width_mask(elem)) >> count;
}

/* ---- SSE4.2 string compares (SDM vol. 2, 4.1) -------------------------------- */

static unsigned string_length_implicit(const uint8_t *p, unsigned elem, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (lane(p, elem, i) == 0)
			return i;
	return n;
}

/* IntRes2 of PCMPxSTRx: imm[1:0] data format, [3:2] aggregation, [5:4]
 * polarity. a = xmm1 (Src1), b = xmm2/m128 (Src2). */
static unsigned pcmpstr_result(const uint8_t *a, const uint8_t *b, unsigned la, unsigned lb, unsigned imm)
{
	unsigned elem = (imm & 1) ? 2 : 1, n = 16 / elem;
	int sgn = (imm & 2) != 0;
	unsigned agg = (imm >> 2) & 3, res1 = 0;
#define VAL(p, i) (sgn ? slane(p, elem, i) : (int64_t)lane(p, elem, i))
	for (unsigned j = 0; j < n; j++) {
		unsigned bit = 0;
		switch (agg) {
		case 0: /* equal any: b[j] is one of a[0..la) */
			if (j < lb)
				for (unsigned i = 0; i < la && !bit; i++)
					bit = VAL(a, i) == VAL(b, j);
			break;
		case 1: /* ranges: a[i] <= b[j] <= a[i+1], i even */
			if (j < lb)
				for (unsigned i = 0; i + 1 < la && !bit; i += 2)
					bit = VAL(a, i) <= VAL(b, j) && VAL(b, j) <= VAL(a, i + 1);
			break;
		case 2: /* equal each: both invalid is true, one invalid false */
			if (j >= la && j >= lb)
				bit = 1;
			else if (j < la && j < lb)
				bit = VAL(a, j) == VAL(b, j);
			break;
		default: /* equal ordered: a[0..la) occurs at b[j]; a past its end matches */
			bit = 1;
			for (unsigned k = 0; k < la && j + k < n && bit; k++) {
				if (j + k >= lb)
					bit = 0;
				else
					bit = VAL(a, k) == VAL(b, j + k);
			}
			break;
		}
		res1 |= bit << j;
	}
#undef VAL
	unsigned all = (1u << n) - 1, valid_b = lb >= n ? all : (1u << lb) - 1;
	switch ((imm >> 4) & 3) {
	case 1: return ~res1 & all;
	case 3: return (res1 ^ valid_b) & all;
	default: return res1;
	}
}

static void exec_pcmpstr(struct frame *f, const struct uop *u)
{
	uint8_t a[64], b[64], lens[64];
	vin(f, u->src[0], a);
	vin(f, u->src[1], b);
	unsigned imm = (unsigned)u->imm & 0xFF, elem = (imm & 1) ? 2 : 1, n = 16 / elem, la, lb;
	if (u->src[2]) {
		vin(f, u->src[2], lens);
		la = (unsigned)lane(lens, 8, 0);
		lb = (unsigned)lane(lens, 8, 1);
	} else {
		la = string_length_implicit(a, elem, n);
		lb = string_length_implicit(b, elem, n);
	}
	unsigned res2 = pcmpstr_result(a, b, la, lb, imm);
	if (ureg_is_vector(u->dst)) {
		uint8_t r[16] = { 0 };
		if (imm & 0x40) {
			for (unsigned i = 0; i < n; i++)
				set_lane(r, elem, i, (res2 >> i) & 1 ? ~0ull : 0);
		} else {
			memcpy(r, &res2, 2);
		}
		vreg_write(f, u, u->dst, r, 16);
	} else {
		unsigned index = n;
		if (res2)
			index = (imm & 0x40) ? 31 - (unsigned)__builtin_clz(res2) : (unsigned)__builtin_ctz(res2);
		write_dst(f, u, index);
	}
	uint64_t fl = 0;
	if (res2)
		fl |= FLAG_CF;
	if (lb < n)
		fl |= FLAG_ZF;
	if (la < n)
		fl |= FLAG_SF;
	if (res2 & 1)
		fl |= FLAG_OF;
	set_flags(f, u, fl);
}

/* ---- CRC32 (SDM vol. 2, CRC32: CRC-32C, reflected) ----------------------------- */

static uint32_t crc32c(uint32_t crc, uint64_t data, unsigned bytes)
{
	for (unsigned i = 0; i < 8 * bytes; i++) {
		crc ^= (uint32_t)(data >> i) & 1;
		crc = (crc >> 1) ^ (crc & 1 ? 0x82F63B78u : 0);
	}
	return crc;
}

/* ---- AES (FIPS-197; SDM vol. 2, AESENC...) ------------------------------------ */

static uint8_t gf_mul(uint8_t a, uint8_t b)
{
	uint8_t p = 0;
	while (b) {
		if (b & 1)
			p ^= a;
		a = (uint8_t)((a << 1) ^ (a & 0x80 ? 0x1B : 0));
		b >>= 1;
	}
	return p;
}

/* The S-box from its definition: the inverse in GF(2^8) (0 -> 0), then the
 * affine map (FIPS-197, 5.1.1). */
static uint8_t aes_sbox(uint8_t x)
{
	uint8_t inv = 0;
	for (unsigned y = 1; y < 256 && x; y++)
		if (gf_mul(x, (uint8_t)y) == 1) {
			inv = (uint8_t)y;
			break;
		}
	uint8_t r = inv;
	for (unsigned k = 1; k < 5; k++)
		r ^= (uint8_t)((inv << k) | (inv >> (8 - k)));
	return r ^ 0x63;
}

static void aes_tables(uint8_t sbox[256], uint8_t inverse[256])
{
	for (unsigned i = 0; i < 256; i++) {
		sbox[i] = aes_sbox((uint8_t)i);
		inverse[sbox[i]] = (uint8_t)i;
	}
}

/* Byte i of the 128-bit state is row i % 4, column i / 4. */
static void aes_mix(uint8_t *s, int inverse)
{
	static const uint8_t fwd[4] = { 2, 3, 1, 1 }, inv[4] = { 14, 11, 13, 9 };
	const uint8_t *m = inverse ? inv : fwd;
	for (unsigned c = 0; c < 4; c++) {
		uint8_t a[4], *col = s + 4 * c;
		memcpy(a, col, 4);
		for (unsigned r = 0; r < 4; r++)
			col[r] = gf_mul(a[r], m[0]) ^ gf_mul(a[(r + 1) & 3], m[1]) ^ gf_mul(a[(r + 2) & 3], m[2]) ^
				 gf_mul(a[(r + 3) & 3], m[3]);
	}
}

static void exec_aes(const uint8_t *a, const uint8_t *key, unsigned kind, unsigned rcon, uint8_t *r)
{
	static uint8_t sbox[256], inverse[256];
	static int ready;
	if (!ready) {
		aes_tables(sbox, inverse);
		ready = 1;
	}
	if (kind == 4) { /* AESIMC */
		memcpy(r, a, 16);
		aes_mix(r, 1);
		return;
	}
	if (kind == 5) { /* AESKEYGENASSIST */
		for (unsigned h = 0; h < 2; h++) {
			uint32_t x = (uint32_t)lane(a, 4, 2 * h + 1), sub = 0;
			for (unsigned b = 0; b < 4; b++)
				sub |= (uint32_t)sbox[(x >> (8 * b)) & 0xFF] << (8 * b);
			set_lane(r, 4, 2 * h, sub);
			set_lane(r, 4, 2 * h + 1, ((sub >> 8) | (sub << 24)) ^ rcon);
		}
		return;
	}
	int decrypt = kind >= 2, last = kind == 1 || kind == 3;
	for (unsigned c = 0; c < 4; c++)
		for (unsigned row = 0; row < 4; row++) {
			/* ShiftRows takes column c + row, InvShiftRows column c - row. */
			unsigned from = decrypt ? (c + 4 - row) & 3 : (c + row) & 3;
			uint8_t v = a[4 * from + row];
			r[4 * c + row] = decrypt ? inverse[v] : sbox[v];
		}
	if (!last)
		aes_mix(r, decrypt);
	for (unsigned i = 0; i < 16; i++)
		r[i] ^= key[i];
}

/* ---- GFNI (SDM vol. 2, GF2P8AFFINEQB, GF2P8AFFINEINVQB, GF2P8MULB) ------------ */

static uint8_t gf_inverse(uint8_t x)
{
	for (unsigned y = 1; y < 256 && x; y++)
		if (gf_mul(x, (uint8_t)y) == 1)
			return (uint8_t)y;
	return 0;
}

static void exec_gf2p8(const uint8_t *a, const uint8_t *m, unsigned kind, unsigned imm, uint8_t *r)
{
	static uint8_t inverse[256];
	static int ready;
	if (!ready) {
		for (unsigned i = 0; i < 256; i++)
			inverse[i] = gf_inverse((uint8_t)i);
		ready = 1;
	}
	for (unsigned i = 0; i < 16; i++) {
		if (kind == 0) {
			r[i] = gf_mul(a[i], m[i]);
			continue;
		}
		uint8_t x = kind == 2 ? inverse[a[i]] : a[i], out = 0;
		const uint8_t *matrix = m + (i & ~7u);
		for (unsigned bit = 0; bit < 8; bit++)
			out |= (uint8_t)(__builtin_parity(matrix[7 - bit] & x) << bit);
		r[i] = out ^ (uint8_t)imm;
	}
}

/* ---- SHA extensions (SDM vol. 2, SHA1RNDS4 ... SHA256MSG2) --------------------- */

static uint32_t rol32(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t ror32(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

/* d[i] is dword i (bits 32i+31:32i). */
static void exec_sha(const uint8_t *x1, const uint8_t *x2, const uint8_t *x0, unsigned kind, unsigned imm,
		     uint8_t *out)
{
	uint32_t s1[4], s2[4], wk[4], d[4];
	memcpy(s1, x1, 16);
	memcpy(s2, x2, 16);
	memcpy(wk, x0, 16);
	switch (kind) {
	case 0: { /* SHA1RNDS4 */
		static const uint32_t k[4] = { 0x5A827999, 0x6ED9EBA1, 0x8F1BBCDC, 0xCA62C1D6 };
		uint32_t a = s1[3], b = s1[2], c = s1[1], dd = s1[0], e = 0;
		uint32_t w[4] = { s2[3], s2[2], s2[1], s2[0] };
		for (unsigned i = 0; i < 4; i++) {
			uint32_t fn;
			switch (imm & 3) {
			case 0: fn = (b & c) ^ (~b & dd); break;
			case 2: fn = (b & c) ^ (b & dd) ^ (c & dd); break;
			default: fn = b ^ c ^ dd; break;
			}
			uint32_t na = fn + rol32(a, 5) + w[i] + e + k[imm & 3];
			e = dd;
			dd = c;
			c = rol32(b, 30);
			b = a;
			a = na;
		}
		d[3] = a, d[2] = b, d[1] = c, d[0] = dd;
		break;
	}
	case 1: /* SHA1NEXTE */
		memcpy(d, s2, 16);
		d[3] = s2[3] + rol32(s1[3], 30);
		break;
	case 2: /* SHA1MSG1 */
		d[3] = s1[1] ^ s1[3];
		d[2] = s1[0] ^ s1[2];
		d[1] = s2[3] ^ s1[1];
		d[0] = s2[2] ^ s1[0];
		break;
	case 3: { /* SHA1MSG2 */
		uint32_t w16 = rol32(s1[3] ^ s2[2], 1), w17 = rol32(s1[2] ^ s2[1], 1);
		uint32_t w18 = rol32(s1[1] ^ s2[0], 1), w19 = rol32(s1[0] ^ w16, 1);
		d[3] = w16, d[2] = w17, d[1] = w18, d[0] = w19;
		break;
	}
	case 4: { /* SHA256RNDS2 */
		uint32_t a = s2[3], b = s2[2], c = s1[3], dd = s1[2], e = s2[1], fv = s2[0], g = s1[1], h = s1[0];
		for (unsigned i = 0; i < 2; i++) {
			uint32_t ch = (e & fv) ^ (~e & g), maj = (a & b) ^ (a & c) ^ (b & c);
			uint32_t sum1 = ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25);
			uint32_t sum0 = ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22);
			uint32_t t = ch + sum1 + wk[i] + h;
			uint32_t na = t + maj + sum0, ne = t + dd;
			h = g, g = fv, fv = e, e = ne;
			dd = c, c = b, b = a, a = na;
		}
		d[3] = a, d[2] = b, d[1] = e, d[0] = fv;
		break;
	}
	case 5: /* SHA256MSG1 */
		for (unsigned i = 0; i < 4; i++) {
			uint32_t w = i < 3 ? s1[i + 1] : s2[0];
			d[i] = s1[i] + (ror32(w, 7) ^ ror32(w, 18) ^ (w >> 3));
		}
		break;
	default: { /* SHA256MSG2 */
		uint32_t w14 = s2[2], w15 = s2[3];
#define SIGMA1(w) (ror32(w, 17) ^ ror32(w, 19) ^ ((w) >> 10))
		d[0] = s1[0] + SIGMA1(w14);
		d[1] = s1[1] + SIGMA1(w15);
		d[2] = s1[2] + SIGMA1(d[0]);
		d[3] = s1[3] + SIGMA1(d[1]);
#undef SIGMA1
		break;
	}
	}
	memcpy(out, d, 16);
}

/* ---- x87 state for MMX (SDM vol. 1, 9.5.1; tags from contents, 8.1.7) ---- */

static unsigned x87_tag_of(const struct x87_reg *r)
{
	unsigned e = r->sign_exponent & 0x7FFF;
	if (e == 0x7FFF)
		return 2;
	if (e == 0)
		return r->significand ? 2 : 1;
	return (r->significand >> 63) ? 0 : 2;
}

static void mmx_enter(struct frame *f)
{
	struct x86_state *s = f->x->state;
	s->fpu_status &= (uint16_t)~0x3800;
	uint16_t tag = 0;
	for (unsigned i = 0; i < 8; i++)
		tag |= (uint16_t)(x87_tag_of(&s->st[i]) << (2 * i));
	s->fpu_tag = tag;
}

/* ---- the micro-ops ------------------------------------------------------------- */

int exec_vector_int(struct frame *f, const struct uop *u)
{
	uint8_t a[64], b[64], c[64], r[64];
	unsigned w = u->width, elem = u->elem ? u->elem : 1, n = w / elem;
	memset(r, 0, sizeof r);
	switch (u->op) {
	case UOP_VMOV:
		vin(f, u->src[0], a);
		memcpy(r, a, w);
		break;
	case UOP_VZEXT:
		vin(f, u->src[0], a);
		memcpy(r, a, u->ext < w ? u->ext : w);
		break;
	case UOP_VINSERT:
		vin(f, u->src[0], a);
		memcpy(r, a, w);
		set_lane(r, elem, (unsigned)u->imm % n, read_full(f, u->src[1]));
		break;
	case UOP_VEXTRACT:
		vin(f, u->src[0], a);
		write_dst(f, u, lane(a, elem, (unsigned)u->imm & (64 / elem - 1)));
		return 1;
	case UOP_VINSERTPS: {
		/* SDM vol. 2, INSERTPS: count_s = imm[7:6], count_d = imm[5:4], zmask = imm[3:0]. */
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		unsigned imm = (unsigned)u->imm;
		memcpy(r, a, 16);
		set_lane(r, 4, (imm >> 4) & 3, lane(b, 4, (imm >> 6) & 3));
		for (unsigned i = 0; i < 4; i++)
			if (imm & (1u << i))
				set_lane(r, 4, i, 0);
		break;
	}
	case UOP_VMOVMSK: {
		vin(f, u->src[0], a);
		uint64_t m = 0;
		for (unsigned i = 0; i < u->ext / elem; i++)
			m |= (uint64_t)(a[i * elem + elem - 1] >> 7) << i;
		write_dst(f, u, m);
		return 1;
	}
	case UOP_VAND: case UOP_VANDN: case UOP_VOR: case UOP_VXOR:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		for (unsigned i = 0; i < w; i++)
			r[i] = u->op == UOP_VAND ? a[i] & b[i] : u->op == UOP_VANDN ? (uint8_t)(~a[i] & b[i])
			       : u->op == UOP_VOR ? a[i] | b[i] : a[i] ^ b[i];
		break;
	case UOP_VADD: case UOP_VSUB: case UOP_VCMPEQ: case UOP_VCMPGT: case UOP_VMIN: case UOP_VMAX:
	case UOP_VAVG: case UOP_VABS: case UOP_VSIGN: case UOP_VMULLO: case UOP_VMULHI: case UOP_VMULHRS:
	case UOP_VMULEVEN:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		for (unsigned i = 0; i < n; i++)
			set_lane(r, elem, i, lane_op(u, lane(a, elem, i), lane(b, elem, i), elem));
		break;
	case UOP_VMADD:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		if (elem == 2) { /* PMADDWD */
			for (unsigned i = 0; i < w / 4; i++) {
				int64_t s = slane(a, 2, 2 * i) * slane(b, 2, 2 * i) + slane(a, 2, 2 * i + 1) * slane(b, 2, 2 * i + 1);
				set_lane(r, 4, i, (uint64_t)s);
			}
		} else { /* PMADDUBSW: unsigned bytes of src0 times signed bytes of src1 */
			for (unsigned i = 0; i < w / 2; i++) {
				int64_t s = (int64_t)a[2 * i] * (int8_t)b[2 * i] + (int64_t)a[2 * i + 1] * (int8_t)b[2 * i + 1];
				set_lane(r, 2, i, saturate_signed(s, 2));
			}
		}
		break;
	case UOP_VSAD:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		for (unsigned q = 0; q < w / 8; q++) {
			unsigned sum = 0;
			for (unsigned i = 0; i < 8; i++)
				sum += (unsigned)abs((int)a[8 * q + i] - (int)b[8 * q + i]);
			set_lane(r, 8, q, sum);
		}
		break;
	case UOP_VMINPOS: {
		vin(f, u->src[0], a);
		unsigned best = 0;
		for (unsigned i = 1; i < 8; i++)
			if (lane(a, 2, i) < lane(a, 2, best))
				best = i;
		set_lane(r, 2, 0, lane(a, 2, best));
		set_lane(r, 2, 1, best);
		break;
	}
	case UOP_VSHL: case UOP_VSHR: case UOP_VSAR: {
		vin(f, u->src[0], a);
		uint64_t count = (uint64_t)u->imm & 0xFF;
		if (u->src[1]) {
			vin(f, u->src[1], b);
			count = lane(b, 8, 0);
		}
		for (unsigned i = 0; i < n; i++)
			set_lane(r, elem, i, shift_lane(u, lane(a, elem, i), count, elem));
		break;
	}
	case UOP_VBSHL: case UOP_VBSHR: {
		vin(f, u->src[0], a);
		unsigned k = (unsigned)u->imm & 0xFF;
		for (unsigned i = 0; i < w; i++) {
			if (u->op == UOP_VBSHL)
				r[i] = i >= k ? a[i - k] : 0;
			else
				r[i] = i + k < w ? a[i + k] : 0;
		}
		break;
	}
	case UOP_VALIGNR: {
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		unsigned k = (unsigned)u->imm & 0xFF;
		for (unsigned i = 0; i < w; i++) {
			unsigned j = i + k; /* byte j of src0:src1 (src1 low) */
			r[i] = j < w ? b[j] : j < 2 * w ? a[j - w] : 0;
		}
		break;
	}
	case UOP_VPSHUF: {
		vin(f, u->src[0], a);
		memcpy(r, a, w);
		unsigned imm = (unsigned)u->imm;
		for (unsigned g = 0; g < n / 4; g++) {
			if ((u->ext == 1 && g != 0) || (u->ext == 2 && g != 1))
				continue;
			for (unsigned i = 0; i < 4; i++)
				set_lane(r, elem, 4 * g + i, lane(a, elem, 4 * g + ((imm >> (2 * i)) & 3)));
		}
		break;
	}
	case UOP_VSHUFP: {
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		unsigned imm = (unsigned)u->imm;
		if (elem == 4) {
			set_lane(r, 4, 0, lane(a, 4, imm & 3));
			set_lane(r, 4, 1, lane(a, 4, (imm >> 2) & 3));
			set_lane(r, 4, 2, lane(b, 4, (imm >> 4) & 3));
			set_lane(r, 4, 3, lane(b, 4, (imm >> 6) & 3));
		} else {
			set_lane(r, 8, 0, lane(a, 8, imm & 1));
			set_lane(r, 8, 1, lane(b, 8, (imm >> 1) & 1));
		}
		break;
	}
	case UOP_VPSHUFB:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		for (unsigned i = 0; i < w; i++)
			r[i] = (b[i] & 0x80) ? 0 : a[b[i] & (w - 1)];
		break;
	case UOP_VUNPCKL: case UOP_VUNPCKH: {
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		unsigned base = u->op == UOP_VUNPCKH ? n / 2 : 0;
		for (unsigned i = 0; i < n / 2; i++) {
			set_lane(r, elem, 2 * i, lane(a, elem, base + i));
			set_lane(r, elem, 2 * i + 1, lane(b, elem, base + i));
		}
		break;
	}
	case UOP_VEVENODD: {
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		unsigned odd = (unsigned)u->imm & 1;
		for (unsigned i = 0; i < n / 2; i++) {
			set_lane(r, elem, i, lane(a, elem, 2 * i + odd));
			set_lane(r, elem, n / 2 + i, lane(b, elem, 2 * i + odd));
		}
		break;
	}
	case UOP_VPACK: {
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		unsigned half = elem / 2;
		for (unsigned i = 0; i < n; i++) {
			int64_t v = slane(a, elem, i);
			set_lane(r, half, i, (u->vflags & VF_SIGNED) ? saturate_signed(v, half) : saturate_unsigned(v, half));
			v = slane(b, elem, i);
			set_lane(r, half, n + i,
				 (u->vflags & VF_SIGNED) ? saturate_signed(v, half) : saturate_unsigned(v, half));
		}
		break;
	}
	case UOP_VPMOVX: {
		vin(f, u->src[0], a);
		unsigned from = u->ext ? u->ext : 1;
		for (unsigned i = 0; i < n; i++)
			set_lane(r, elem, i, (u->vflags & VF_SIGNED) ? (uint64_t)slane(a, from, i) : lane(a, from, i));
		break;
	}
	case UOP_VBLEND:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		for (unsigned i = 0; i < n; i++)
			set_lane(r, elem, i, lane((u->imm >> i) & 1 ? b : a, elem, i));
		break;
	case UOP_VBLENDV:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		vin(f, u->src[2], c);
		for (unsigned i = 0; i < n; i++)
			set_lane(r, elem, i, lane((c[i * elem + elem - 1] & 0x80) ? b : a, elem, i));
		break;
	case UOP_VMPSADBW: {
		/* SDM vol. 2, MPSADBW: 8 sums of absolute differences of 4 bytes. */
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		unsigned s1 = ((unsigned)u->imm & 4), s2 = ((unsigned)u->imm & 3) * 4;
		for (unsigned i = 0; i < 8; i++) {
			unsigned sum = 0;
			for (unsigned k = 0; k < 4; k++)
				sum += (unsigned)abs((int)a[s1 + i + k] - (int)b[s2 + k]);
			set_lane(r, 2, i, sum);
		}
		break;
	}
	case UOP_VCLMUL: {
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		uint64_t x = lane(a, 8, (unsigned)u->imm & 1), y = lane(b, 8, ((unsigned)u->imm >> 4) & 1);
		unsigned __int128 p = 0;
		for (unsigned i = 0; i < 64; i++)
			if ((y >> i) & 1)
				p ^= (unsigned __int128)x << i;
		memcpy(r, &p, 16);
		break;
	}
	case UOP_VAES:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		exec_aes(a, b, u->ext, (unsigned)u->imm & 0xFF, r);
		break;
	case UOP_VGF2P8:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		exec_gf2p8(a, b, u->ext, (unsigned)u->imm & 0xFF, r);
		break;
	case UOP_VSHA:
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		vin(f, u->src[2], c);
		exec_sha(a, b, c, u->ext, (unsigned)u->imm & 0xFF, r);
		break;
	case UOP_VPTEST: {
		vin(f, u->src[0], a);
		vin(f, u->src[1], b);
		int zf = 1, cf = 1;
		for (unsigned i = 0; i < 16; i++) {
			if (a[i] & b[i])
				zf = 0;
			if (~a[i] & b[i])
				cf = 0;
		}
		set_flags(f, u, (zf ? FLAG_ZF : 0) | (cf ? FLAG_CF : 0));
		return 1;
	}
	case UOP_VSTRLEN: {
		/* SDM vol. 2, PCMPESTRI: the absolute value of EAX/RAX (EDX/RDX),
		 * saturated to 16 bytes or 8 words. */
		unsigned limit = 16 / elem;
		for (unsigned i = 0; i < 2; i++) {
			int64_t v = sign_extend(src(f, u, (int)i, w), w);
			uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
			set_lane(r, 8, i, m > limit ? limit : m);
		}
		vreg_write(f, u, u->dst, r, 16);
		return 1;
	}
	case UOP_VPCMPSTR:
		exec_pcmpstr(f, u);
		return 1;
	case UOP_CRC32:
		write_dst(f, u, crc32c((uint32_t)src(f, u, 0, 4), src(f, u, 1, u->ext), u->ext));
		return 1;
	case UOP_MMXENTER:
		mmx_enter(f);
		return 1;
	case UOP_EMMS: /* SDM vol. 1, Table 9-2: tags all empty, TOP = 0 */
		f->x->state->fpu_tag = 0xFFFF;
		f->x->state->fpu_status &= (uint16_t)~0x3800;
		return 1;
	default:
		return 0;
	}
	vreg_write(f, u, u->dst, r, w);
	return 1;
}
