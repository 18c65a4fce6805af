/* test_linux32.c - unit tests of the i386 signal frames (linux/signal32.c)
 * against the layouts of the kernel's compat code (arch/x86/include/asm/
 * sigframe.h, uapi/asm/sigcontext.h): struct sigframe_ia32 and
 * rt_sigframe_ia32 field by field, the FPU state's fsave header and
 * fxsave part, sigreturn and rt_sigreturn restoring what the frame holds,
 * the compat siginfo, and the set_thread_area entries found through the
 * process (linux_descriptor32's context). */
#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "linux/linux32.h"
#include "machine/memory.h"

#define STACK_BASE 0x20000000ull
#define STACK_SIZE 0x10000ull
#define ESP0 (STACK_BASE + 0x8000 + 12) /* deliberately not 16-byte aligned */
#define ALT_BASE 0x30000000ull
#define HANDLER 0x08049000u
#define RESTORER 0x08049100u
#define SA_RESTORER_ 0x04000000u

static struct linux_process *process(void)
{
	struct linux_process *p = calloc(1, sizeof *p);
	ck_assert_ptr_nonnull(p);
	p->cpu.mode = X86_MODE_32;
	p->cpu.memory = gmem_create();
	ck_assert_ptr_nonnull(p->cpu.memory);
	ck_assert_int_eq(gmem_map(p->cpu.memory, STACK_BASE, STACK_SIZE, GUEST_READ | GUEST_WRITE), 0);
	ck_assert_int_eq(gmem_map(p->cpu.memory, ALT_BASE, 0x4000, GUEST_READ | GUEST_WRITE), 0);
	p->cpu.env.descriptor = linux_descriptor32;
	p->cpu.env.context = p;
	struct x86_state *s = &p->cpu.state;
	s->rip = 0x08048123;
	s->rflags = 0x202 | FLAG_CF | FLAG_DF;
	s->selector[SEG_CS] = 0x23;
	s->selector[SEG_DS] = s->selector[SEG_ES] = s->selector[SEG_SS] = 0x2b;
	static const int order[8] = {GPR_RAX, GPR_RCX, GPR_RDX, GPR_RBX, GPR_RSP, GPR_RBP, GPR_RSI, GPR_RDI};
	for (int i = 0; i < 8; i++)
		s->gpr[order[i]] = 0x11110000u + (uint32_t)i;
	s->gpr[GPR_RSP] = ESP0;
	s->fpu_control = 0x27f;
	s->fpu_tag = 0xffff;
	s->mxcsr = 0x1fa0;
	p->sigmask = 1ull << (SIGUSR2 - 1) | 1ull << 40;
	return p;
}

static void destroy(struct linux_process *p)
{
	gmem_destroy(p->cpu.memory);
	free(p);
}

static uint32_t rd32(struct linux_process *p, uint64_t a)
{
	uint32_t v = 0;
	ck_assert_int_eq(gmem_peek(p->cpu.memory, a, &v, 4), 0);
	return v;
}

static void wr32(struct linux_process *p, uint64_t a, uint32_t v)
{
	ck_assert_int_eq(gmem_poke(p->cpu.memory, a, &v, 4), 0);
}

static const uint8_t no_info[128];

START_TEST(test_sigframe_layout_and_sigreturn)
{
	struct linux_process *p = process();
	struct x86_state before = p->cpu.state;
	struct linux_sigaction ka = {HANDLER, SA_RESTORER_, RESTORER, 0};
	uint64_t oldmask = p->sigmask;
	ck_assert_int_eq(linux_signal_frame32(p, SIGUSR1, &ka, oldmask, no_info, 0, 0, 0), 0);
	struct x86_state *s = &p->cpu.state;
	uint32_t frame = (uint32_t)s->gpr[GPR_RSP];
	ck_assert_uint_eq((frame + 4) & 15, 0); /* as after a call */
	ck_assert_uint_lt(frame, ESP0 - 732);
	ck_assert_uint_eq(s->rip, HANDLER);
	ck_assert_uint_eq(s->gpr[GPR_RAX], SIGUSR1);
	ck_assert_uint_eq(s->gpr[GPR_RDX], 0);
	ck_assert_uint_eq(s->gpr[GPR_RCX], 0);
	ck_assert_uint_eq(s->rflags & FLAG_DF, 0);
	ck_assert_uint_eq(s->fpu_control, 0x37f); /* the handler starts with a fresh FPU */
	ck_assert_uint_eq(rd32(p, frame), RESTORER);
	ck_assert_uint_eq(rd32(p, frame + 4), SIGUSR1);
	uint32_t sc = frame + 8;
	ck_assert_uint_eq(rd32(p, sc + 12), 0x2b);               /* ds */
	ck_assert_uint_eq(rd32(p, sc + 16), before.gpr[GPR_RDI]); /* di */
	ck_assert_uint_eq(rd32(p, sc + 28), ESP0);               /* sp */
	ck_assert_uint_eq(rd32(p, sc + 44), before.gpr[GPR_RAX]); /* ax */
	ck_assert_uint_eq(rd32(p, sc + 56), before.rip);          /* ip */
	ck_assert_uint_eq(rd32(p, sc + 60), 0x23);               /* cs */
	ck_assert_uint_eq(rd32(p, sc + 64), (uint32_t)before.rflags);
	ck_assert_uint_eq(rd32(p, sc + 68), ESP0); /* sp_at_signal */
	ck_assert_uint_eq(rd32(p, sc + 80), (uint32_t)oldmask);
	ck_assert_uint_eq(rd32(p, frame + 720), (uint32_t)(oldmask >> 32)); /* extramask */
	/* The FPU state: fsave header, then the fxsave image 64-byte aligned. */
	uint32_t fp = rd32(p, sc + 76);
	ck_assert_uint_eq((fp + 112) & 63, 0);
	ck_assert_uint_gt(fp, frame + 732 - 1);
	ck_assert_uint_eq(rd32(p, fp) & 0xffff, 0x27f);           /* cw */
	ck_assert_uint_eq(rd32(p, fp + 8), 0xffffffff);           /* tag: all empty */
	ck_assert_uint_eq(rd32(p, fp + 108) >> 16, 0);            /* magic: X86_FXSR_MAGIC */
	ck_assert_uint_eq(rd32(p, fp + 112 + 24), 0x1fa0);        /* fxsave mxcsr */
	uint8_t code[8];
	ck_assert_int_eq(gmem_peek(p->cpu.memory, frame + 724, code, 8), 0);
	static const uint8_t retcode[8] = {0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80};
	ck_assert_mem_eq(code, retcode, 8);
	/* The handler changes the frame's EBX; its ret and the restorer's pop
	 * leave ESP 8 bytes up; sigreturn restores everything else. */
	wr32(p, sc + 32, 0xb0b0);
	s->gpr[GPR_RSP] = frame + 8;
	p->sigmask = 0;
	s->gpr[GPR_RAX] = 119;
	const uint32_t a[6] = {0};
	int64_t r = linux_sys32_sigreturn(p, a);
	ck_assert_int_eq(p->exited, 0);
	ck_assert_uint_eq((uint32_t)r, (uint32_t)before.gpr[GPR_RAX]);
	ck_assert_uint_eq(s->gpr[GPR_RBX], 0xb0b0);
	ck_assert_uint_eq(s->gpr[GPR_RSP], ESP0);
	ck_assert_uint_eq(s->gpr[GPR_RSI], before.gpr[GPR_RSI]);
	ck_assert_uint_eq(s->rip, before.rip);
	ck_assert_uint_eq(s->rflags & (FLAG_CF | FLAG_DF), FLAG_CF | FLAG_DF);
	ck_assert_uint_eq(s->fpu_control, 0x27f);
	ck_assert_uint_eq(s->mxcsr, 0x1fa0);
	ck_assert_uint_eq(p->sigmask, oldmask);
	destroy(p);
}
END_TEST

START_TEST(test_rt_sigframe_layout_and_rt_sigreturn)
{
	struct linux_process *p = process();
	struct x86_state before = p->cpu.state;
	struct linux_sigaction ka = {HANDLER, 4 /* SA_SIGINFO */ | SA_RESTORER_, RESTORER, 0};
	uint8_t info[128];
	memset(info, 0, sizeof info);
	int32_t head[3] = {SIGSEGV, 0, 1 /* SEGV_MAPERR */};
	uint64_t addr = 0x40;
	memcpy(info, head, sizeof head);
	memcpy(info + 16, &addr, 8);
	uint64_t oldmask = p->sigmask;
	ck_assert_int_eq(linux_signal_frame32(p, SIGSEGV, &ka, oldmask, info, 14, 6, 0x40), 0);
	struct x86_state *s = &p->cpu.state;
	uint32_t frame = (uint32_t)s->gpr[GPR_RSP];
	ck_assert_uint_eq((frame + 4) & 15, 0);
	ck_assert_uint_eq(rd32(p, frame), RESTORER);
	ck_assert_uint_eq(rd32(p, frame + 4), SIGSEGV);
	ck_assert_uint_eq(rd32(p, frame + 8), frame + 16);  /* pinfo */
	ck_assert_uint_eq(rd32(p, frame + 12), frame + 144); /* puc */
	ck_assert_uint_eq(s->gpr[GPR_RDX], frame + 16);
	ck_assert_uint_eq(s->gpr[GPR_RCX], frame + 144);
	/* compat siginfo: signo, errno, code, then si_addr at 12. */
	ck_assert_uint_eq(rd32(p, frame + 16), SIGSEGV);
	ck_assert_uint_eq(rd32(p, frame + 16 + 8), 1);
	ck_assert_uint_eq(rd32(p, frame + 16 + 12), 0x40);
	uint32_t uc = frame + 144;
	ck_assert_uint_eq(rd32(p, uc), 0);                   /* uc_flags */
	ck_assert_uint_eq(rd32(p, uc + 12), SS_DISABLE);    /* uc_stack.ss_flags */
	uint32_t sc = uc + 20;
	ck_assert_uint_eq(rd32(p, sc + 48), 14);             /* trapno */
	ck_assert_uint_eq(rd32(p, sc + 52), 6);              /* err */
	ck_assert_uint_eq(rd32(p, sc + 84), 0x40);           /* cr2 */
	ck_assert_uint_eq(rd32(p, sc + 56), before.rip);
	ck_assert_uint_eq(rd32(p, uc + 108), (uint32_t)oldmask);
	ck_assert_uint_eq(rd32(p, uc + 112), (uint32_t)(oldmask >> 32));
	/* rt_sigreturn takes the x87 state from the fsave header (the
	 * control word written there wins over the fxsave part's) and the
	 * registers from uc_mcontext. */
	uint32_t fp = rd32(p, sc + 76);
	wr32(p, fp, 0xffff037f);
	wr32(p, sc + 56, before.rip + 2);
	s->gpr[GPR_RSP] = frame + 4;
	p->sigmask = 0;
	const uint32_t a[6] = {0};
	linux_sys32_rt_sigreturn(p, a);
	ck_assert_int_eq(p->exited, 0);
	ck_assert_uint_eq(s->rip, before.rip + 2);
	ck_assert_uint_eq(s->gpr[GPR_RSP], ESP0);
	ck_assert_uint_eq(s->fpu_control, 0x37f);
	ck_assert_uint_eq(s->mxcsr, 0x1fa0);
	ck_assert_uint_eq(p->sigmask, oldmask);
	destroy(p);
}
END_TEST

START_TEST(test_frame_on_altstack)
{
	struct linux_process *p = process();
	p->altstack_sp = ALT_BASE;
	p->altstack_size = 0x4000;
	struct linux_sigaction ka = {HANDLER, 4 | 0x08000000 /* SA_ONSTACK */ | SA_RESTORER_, RESTORER, 0};
	ck_assert_int_eq(linux_signal_frame32(p, SIGUSR1, &ka, 0, no_info, 0, 0, 0), 0);
	uint32_t frame = (uint32_t)p->cpu.state.gpr[GPR_RSP];
	ck_assert_uint_ge(frame, ALT_BASE);
	ck_assert_uint_lt(frame, ALT_BASE + 0x4000);
	ck_assert_uint_eq(rd32(p, frame + 144 + 8), ALT_BASE);   /* uc_stack.ss_sp */
	ck_assert_uint_eq(rd32(p, frame + 144 + 12), 0);         /* not on it when interrupted */
	ck_assert_uint_eq(rd32(p, frame + 144 + 16), 0x4000);    /* ss_size */
	destroy(p);
}
END_TEST

START_TEST(test_bad_sigreturn_frame_kills)
{
	struct linux_process *p = process();
	p->cpu.state.gpr[GPR_RSP] = 0x1000; /* unmapped */
	const uint32_t a[6] = {0};
	linux_sys32_rt_sigreturn(p, a);
	ck_assert_int_eq(p->exited, 1);
	ck_assert_int_eq(p->killed_signal, SIGSEGV);
	destroy(p);
}
END_TEST

START_TEST(test_siginfo_compat_layout)
{
	uint8_t in[128], out[128];
	memset(in, 0, sizeof in);
	int32_t head[3] = {SIGUSR1, 0, 0 /* SI_USER */}, ids[2] = {1234, 56};
	memcpy(in, head, sizeof head);
	memcpy(in + 16, ids, sizeof ids);
	linux_siginfo_to32(in, out);
	int32_t w[5];
	memcpy(w, out, sizeof w);
	ck_assert_int_eq(w[0], SIGUSR1);
	ck_assert_int_eq(w[3], 1234); /* si_pid */
	ck_assert_int_eq(w[4], 56);   /* si_uid */
}
END_TEST

START_TEST(test_tls_entries_belong_to_the_process)
{
	struct linux_process *p = process(), *q = process();
	p->tls32[0] = (struct linux_tls32){1, 0xf7fbc740, 0xfffff, 0x51};
	uint64_t base;
	int code;
	ck_assert_int_eq(linux_descriptor32(p, 0x63, &base, &code), 0);
	ck_assert_uint_eq(base, 0xf7fbc740);
	ck_assert_int_eq(code, 0);
	ck_assert_int_eq(linux_descriptor32(q, 0x63, &base, &code), -1); /* another process's */
	ck_assert_int_eq(linux_descriptor32(p, 0x6b, &base, &code), -1); /* entry 13 unused */
	ck_assert_int_eq(linux_descriptor32(p, 0x23, &base, &code), 0);
	ck_assert_int_eq(code, 1);
	destroy(p);
	destroy(q);
}
END_TEST

Suite *linux32_suite(void)
{
	Suite *s = suite_create("linux32");
	TCase *tc = tcase_create("signal frames");
	tcase_add_test(tc, test_sigframe_layout_and_sigreturn);
	tcase_add_test(tc, test_rt_sigframe_layout_and_rt_sigreturn);
	tcase_add_test(tc, test_frame_on_altstack);
	tcase_add_test(tc, test_bad_sigreturn_frame_kills);
	tcase_add_test(tc, test_siginfo_compat_layout);
	tcase_add_test(tc, test_tls_entries_belong_to_the_process);
	suite_add_tcase(s, tc);
	return s;
}
