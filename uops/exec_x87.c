/* exec_x87.c - execution of the x87 micro-ops of uops_x87.def.
 *
 * Extended-precision arithmetic is done by the host's own x87 unit: the
 * computing micro-op loads the guest's x87 state into the host FPU with
 * FRSTOR (exception flags cleared, so nothing is pending), executes the one
 * x87 instruction the micro-op stands for (its encoding is in imm: the FOP
 * opcode, SDM vol. 1, 8.1.10; memory operands are redirected to a buffer
 * at [rdi]), and takes the state back with FNSAVE, which also reinitializes
 * the host FPU, so no guest exception can ever reach the host (FNSAVE does
 * not wait, and nothing is left pending). Results, exception flags,
 * condition codes, stack faults, tags, NaN propagation, denormal and
 * unsupported-format handling and the transcendentals are therefore those
 * of the x87 itself, bit for bit; the host's control word is restored after.
 *
 * What the micro-ops model around that: TOP changes (the host may push or
 * pop within the instruction; the guest's TOP changes only by FINCTOP and
 * FDECTOP), the suppression of the rest of an instruction by an unmasked
 * exception, the #MF check of waiting instructions, and everything that is
 * state bookkeeping rather than arithmetic (FLDCW, FNSTSW, FNCLEX, FNINIT,
 * FNSTENV/FLDENV, FNSAVE/FRSTOR, FXSAVE/FXRSTOR), which is plain C.
 * FIP/FCS/FOP are recorded by every non-control instruction, FDP/FDS by
 * those with a memory operand (the FWAIT micro-op that starts them computes
 * the effective address). */
#include "uops/crack_x87.h"
#include "uops/exec_internal.h"

#if !defined(__x86_64__)
#error "exec_x87.c executes x87 arithmetic on the host's x87 unit: build on x86-64"
#endif

/* Status word bits (SDM vol. 1, 8.1.3). */
enum {
	SW_IE = 1u << 0, SW_DE = 1u << 1, SW_ZE = 1u << 2, SW_OE = 1u << 3, SW_UE = 1u << 4, SW_PE = 1u << 5,
	SW_SF = 1u << 6, SW_ES = 1u << 7, SW_C0 = 1u << 8, SW_C1 = 1u << 9, SW_C2 = 1u << 10,
	SW_TOP = 7u << 11, SW_C3 = 1u << 14, SW_B = 1u << 15,
};
#define SW_FLAGS 0x3Fu

/* FNSAVE/FRSTOR image, 32-bit protected-mode format (SDM vol. 1, Figures
 * 8-9 and 8-10): the environment, then ST(0)-ST(7) in stack order. */
struct fsave_image {
	uint32_t cw, sw, tw, fip, fcs_fop, fdp, fds;
	uint8_t st[8][10];
} __attribute__((packed));

/* ---- the host's x87 instructions ----
 * One 4-byte stub per x87 encoding: "opcode, ModRM, ret, nop". Register
 * forms: D8-DF with ModRM C0-FF (512 stubs); memory forms: D8-DF with
 * ModRM reg/mem = /r, [rdi] (64 stubs). */
__asm__(".pushsection .text\n"
	".p2align 4\n"
	"uopsim_x87_stubs:\n"
	".irp op, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf\n"
	"  .set m, 0xc0\n"
	"  .rept 64\n"
	"    .byte \\op, m, 0xc3, 0x90\n"
	"    .set m, m + 1\n"
	"  .endr\n"
	".endr\n"
	".irp op, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf\n"
	"  .set r, 0\n"
	"  .rept 8\n"
	"    .byte \\op, (r << 3) | 7, 0xc3, 0x90\n"
	"    .set r, r + 1\n"
	"  .endr\n"
	".endr\n"
	".popsection\n");
extern const uint8_t uopsim_x87_stubs[];

#define ARITH_RFLAGS 0x8D5ull /* CF PF AF ZF SF OF */

/* Runs the x87 instruction `fop` on the host with the state in *img and the
 * memory operand at mem; *rflags supplies CF/ZF/PF (FCMOV) and receives the
 * flags after it (FCOMI). */
static void host_run(unsigned fop, struct fsave_image *img, uint8_t *mem, uint64_t *rflags)
{
	unsigned op = (fop >> 8) & 7, modrm = fop & 0xFF;
	const uint8_t *stub = modrm >= 0xC0 ? uopsim_x87_stubs + 4 * (op * 64 + (modrm - 0xC0))
					    : uopsim_x87_stubs + 4 * (512 + op * 8 + ((modrm >> 3) & 7));
	uint16_t host_cw;
	uint64_t flags = *rflags & ARITH_RFLAGS;
	/* The red zone: the stub's call pushes below RSP, so step over it. */
	__asm__ volatile("fnstcw (%[hcw])\n\t"
			 "sub $128, %%rsp\n\t"
			 "pushfq\n\t"
			 "pop %%rax\n\t"
			 "and $~0x8d5, %%rax\n\t"
			 "or %[fl], %%rax\n\t"
			 "push %%rax\n\t"
			 "popfq\n\t"
			 "frstor (%[img])\n\t"
			 "call *%[stub]\n\t"
			 "fnsave (%[img])\n\t"
			 "pushfq\n\t"
			 "pop %[fl]\n\t"
			 "fldcw (%[hcw])\n\t"
			 "add $128, %%rsp\n\t"
			 : [fl] "+r"(flags)
			 : [img] "r"(img), [stub] "r"(stub), [hcw] "r"(&host_cw), "D"(mem)
			 : "rax", "memory", "cc", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)");
	*rflags = flags;
}

/* ---- the guest's x87 state ---- */

static unsigned fpu_top(const struct x86_state *s)
{
	return (s->fpu_status >> 11) & 7;
}

/* The tag of a non-empty register from its contents (SDM vol. 1, 8.1.7):
 * 0 valid, 1 zero, 2 special (NaN, infinity, denormal, unsupported). */
static unsigned tag_of(const struct x87_reg *r)
{
	unsigned e = r->sign_exponent & 0x7FFF;
	if (e == 0x7FFF)
		return 2;
	if (e == 0)
		return r->significand ? 2 : 1;
	return (r->significand >> 63) ? 0 : 2;
}

static void set_tag(struct x86_state *s, unsigned p, unsigned tag)
{
	s->fpu_tag = (uint16_t)((s->fpu_tag & ~(3u << (2 * p))) | (tag << (2 * p)));
}

static void set_top(struct x86_state *s, unsigned top)
{
	s->fpu_status = (uint16_t)((s->fpu_status & ~SW_TOP) | ((top & 7) << 11));
}

/* A loaded control word: bit 6 reads as 1, bits 15:13 as 0 (reserved, SDM
 * vol. 1, Figure 8-6; as the x87 stores them). */
static uint16_t control_word(uint64_t v)
{
	return (uint16_t)((v & 0x1F3F) | 0x40);
}

/* FSW.ES and B follow the exception flags the control word unmasks. */
static void update_summary(struct x86_state *s)
{
	if (s->fpu_status & ~s->fpu_control & SW_FLAGS)
		s->fpu_status |= SW_ES | SW_B;
	else
		s->fpu_status &= (uint16_t)~(SW_ES | SW_B);
}

static void reg_to_bytes(const struct x87_reg *r, uint8_t *p)
{
	memcpy(p, &r->significand, 8);
	memcpy(p + 8, &r->sign_exponent, 2);
}

static void reg_from_bytes(struct x87_reg *r, const uint8_t *p)
{
	memcpy(&r->significand, p, 8);
	memcpy(&r->sign_exponent, p + 8, 2);
}

/* The guest's state as an FRSTOR image for the host: exception flags,
 * ES and B cleared, so loading it leaves nothing pending. */
static void to_host_image(const struct x86_state *s, struct fsave_image *img)
{
	memset(img, 0, sizeof *img);
	img->cw = s->fpu_control;
	img->sw = s->fpu_status & (uint16_t)~(SW_FLAGS | SW_SF | SW_ES | SW_B);
	img->tw = s->fpu_tag;
	unsigned top = fpu_top(s);
	for (unsigned j = 0; j < 8; j++)
		reg_to_bytes(&s->st[(top + j) & 7], img->st[j]);
}

/* A pending unmasked exception: #MF before a waiting instruction acts. */
static int x87_wait(struct frame *f, const struct uop *u)
{
	if ((u->vflags & X87_WAIT) && (f->x->state->fpu_status & SW_ES)) {
		fault(f, X87_VEC_MF, 0);
		return 1;
	}
	return 0;
}

static int is_temp(unsigned r)
{
	return (r >= UREG_T0 && r <= UREG_T7) || (r >= UREG_VT0 && r <= UREG_VT3);
}

static int is_store_data(unsigned op)
{
	return op == UOP_FSTD || op == UOP_FISTD || op == UOP_FISTTD || op == UOP_FBSTD;
}

/* The instruction and data pointers of a non-control instruction (SDM vol.
 * 1, 8.1.8-8.1.10): FIP/FCS/FOP always, FDP/FDS when it has a memory
 * operand (src2: its effective address; scale: 1 + segment register). */
static void record_pointers(struct frame *f, const struct uop *u)
{
	struct x86_state *s = f->x->state;
	s->fpu_ip = f->rip;
	s->fpu_cs = s->selector[SEG_CS];
	s->fpu_opcode = (uint16_t)((u->imm >> 16) & 0x7FF);
	if (u->src[2] && u->scale) {
		s->fpu_dp = read_full(f, u->src[2]);
		s->fpu_ds = s->selector[(u->scale - 1) % SEG_COUNT];
	}
}

/* A computing micro-op: the host's x87 instruction imm (FOP) on the
 * guest's state. */
static void compute(struct frame *f, const struct uop *u)
{
	struct x86_state *s = f->x->state;
	if (x87_wait(f, u))
		return;
	uint8_t mem[16] = { 0 };
	for (int i = 0; i < 2; i++) { /* src2 is the data pointer */
		unsigned r = u->src[i];
		if (!is_temp(r))
			continue;
		if (r >= UREG_VT0)
			memcpy(mem, vreg(f, r), 10);
		else
			memcpy(mem, f->x->reg[r], 8);
	}
	struct fsave_image img;
	to_host_image(s, &img);
	unsigned old_top = fpu_top(s);
	uint16_t old_sw = s->fpu_status;
	uint64_t rflags = s->rflags;
	host_run((unsigned)u->imm & 0x7FF, &img, mem, &rflags);

	unsigned host_top = (img.sw >> 11) & 7;
	for (unsigned j = 0; j < 8; j++)
		reg_from_bytes(&s->st[(host_top + j) & 7], img.st[j]);
	s->fpu_tag = (uint16_t)img.tw;
	/* The new flags join the sticky ones; TOP is the micro-ops' business. */
	s->fpu_status = (uint16_t)((img.sw & ~SW_TOP) | (old_sw & (SW_FLAGS | SW_SF | SW_ES | SW_B)));
	set_top(s, old_top);
	/* An unmasked exception that leaves the destination unchanged (SDM
	 * vol. 1, 8.5: IE, DE, ZE; OE and UE too when the destination is
	 * memory, 8.5.4/8.5.5) suppresses the rest of the instruction. */
	unsigned unmasked = img.sw & ~img.cw & SW_FLAGS;
	unsigned suppressing = SW_IE | SW_DE | SW_ZE | (is_store_data(u->op) ? SW_OE | SW_UE : 0);
	f->x87_suppress = (unmasked & suppressing) != 0;
	/* A host instruction that pushes or pops (elem = 1) shows whether it
	 * did: FPTAN/FSINCOS do not push on an out-of-range operand (C2),
	 * an unmasked denormal does not stop FLD. */
	if (u->elem)
		f->x87_suppress = host_top == old_top;
	/* A host instruction that popped (FSTP m80, FISTTP, FBSTP, FYL2X...)
	 * did free its slots; FINCTOP frees them again. */
	if (u->flags_write)
		set_flags(f, u, rflags);
	if (is_store_data(u->op) && f->nstores) {
		unsigned width = f->store[f->nstores - 1].width;
		if (f->x87_suppress)
			f->nstores--; /* nothing stored */
		else
			memcpy(f->store[f->nstores - 1].data, mem, width < sizeof mem ? width : sizeof mem);
	}
	record_pointers(f, u);
}

/* ---- environment images ---- */

/* Chunk k (64 bytes) of the FNSAVE image; ext = 2: 16-bit format (14-byte
 * environment), else the 32-bit one (28 bytes). */
static void save_image(struct frame *f, const struct uop *u, uint8_t *out)
{
	const struct x86_state *s = f->x->state;
	uint8_t image[128] = { 0 };
	unsigned env;
	if (u->ext == 2) {
		/* SDM vol. 1, Figure 8-11: 16-bit protected-mode format. */
		uint16_t w[7] = { s->fpu_control, s->fpu_status, s->fpu_tag, (uint16_t)s->fpu_ip,
				  s->fpu_cs, (uint16_t)s->fpu_dp, s->fpu_ds };
		memcpy(image, w, 14);
		env = 14;
	} else {
		/* Figure 8-9: reserved upper halves are stored as ones. */
		uint32_t w[7] = { 0xFFFF0000u | s->fpu_control, 0xFFFF0000u | s->fpu_status, 0xFFFF0000u | s->fpu_tag,
				  (uint32_t)s->fpu_ip, s->fpu_cs | (uint32_t)(s->fpu_opcode & 0x7FF) << 16,
				  (uint32_t)s->fpu_dp, 0xFFFF0000u | s->fpu_ds };
		memcpy(image, w, 28);
		env = 28;
	}
	unsigned top = fpu_top(s);
	for (unsigned j = 0; j < 8; j++)
		reg_to_bytes(&s->st[(top + j) & 7], image + env + 10 * j);
	memcpy(out, image + 64 * (u->imm & 1), 64);
}

/* Tags after a load of the environment: empty stays empty, the others
 * follow the registers' contents (the processor keeps one bit per register,
 * SDM vol. 1, 8.1.7). */
static void retag(struct x86_state *s, unsigned tags)
{
	s->fpu_tag = 0;
	for (unsigned p = 0; p < 8; p++)
		set_tag(s, p, ((tags >> (2 * p)) & 3) == 3 ? 3 : tag_of(&s->st[p]));
}

static void load_env(struct frame *f, const struct uop *u)
{
	struct x86_state *s = f->x->state;
	if (x87_wait(f, u))
		return;
	uint8_t image[128];
	memcpy(image, vreg(f, u->src[0]), 64);
	if (u->src[1])
		memcpy(image + 64, vreg(f, u->src[1]), 64);
	unsigned env, tags;
	if (u->width == 2) {
		uint16_t w[7];
		memcpy(w, image, 14);
		s->fpu_control = control_word(w[0]);
		s->fpu_status = w[1];
		tags = w[2];
		s->fpu_ip = w[3];
		s->fpu_cs = w[4];
		s->fpu_opcode = 0; /* not in the 16-bit format: loaded as 0 */
		s->fpu_dp = w[5];
		s->fpu_ds = w[6];
		env = 14;
	} else {
		uint32_t w[7];
		memcpy(w, image, 28);
		s->fpu_control = control_word(w[0]);
		s->fpu_status = (uint16_t)w[1];
		tags = w[2] & 0xFFFF;
		s->fpu_ip = w[3];
		s->fpu_cs = (uint16_t)w[4];
		s->fpu_opcode = (uint16_t)((w[4] >> 16) & 0x7FF);
		s->fpu_dp = w[5];
		s->fpu_ds = (uint16_t)w[6];
		env = 28;
	}
	if (u->ext == 1) {
		unsigned top = fpu_top(s);
		for (unsigned j = 0; j < 8; j++)
			reg_from_bytes(&s->st[(top + j) & 7], image + env + 10 * j);
	}
	retag(s, tags);
	update_summary(s);
}

/* Chunk k of the FXSAVE image (SDM vol. 1, Table 10-2; ext = 8: the
 * 64-bit pointer format of FXSAVE64). Bytes 416-511 are not written. */
static void fxsave_image(struct frame *f, const struct uop *u, uint8_t *out)
{
	const struct x86_state *s = f->x->state;
	uint8_t image[448] = { 0 };
	memcpy(image + 0, &s->fpu_control, 2);
	memcpy(image + 2, &s->fpu_status, 2);
	uint8_t abridged = 0;
	for (unsigned p = 0; p < 8; p++)
		if (((s->fpu_tag >> (2 * p)) & 3) != 3)
			abridged |= (uint8_t)(1u << p);
	image[4] = abridged;
	uint16_t fop = s->fpu_opcode & 0x7FF;
	memcpy(image + 6, &fop, 2);
	if (u->ext == 8) {
		memcpy(image + 8, &s->fpu_ip, 8);
		memcpy(image + 16, &s->fpu_dp, 8);
	} else {
		uint32_t ip = (uint32_t)s->fpu_ip, dp = (uint32_t)s->fpu_dp;
		memcpy(image + 8, &ip, 4);
		memcpy(image + 12, &s->fpu_cs, 2);
		memcpy(image + 16, &dp, 4);
		memcpy(image + 20, &s->fpu_ds, 2);
	}
	memcpy(image + 24, &s->mxcsr, 4);
	uint32_t mxcsr_mask = 0xFFFF; /* MXCSR_MASK: FZ, DAZ and the rest of the low 16 bits */
	memcpy(image + 28, &mxcsr_mask, 4);
	unsigned top = fpu_top(s);
	for (unsigned j = 0; j < 8; j++)
		reg_to_bytes(&s->st[(top + j) & 7], image + 32 + 16 * j);
	for (unsigned i = 0; i < 16; i++)
		memcpy(image + 160 + 16 * i, s->zmm[i], 16);
	memcpy(out, image + 64 * (u->imm & 7), 64);
}

static void fxrstor(struct frame *f, const struct uop *u)
{
	struct x86_state *s = f->x->state;
	uint8_t image[192];
	memcpy(image, vreg(f, u->src[0]), 64);
	memcpy(image + 64, vreg(f, u->src[1]), 64);
	memcpy(image + 128, vreg(f, u->src[2]), 64);
	uint32_t mxcsr;
	memcpy(&mxcsr, image + 24, 4);
	if (mxcsr & ~0xFFFFu) {
		fault(f, VEC_GP, 0);
		return;
	}
	uint16_t cw;
	memcpy(&cw, image + 0, 2);
	s->fpu_control = control_word(cw);
	memcpy(&s->fpu_status, image + 2, 2);
	memcpy(&s->fpu_opcode, image + 6, 2);
	s->fpu_opcode &= 0x7FF;
	if (u->ext == 8) {
		/* The 64-bit format (SDM vol. 2, FXSAVE, Table 3-46) has no FCS
		 * and FDS: FXRSTOR64 loads them as 0 (so does this host; FXRSTOR
		 * with REX.W = 0 loads them from bytes 12 and 20). */
		memcpy(&s->fpu_ip, image + 8, 8);
		memcpy(&s->fpu_dp, image + 16, 8);
		s->fpu_cs = 0;
		s->fpu_ds = 0;
	} else {
		uint32_t ip, dp;
		memcpy(&ip, image + 8, 4);
		memcpy(&dp, image + 16, 4);
		s->fpu_ip = ip;
		s->fpu_dp = dp;
		memcpy(&s->fpu_cs, image + 12, 2);
		memcpy(&s->fpu_ds, image + 20, 2);
	}
	s->mxcsr = mxcsr;
	unsigned top = fpu_top(s);
	for (unsigned j = 0; j < 8; j++)
		reg_from_bytes(&s->st[(top + j) & 7], image + 32 + 16 * j);
	unsigned tags = 0;
	for (unsigned p = 0; p < 8; p++)
		if (!((image[4] >> p) & 1))
			tags |= 3u << (2 * p);
	retag(s, tags);
	update_summary(s);
}

int exec_x87(struct frame *f, const struct uop *u)
{
	struct x86_state *s = f->x->state;
	switch (u->op) {
	case UOP_FINCTOP: case UOP_FDECTOP: {
		if (u->ext == 1) { /* FINCSTP, FDECSTP: C1 = 0 (C0, C2, C3 undefined) */
			if (x87_wait(f, u))
				return 1;
			s->fpu_status &= (uint16_t)~SW_C1;
			record_pointers(f, u);
		} else if (f->x87_suppress) {
			return 1;
		}
		unsigned top = fpu_top(s);
		if (u->op == UOP_FINCTOP) {
			if (u->ext != 1)
				set_tag(s, top, 3);
			set_top(s, top + 1);
		} else {
			set_top(s, top - 1);
		}
		return 1;
	}
	case UOP_FFREE: case UOP_FXCH: case UOP_FLDST: case UOP_FLDM: case UOP_FILD: case UOP_FBLD:
	case UOP_FLDC: case UOP_FMOV: case UOP_FCMOV: case UOP_FSTD: case UOP_FISTD: case UOP_FISTTD:
	case UOP_FBSTD: case UOP_FADD: case UOP_FSUB: case UOP_FSUBR: case UOP_FMUL: case UOP_FDIV:
	case UOP_FDIVR: case UOP_FSQRT: case UOP_FCHS: case UOP_FABS: case UOP_FRNDINT: case UOP_FSCALE:
	case UOP_FPREM: case UOP_FPREM1: case UOP_F2XM1: case UOP_FYL2X: case UOP_FYL2XP1: case UOP_FPATAN:
	case UOP_FSIN: case UOP_FCOS: case UOP_FPTAN: case UOP_FSINCOS: case UOP_FXTRACT: case UOP_FCOM:
	case UOP_FUCOM: case UOP_FCOMI: case UOP_FUCOMI: case UOP_FTST: case UOP_FXAM:
		compute(f, u);
		return 1;
	case UOP_FWAIT:
		if (x87_wait(f, u))
			return 1;
		if (u->dst) /* the effective address of the instruction's memory operand */
			write_dst(f, u, (read_full(f, u->src[1]) + (read_full(f, u->src[2]) << u->scale) + (uint64_t)u->imm) &
					       width_mask(u->asize));
		if (u->imm & 1 && !u->dst) /* FNOP records FIP/FOP */
			record_pointers(f, u);
		return 1;
	case UOP_FRDSW:
		write_dst(f, u, s->fpu_status);
		return 1;
	case UOP_FRDCW:
		write_dst(f, u, s->fpu_control);
		return 1;
	case UOP_FLDCW:
		if (x87_wait(f, u))
			return 1;
		s->fpu_control = control_word(src(f, u, 0, 2));
		update_summary(s);
		return 1;
	case UOP_FSETCW:
		s->fpu_control |= (uint16_t)u->imm;
		update_summary(s);
		return 1;
	case UOP_FNCLEX:
		s->fpu_status &= (uint16_t)~(SW_FLAGS | SW_SF | SW_ES | SW_B);
		return 1;
	case UOP_FNINIT:
		s->fpu_control = 0x37F;
		s->fpu_status = 0;
		s->fpu_tag = 0xFFFF;
		s->fpu_ip = s->fpu_dp = 0;
		s->fpu_opcode = s->fpu_cs = s->fpu_ds = 0;
		return 1;
	case UOP_FENVIMG: {
		uint8_t chunk[64];
		save_image(f, u, chunk);
		vreg_write(f, u, u->dst, chunk, 64);
		return 1;
	}
	case UOP_FLDENV:
		load_env(f, u);
		return 1;
	case UOP_FXIMG: {
		uint8_t chunk[64];
		fxsave_image(f, u, chunk);
		vreg_write(f, u, u->dst, chunk, 64);
		return 1;
	}
	case UOP_FXRSTOR:
		fxrstor(f, u);
		return 1;
	case UOP_CHKALIGN:
		if (linear_address(f, u) & (u->width - 1u))
			fault(f, VEC_GP, 0);
		return 1;
	default:
		return 0;
	}
}
