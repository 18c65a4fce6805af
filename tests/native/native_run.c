/* native_run.c - run x86-64 code natively and capture the state it leaves
 * (see native_run.h).
 *
 * The code runs in a child process, either a persistent worker (one per
 * calling thread, forked on first use, reused while it stays healthy) or a
 * process forked for the one case. The child, once set up:
 *   - handles SIGSEGV SIGBUS SIGILL SIGFPE SIGTRAP SIGSYS SIGALRM with one
 *     handler on an alternate stack, returning through its own restorer;
 *   - runs under a seccomp filter that turns every syscall not made from
 *     this file's gadget (uopsim_native_sys) into SIGSYS, so the code under
 *     test cannot make syscalls, and the child itself makes them only
 *     through the gadget (no libc wrappers, no errno, no TLS: FS and GS
 *     bases are the case's, 0 by default);
 * and for each case maps the code and the regions at their fixed
 * addresses (the worker keeps them from one case to the next and only
 * rewrites their contents when the layout is the same), arms a timer, and
 * jumps to a stub that loads every register (XRSTOR, the GPRs, then IRETQ
 * for RIP, RFLAGS and RSP) and so enters the code. The handler copies the
 * signal frame (GPRs, RIP, RFLAGS, the XSAVE image) and the regions into
 * memory shared with the parent; then a forked child exits, and the worker
 * goes back, on a fresh stack, to waiting for the next case. The parent
 * decodes the frame. With max_steps, TF is set and each single-step trap
 * records a frame and returns. */
#define _GNU_SOURCE
#include "native_run.h"

#include <cpuid.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/auxv.h>
#include <sys/ucontext.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#if defined(__has_attribute)
#if __has_attribute(no_stack_protector)
#define NO_SSP __attribute__((no_stack_protector))
#endif
#endif
#ifndef NO_SSP
#define NO_SSP
#endif

#define PAGE 4096ull
#define XSAVE_MAX 16384 /* bytes reserved for an XSAVE image */
#define ALTSTACK_SIZE (256 * 1024)
#define RESUME_STACK_SIZE (256 * 1024)
#define DEFAULT_TIMEOUT_MS 1000
/* The parent gives up this long after the child's own timer: generous,
 * because on a loaded 2-core machine a forked child can wait seconds for a
 * core (it only costs time when a child really hangs). */
#define KILL_GRACE_MS 10000
#define WORKER_AREA (64ull << 20) /* the worker's shared area; larger cases run forked */

/* XSAVE state components (SDM vol. 1, 13.1) handled here. */
enum { XC_X87 = 0, XC_SSE = 1, XC_AVX = 2, XC_OPMASK = 5, XC_ZMM_HI256 = 6, XC_HI16_ZMM = 7 };
#define XC_HANDLED                                                                                           \
	((1u << XC_X87) | (1u << XC_SSE) | (1u << XC_AVX) | (1u << XC_OPMASK) | (1u << XC_ZMM_HI256) |       \
	 (1u << XC_HI16_ZMM))

/* Legacy (FXSAVE) region offsets, 64-bit format. */
/* clang-format off */
enum {
	FX_FCW = 0, FX_FSW = 2, FX_FTW = 4, FX_FOP = 6, FX_FIP = 8, FX_FDP = 16,
	FX_MXCSR = 24, FX_MXCSR_MASK = 28, FX_ST = 32, FX_XMM = 160,
	FX_SW_BYTES = 464, /* software-reserved bytes: the kernel's struct _fpx_sw_bytes */
	XSAVE_HDR = 512,
};
/* clang-format on */
#ifndef FP_XSTATE_MAGIC1
#define FP_XSTATE_MAGIC1 0x46505853u
#endif

/* ---- what the CPU and kernel support (computed once, read-only after) ---- */

struct xinfo {
	int ready;
	uint64_t xcr0; /* XCR0 & XC_HANDLED */
	uint32_t xsave_size;
	uint32_t off[8]; /* standard-format offset of each component */
	uint32_t mxcsr_mask;
};

static struct xinfo xinfo_get(void)
{
	static struct xinfo xi; /* racing first calls compute the same values */
	if (__atomic_load_n(&xi.ready, __ATOMIC_ACQUIRE))
		return xi;
	struct xinfo t;
	memset(&t, 0, sizeof t);
	unsigned a, b, c, d;
	__cpuid(1, a, b, c, d);
	if (c & (1u << 27)) { /* OSXSAVE */
		uint32_t lo, hi;
		__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
		t.xcr0 = (((uint64_t)hi << 32) | lo) & XC_HANDLED;
		__cpuid_count(0xd, 0, a, b, c, d);
		t.xsave_size = b;
		for (int i = 2; i < 8; i++) {
			if (t.xcr0 & (1u << i)) {
				__cpuid_count(0xd, i, a, b, c, d);
				t.off[i] = b;
			}
		}
	} else {
		t.xcr0 = 3;
	}
	/* MXCSR_MASK from an FXSAVE image (0 there means the default 0xffbf). */
	_Alignas(16) uint8_t fx[512];
	memset(fx, 0, sizeof fx);
	__asm__ volatile("fxsave64 %0" : "+m"(fx));
	memcpy(&t.mxcsr_mask, fx + FX_MXCSR_MASK, 4);
	if (!t.mxcsr_mask)
		t.mxcsr_mask = 0xffbf;
	t.ready = 1;
	xi = t;
	__atomic_store_n(&xi.ready, 1, __ATOMIC_RELEASE);
	return xi;
}

unsigned native_state_support(void)
{
	struct xinfo xi = xinfo_get();
	unsigned s = 1;
	if (xi.xcr0 & (1u << XC_AVX))
		s |= 2;
	if ((xi.xcr0 & 0xe0) == 0xe0)
		s |= 4;
	return s;
}

void native_state_init(struct x86_state *s)
{
	memset(s, 0, sizeof *s);
	s->rflags = 0x202;
	s->fpu_control = 0x37f;
	s->fpu_tag = 0xffff;
	s->mxcsr = 0x1f80;
}

static int use_fork_mode = -1; /* -1: not decided yet (environment NATIVE_RUN_FORK) */

void native_use_fork(int on)
{
	__atomic_store_n(&use_fork_mode, on ? 1 : 0, __ATOMIC_RELAXED);
}

/* ---- the shared area: request, result, region copies ---- */

enum { ST_NONE = 0, ST_CAPTURED = 1, ST_ERROR = 2 };

/* The registers of one signal frame. Trace steps are stored as frames cut
 * short after fp[step_fp] (the XSAVE size rounded up). */
struct frame {
	uint64_t gregs[NGREG];
	uint16_t ds, es, fs, gs;
	uint64_t fs_base, gs_base;
	uint32_t fp_size;   /* bytes of fp[] filled */
	uint32_t fp_xstate; /* the frame carries an XSAVE header */
	_Alignas(64) uint8_t fp[XSAVE_MAX];
};

struct shared {
	volatile int status;
	char msg[256];
	int signo, si_code;
	uint64_t fault_addr;
	struct frame last;
	/* The request: the case, its pointers rewritten to point into this
	 * area, and where each region's contents go afterwards. */
	struct native_case c;
	uint64_t region_off[NATIVE_MAX_REGIONS];
	uint64_t steps_off, step_size; /* trace: where step i goes, steps_off + i * step_size */
	uint32_t step_fp;              /* bytes of fp[] in a step */
	uint32_t nsteps;               /* steps recorded */
};

/* ---- child side: everything below runs with FS = the case's base and
 * under seccomp, so it uses no TLS, no errno and only the gadget ---- */

/* The register image the entry stub loads; fixed offsets for the asm. */
#define LOAD_GPR 16384
#define LOAD_IRET 16512
#define LOAD_XMASK 16552
struct load_area {
	_Alignas(64) uint8_t xsave[XSAVE_MAX];
	uint64_t gpr[16];
	uint64_t iret[5]; /* RIP, CS, RFLAGS, RSP, SS for IRETQ */
	uint32_t xmask[2];
};
_Static_assert(offsetof(struct load_area, gpr) == LOAD_GPR, "load_area layout");
_Static_assert(offsetof(struct load_area, iret) == LOAD_IRET, "load_area layout");
_Static_assert(offsetof(struct load_area, xmask) == LOAD_XMASK, "load_area layout");

__attribute__((visibility("hidden"))) struct load_area uopsim_native_load;
__attribute__((visibility("hidden"))) uint64_t uopsim_native_resume_sp;
__attribute__((visibility("hidden"))) uint32_t uopsim_native_mxcsr_default = 0x1f80;

/* Child state (each child has its own copy after fork). */
static struct shared *child_sh;
static struct xinfo child_xi;
static int child_is_worker, child_sock = -1, child_fsgsbase;
static volatile int child_in_case;
/* What the worker has mapped for cases: kept from one case to the next and
 * reused when the next case has the same layout (no mmap, no page faults). */
struct mapping {
	uint64_t addr, size;
	int prot; /* current protection */
};
static struct mapping child_code; /* size 0: none */
static struct mapping child_regions[NATIVE_MAX_REGIONS];
static unsigned child_nregions;
static uint64_t child_fs_base, child_gs_base; /* as the last case left them */
static int child_bases_known;

#define S(x) S_(x)
#define S_(x) #x
/* uopsim_native_enter: load every register and IRETQ to the code (IRETQ loads
 * RIP, RFLAGS and RSP at once, so with TF set the first single-step trap
 * comes after the first instruction of the code).
 * uopsim_native_sys: nr, a1..a6 -> syscall; the only syscall site the
 * seccomp filter allows, with uopsim_native_restorer (rt_sigreturn).
 * uopsim_native_resume: where the worker's handler sends it after a case:
 * a fresh stack, clean flags and FP control, then worker_loop(1). */
/* clang-format off */
__asm__(".text\n"
	".p2align 4\n"
	".type uopsim_native_enter, @function\n"
	"uopsim_native_enter:\n"
	"	movl uopsim_native_load+" S(LOAD_XMASK) "(%rip), %eax\n"
	"	movl uopsim_native_load+" S(LOAD_XMASK) "+4(%rip), %edx\n"
	"	xrstor64 uopsim_native_load(%rip)\n"
	"	leaq uopsim_native_load+" S(LOAD_IRET) "(%rip), %rsp\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+0(%rip), %rax\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+8(%rip), %rcx\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+16(%rip), %rdx\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+24(%rip), %rbx\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+40(%rip), %rbp\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+48(%rip), %rsi\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+56(%rip), %rdi\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+64(%rip), %r8\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+72(%rip), %r9\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+80(%rip), %r10\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+88(%rip), %r11\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+96(%rip), %r12\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+104(%rip), %r13\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+112(%rip), %r14\n"
	"	movq uopsim_native_load+" S(LOAD_GPR) "+120(%rip), %r15\n"
	"	iretq\n"
	".size uopsim_native_enter, .-uopsim_native_enter\n"
	".p2align 4\n"
	".type uopsim_native_sys, @function\n"
	"uopsim_native_sys:\n"
	"	movq %rdi, %rax\n"
	"	movq %rsi, %rdi\n"
	"	movq %rdx, %rsi\n"
	"	movq %rcx, %rdx\n"
	"	movq %r8, %r10\n"
	"	movq %r9, %r8\n"
	"	movq 8(%rsp), %r9\n"
	"	syscall\n"
	"uopsim_native_sys_ip:\n"
	"	ret\n"
	".size uopsim_native_sys, .-uopsim_native_sys\n"
	".p2align 4\n"
	".type uopsim_native_restorer, @function\n"
	"uopsim_native_restorer:\n"
	"	movl $" S(SYS_rt_sigreturn) ", %eax\n"
	"	syscall\n"
	"uopsim_native_restorer_ip:\n"
	"	ud2\n"
	".size uopsim_native_restorer, .-uopsim_native_restorer\n"
	".p2align 4\n"
	".type uopsim_native_resume, @function\n"
	"uopsim_native_resume:\n"
	"	movq uopsim_native_resume_sp(%rip), %rsp\n"
	"	pushq $0x202\n"
	"	popfq\n"
	"	fninit\n"
	"	ldmxcsr uopsim_native_mxcsr_default(%rip)\n"
	"	xorl %eax, %eax\n"
	"	movl %eax, %ds\n"
	"	movl %eax, %es\n"
	"	movl $1, %edi\n"
	"	call uopsim_native_worker_loop\n"
	"	ud2\n"
	".size uopsim_native_resume, .-uopsim_native_resume\n");
/* clang-format on */

__attribute__((noreturn, visibility("hidden"))) void uopsim_native_enter(void);
__attribute__((visibility("hidden"))) long uopsim_native_sys(long nr, long a1, long a2, long a3, long a4,
                                                             long a5, long a6);
__attribute__((visibility("hidden"))) void uopsim_native_restorer(void);
__attribute__((noreturn, visibility("hidden"))) void uopsim_native_resume(void);
extern const char uopsim_native_sys_ip[] __attribute__((visibility("hidden")));
extern const char uopsim_native_restorer_ip[] __attribute__((visibility("hidden")));
__attribute__((noreturn, visibility("hidden"))) void uopsim_native_worker_loop(int after_case);

#define SYS0(n) uopsim_native_sys((n), 0, 0, 0, 0, 0, 0)
#define SYS1(n, a) uopsim_native_sys((n), (long)(a), 0, 0, 0, 0, 0)
#define SYS2(n, a, b) uopsim_native_sys((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(n, a, b, c) uopsim_native_sys((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS6(n, a, b, c, d, e, f)                                                                            \
	uopsim_native_sys((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* Unaligned, aliasing-safe access to XSAVE images without libc calls. */
typedef uint16_t __attribute__((may_alias, aligned(1))) u16a;
typedef uint32_t __attribute__((may_alias, aligned(1))) u32a;
typedef uint64_t __attribute__((may_alias, aligned(1))) u64a;

/* Byte copy and fill that cannot turn into libc calls. */
NO_SSP static inline void copy_bytes(void *dst, const void *src, size_t n)
{
	__asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}
NO_SSP static inline void fill_bytes(void *dst, int v, size_t n)
{
	__asm__ volatile("rep stosb" : "+D"(dst), "+c"(n) : "a"(v) : "memory");
}

NO_SSP static __attribute__((noreturn)) void child_exit(int code)
{
	for (;;)
		SYS1(SYS_exit_group, code);
}

/* Error message without printf (which needs TLS). */
NO_SSP static void msg_str(char *m, size_t *n, const char *s)
{
	while (*s && *n < 255)
		m[(*n)++] = *s++;
	m[*n] = 0;
}
NO_SSP static void msg_num(char *m, size_t *n, uint64_t v, unsigned base)
{
	char buf[24];
	int i = 23;
	buf[i] = 0;
	do
		buf[--i] = "0123456789abcdef"[v % base];
	while (v /= base);
	if (base == 16) {
		buf[--i] = 'x';
		buf[--i] = '0';
	}
	msg_str(m, n, buf + i);
}

/* Unmap what a case mapped (the worker keeps going). */
NO_SSP static void unmap_all(void)
{
	if (child_code.size)
		SYS2(SYS_munmap, child_code.addr, child_code.size);
	child_code.size = 0;
	for (unsigned i = 0; i < child_nregions; i++)
		SYS2(SYS_munmap, child_regions[i].addr, child_regions[i].size);
	child_nregions = 0;
	child_bases_known = 0;
}

/* After a setup error: report it, clean up, and go back to waiting (worker)
 * or exit (forked child). */
NO_SSP static __attribute__((noreturn)) void case_error(const char *what, uint64_t addr, long err)
{
	struct shared *sh = child_sh;
	size_t n = 0;
	msg_str(sh->msg, &n, what);
	msg_str(sh->msg, &n, " at ");
	msg_num(sh->msg, &n, addr, 16);
	if (err == -EEXIST) {
		msg_str(sh->msg, &n, ": the address is already in use in the child (pick another one)");
	} else {
		msg_str(sh->msg, &n, ": errno ");
		msg_num(sh->msg, &n, (uint64_t)-err, 10);
	}
	sh->status = ST_ERROR;
	if (!child_is_worker)
		child_exit(2);
	child_in_case = 0;
	unmap_all();
	uopsim_native_resume(); /* a fresh stack, then worker_loop(1) */
}

/* Standard-format XSAVE image of s (components in xi->xcr0). */
NO_SSP static void build_xsave(uint8_t *x, const struct x86_state *s, const struct xinfo *xi)
{
	fill_bytes(x, 0, xi->xsave_size > 576 ? xi->xsave_size : 576);
	*(u16a *)(x + FX_FCW) = s->fpu_control;
	*(u16a *)(x + FX_FSW) = s->fpu_status;
	uint8_t ftw = 0;
	for (int i = 0; i < 8; i++)
		if (((s->fpu_tag >> (2 * i)) & 3) != 3)
			ftw |= (uint8_t)(1u << i);
	x[FX_FTW] = ftw;
	*(u16a *)(x + FX_FOP) = s->fpu_opcode & 0x7ff;
	*(u64a *)(x + FX_FIP) = s->fpu_ip;
	*(u64a *)(x + FX_FDP) = s->fpu_dp;
	*(u32a *)(x + FX_MXCSR) = s->mxcsr;
	*(u32a *)(x + FX_MXCSR_MASK) = xi->mxcsr_mask;
	unsigned top = (s->fpu_status >> 11) & 7;
	for (unsigned j = 0; j < 8; j++) { /* FXSAVE holds ST(j), stack order */
		const struct x87_reg *r = &s->st[(j + top) & 7];
		*(u64a *)(x + FX_ST + 16 * j) = r->significand;
		*(u16a *)(x + FX_ST + 16 * j + 8) = r->sign_exponent;
	}
	for (int i = 0; i < 16; i++)
		copy_bytes(x + FX_XMM + 16 * i, s->zmm[i], 16);
	*(u64a *)(x + XSAVE_HDR) = xi->xcr0; /* XSTATE_BV: every component from the image */
	if (xi->xcr0 & (1u << XC_AVX))
		for (int i = 0; i < 16; i++)
			copy_bytes(x + xi->off[XC_AVX] + 16 * i, s->zmm[i] + 16, 16);
	if (xi->xcr0 & (1u << XC_OPMASK))
		for (int i = 0; i < 8; i++)
			*(u64a *)(x + xi->off[XC_OPMASK] + 8 * i) = s->opmask[i];
	if (xi->xcr0 & (1u << XC_ZMM_HI256))
		for (int i = 0; i < 16; i++)
			copy_bytes(x + xi->off[XC_ZMM_HI256] + 32 * i, s->zmm[i] + 32, 32);
	if (xi->xcr0 & (1u << XC_HI16_ZMM))
		for (int i = 0; i < 16; i++)
			copy_bytes(x + xi->off[XC_HI16_ZMM] + 64 * i, s->zmm[16 + i], 64);
}

NO_SSP static long map_fixed(uint64_t addr, uint64_t size)
{
	long p = SYS6(SYS_mmap, addr, size, PROT_READ | PROT_WRITE,
	              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p < 0 && p > -4096)
		return p;
	if ((uint64_t)p != addr) { /* a kernel without MAP_FIXED_NOREPLACE */
		SYS2(SYS_munmap, p, size);
		return -EEXIST;
	}
	return 0;
}

/* Do n bytes at p equal those at q? */
NO_SSP static inline int same_bytes(const void *p, const void *q, size_t n)
{
	unsigned char eq;
	if (!n)
		return 1;
	__asm__ volatile("repe cmpsb" : "+S"(p), "+D"(q), "+c"(n), "=@cce"(eq) : : "memory", "cc");
	return eq;
}

NO_SSP static int all_bytes(const uint8_t *p, uint8_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

/* The worker's mapping at addr (there is one for each region of the case). */
NO_SSP static struct mapping *find_mapping(uint64_t addr)
{
	for (unsigned i = 0; i < child_nregions; i++)
		if (child_regions[i].addr == addr)
			return &child_regions[i];
	return &child_regions[0];
}

/* Make a mapping writable for setting it up. */
NO_SSP static void make_writable(struct mapping *m)
{
	if (!(m->prot & PROT_WRITE) && !SYS3(SYS_mprotect, m->addr, m->size, PROT_READ | PROT_WRITE))
		m->prot = PROT_READ | PROT_WRITE;
}

/* Set up the case in child_sh->c and jump to it. */
NO_SSP static __attribute__((noreturn)) void run_case(void)
{
	struct shared *sh = child_sh;
	const struct native_case *c = &sh->c;
	long e;

	/* Keep the last case's mappings that this case has too (same kind,
	 * address and size); unmap the rest. */
	uint64_t lo = c->code_addr & ~(PAGE - 1);
	uint64_t hi = (c->code_addr + c->code_len + 1 + PAGE - 1) & ~(PAGE - 1);
	if (child_code.size && (child_code.addr != lo || child_code.size != hi - lo)) {
		SYS2(SYS_munmap, child_code.addr, child_code.size);
		child_code.size = 0;
	}
	struct mapping kept[NATIVE_MAX_REGIONS];
	fill_bytes(kept, 0, sizeof kept); /* not "= {0}": that may become a memset call */
	for (unsigned j = 0; j < child_nregions; j++) {
		unsigned i;
		for (i = 0; i < c->nregions; i++)
			if (c->regions[i].addr == child_regions[j].addr &&
			    c->regions[i].size == child_regions[j].size)
				break;
		if (i < c->nregions)
			kept[i] = child_regions[j];
		else
			SYS2(SYS_munmap, child_regions[j].addr, child_regions[j].size);
	}
	/* The kept ones first, so that case_error unmaps them too. */
	child_nregions = 0;
	for (unsigned i = 0; i < c->nregions; i++)
		if (kept[i].size)
			child_regions[child_nregions++] = kept[i];

	/* Code pages: int3 everywhere, the code, then the stop int3. */
	uint8_t *code = (uint8_t *)(uintptr_t)lo;
	int code_prot = PROT_READ | PROT_EXEC | (c->code_writable ? PROT_WRITE : 0);
	size_t at = c->code_addr - lo;
	if (!child_code.size) {
		if ((e = map_fixed(lo, hi - lo)))
			case_error("cannot map the code", lo, e);
		child_code = (struct mapping){lo, hi - lo, PROT_READ | PROT_WRITE};
		fill_bytes(code, 0xcc, hi - lo);
		copy_bytes(code + at, c->code, c->code_len);
	} else if (!same_bytes(code + at, c->code, c->code_len) || !all_bytes(code, 0xcc, at) ||
	           !all_bytes(code + at + c->code_len, 0xcc, hi - lo - at - c->code_len)) {
		make_writable(&child_code);
		fill_bytes(code, 0xcc, hi - lo);
		copy_bytes(code + at, c->code, c->code_len);
	}
	if (child_code.prot != code_prot) {
		if ((e = SYS3(SYS_mprotect, lo, hi - lo, code_prot)))
			case_error("cannot protect the code", lo, e);
		child_code.prot = code_prot;
	}

	for (unsigned i = 0; i < c->nregions; i++) {
		const struct native_region *rg = &c->regions[i];
		struct mapping *m;
		if (kept[i].size) {
			m = find_mapping(rg->addr);
			if (rg->init) {
				make_writable(m);
				copy_bytes((void *)(uintptr_t)rg->addr, rg->init, rg->size);
			} else if (rg->size > 16 * PAGE) {
				SYS3(SYS_madvise, rg->addr, rg->size, MADV_DONTNEED); /* back to zero pages */
			} else {
				make_writable(m);
				fill_bytes((void *)(uintptr_t)rg->addr, 0, rg->size);
			}
		} else {
			if ((e = map_fixed(rg->addr, rg->size)))
				case_error("cannot map a region", rg->addr, e);
			m = &child_regions[child_nregions++];
			*m = (struct mapping){rg->addr, rg->size, PROT_READ | PROT_WRITE};
			if (rg->init)
				copy_bytes((void *)(uintptr_t)rg->addr, rg->init, rg->size);
		}
		if (m->prot != rg->prot) {
			if ((e = SYS3(SYS_mprotect, rg->addr, rg->size, rg->prot)))
				case_error("cannot protect a region", rg->addr, e);
			m->prot = rg->prot;
		}
	}
	if (!child_bases_known || child_fs_base != c->initial.segment_base[SEG_FS]) {
		if ((e = SYS2(SYS_arch_prctl, 0x1002 /* ARCH_SET_FS */, c->initial.segment_base[SEG_FS])))
			case_error("cannot set the FS base", c->initial.segment_base[SEG_FS], e);
	}
	if (!child_bases_known || child_gs_base != c->initial.segment_base[SEG_GS]) {
		if ((e = SYS2(SYS_arch_prctl, 0x1001 /* ARCH_SET_GS */, c->initial.segment_base[SEG_GS])))
			case_error("cannot set the GS base", c->initial.segment_base[SEG_GS], e);
	}

	struct load_area *ld = &uopsim_native_load;
	build_xsave(ld->xsave, &c->initial, &child_xi);
	copy_bytes(ld->gpr, c->initial.gpr, sizeof ld->gpr);
	uint16_t cs, ss;
	__asm__("movw %%cs, %0; movw %%ss, %1" : "=r"(cs), "=r"(ss));
	ld->iret[0] = c->code_addr;
	ld->iret[1] = cs;
	ld->iret[2] = (c->initial.rflags & (FLAGS_ARITH | FLAG_DF | FLAG_AC | FLAG_ID)) | 0x202 |
	              (c->max_steps ? FLAG_TF : 0);
	ld->iret[3] = c->initial.gpr[GPR_RSP];
	ld->iret[4] = ss;
	sh->nsteps = 0;
	ld->xmask[0] = (uint32_t)child_xi.xcr0;
	ld->xmask[1] = (uint32_t)(child_xi.xcr0 >> 32);

	unsigned ms = c->timeout_ms ? c->timeout_ms : DEFAULT_TIMEOUT_MS;
	struct itimerval it;
	fill_bytes(&it, 0, sizeof it);
	it.it_value.tv_sec = ms / 1000;
	it.it_value.tv_usec = (ms % 1000) * 1000;
	child_in_case = 1;
	if ((e = SYS3(SYS_setitimer, ITIMER_REAL, &it, 0)))
		case_error("setitimer", 0, e);
	uopsim_native_enter();
}

/* The worker: wait for a request, run it; after_case: a case just finished,
 * tell the parent first. */
NO_SSP __attribute__((noreturn)) void uopsim_native_worker_loop(int after_case)
{
	char b = 0;
	if (after_case && SYS3(SYS_write, child_sock, &b, 1) != 1)
		child_exit(3);
	for (;;) {
		long n = SYS3(SYS_read, child_sock, &b, 1);
		if (n == 1)
			break;
		if (n != -EINTR)
			child_exit(0); /* the parent went away */
	}
	run_case();
}

/* Copy the registers of a signal frame (fp_max: room in f->fp). */
NO_SSP static void save_frame(struct frame *f, const ucontext_t *uc, uint32_t fp_max)
{
	copy_bytes(f->gregs, uc->uc_mcontext.gregs, sizeof f->gregs);
	uint16_t sel;
	__asm__ volatile("movw %%ds, %0" : "=r"(sel));
	f->ds = sel;
	__asm__ volatile("movw %%es, %0" : "=r"(sel));
	f->es = sel;
	__asm__ volatile("movw %%fs, %0" : "=r"(sel));
	f->fs = sel;
	__asm__ volatile("movw %%gs, %0" : "=r"(sel));
	f->gs = sel;
	if (child_fsgsbase) {
		__asm__ volatile("rdfsbase %0" : "=r"(f->fs_base));
		__asm__ volatile("rdgsbase %0" : "=r"(f->gs_base));
	} else {
		SYS2(SYS_arch_prctl, 0x1003 /* ARCH_GET_FS */, &f->fs_base);
		SYS2(SYS_arch_prctl, 0x1004 /* ARCH_GET_GS */, &f->gs_base);
	}

	const uint8_t *fp = (const uint8_t *)uc->uc_mcontext.fpregs;
	uint32_t size = 512;
	f->fp_xstate = 0;
	f->fp_size = 0;
	if (fp) {
		if (*(const u32a *)(fp + FX_SW_BYTES) == FP_XSTATE_MAGIC1) {
			uint32_t xsize = *(const u32a *)(fp + FX_SW_BYTES + 16); /* xstate_size */
			if (xsize > 512 + 64) {
				size = xsize < fp_max ? xsize : fp_max; /* what is cut off is none of ours */
				f->fp_xstate = 1;
			}
		}
		copy_bytes(f->fp, fp, size);
		f->fp_size = size;
	}
}

/* The signal handler: runs on the alternate stack with whatever the code
 * left in the registers. */
NO_SSP static void capture(int sig, siginfo_t *si, void *ucv)
{
	/* The code may have set AC: clear it before touching unaligned data. */
	__asm__ volatile("pushfq; andq $~0x40000, (%%rsp); popfq" ::: "memory", "cc");
	if (!child_in_case) {
		if (sig == SIGALRM)
			return; /* a stale timer signal between cases */
		child_exit(4);  /* the worker itself faulted: the code must have damaged it */
	}
	ucontext_t *uc = ucv;
	struct shared *sh = child_sh;
	const struct native_case *c = &sh->c;

	if (sig == SIGTRAP && si->si_code == TRAP_TRACE && c->max_steps) {
		/* A single-step trap: record the step and go on, up to the limit. */
		struct frame *f =
		    (struct frame *)((uint8_t *)sh + sh->steps_off + sh->nsteps * sh->step_size);
		save_frame(f, uc, sh->step_fp);
		if (++sh->nsteps < c->max_steps)
			return;
	}

	sh->signo = sig;
	sh->si_code = si->si_code;
	sh->fault_addr = (uint64_t)(uintptr_t)si->si_addr;
	save_frame(&sh->last, uc, XSAVE_MAX);

	for (unsigned i = 0; i < c->nregions; i++) {
		const struct native_region *rg = &c->regions[i];
		if (!(rg->prot & PROT_READ) && !SYS3(SYS_mprotect, rg->addr, rg->size, PROT_READ))
			find_mapping(rg->addr)->prot = PROT_READ;
		copy_bytes((uint8_t *)sh + sh->region_off[i], (const void *)(uintptr_t)rg->addr, rg->size);
	}
	sh->status = ST_CAPTURED;
	if (!child_is_worker)
		child_exit(0);

	child_in_case = 0;
	struct itimerval off;
	fill_bytes(&off, 0, sizeof off);
	SYS3(SYS_setitimer, ITIMER_REAL, &off, 0);
	/* The mappings stay for the next case; so do the FS and GS bases unless a
	 * selector was loaded. */
	child_fs_base = sh->last.fs_base;
	child_gs_base = sh->last.gs_base;
	child_bases_known = !sh->last.fs && !sh->last.gs;
	/* Return from the signal into uopsim_native_resume (which sets its own
	 * stack, flags and FP control). */
	uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)uopsim_native_resume;
	uc->uc_mcontext.gregs[REG_EFL] = 0x202;
}

/* Child setup, with libc still usable; returns 0 or -1 with sh->msg set. */
static int child_setup(struct shared *sh, int worker, int sock)
{
	child_sh = sh;
	child_xi = xinfo_get();
	child_is_worker = worker;
	child_sock = sock;
	if (worker) { /* hold none of the parent's files open (pipes would not see EOF) */
		if (sock > 3)
			syscall(436 /* close_range */, 3, sock - 1, 0);
		syscall(436, sock + 1, ~0u, 0);
	}
	child_fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0; /* HWCAP2_FSGSBASE */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	struct rlimit nocore = {0, 0};
	setrlimit(RLIMIT_CORE, &nocore);

	void *alt = mmap(NULL, ALTSTACK_SIZE + RESUME_STACK_SIZE, PROT_READ | PROT_WRITE,
	                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (alt == MAP_FAILED) {
		snprintf(sh->msg, sizeof sh->msg, "mmap signal stack: %s", strerror(errno));
		return -1;
	}
	uopsim_native_resume_sp = (uint64_t)(uintptr_t)alt + ALTSTACK_SIZE + RESUME_STACK_SIZE;
	stack_t ss = {.ss_sp = alt, .ss_size = ALTSTACK_SIZE, .ss_flags = 0};
	if (sigaltstack(&ss, NULL)) {
		snprintf(sh->msg, sizeof sh->msg, "sigaltstack: %s", strerror(errno));
		return -1;
	}
	/* The kernel's struct sigaction, to install our own restorer. */
	struct {
		void (*handler)(int, siginfo_t *, void *);
		unsigned long flags;
		void (*restorer)(void);
		uint64_t mask;
	} ka = {capture, SA_SIGINFO | SA_ONSTACK | 0x04000000 /* SA_RESTORER */, uopsim_native_restorer,
	        ~0ull};
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGALRM};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		if (syscall(SYS_rt_sigaction, sigs[i], &ka, NULL, 8)) {
			snprintf(sh->msg, sizeof sh->msg, "rt_sigaction: %s", strerror(errno));
			return -1;
		}
	}
	sigset_t none;
	sigemptyset(&none);
	if (sigprocmask(SIG_SETMASK, &none, NULL)) {
		snprintf(sh->msg, sizeof sh->msg, "sigprocmask: %s", strerror(errno));
		return -1;
	}

	uint64_t ip1 = (uint64_t)(uintptr_t)uopsim_native_sys_ip;
	uint64_t ip2 = (uint64_t)(uintptr_t)uopsim_native_restorer_ip;
	struct sock_filter f[] = {
	    /* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
	    /* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 9),
	    /* 2 */
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, instruction_pointer) + 4),
	    /* 3 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)(ip1 >> 32), 0, 7),
	    /* 4 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)(ip2 >> 32), 0, 6),
	    /* 5 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, instruction_pointer)),
	    /* 6 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)ip1, 3, 0),
	    /* 7 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)ip2, 0, 3),
	    /* 8 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	    /* 9 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_rt_sigreturn, 0, 1),
	    /* 10 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	    /* 11 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
	};
	if ((ip1 >> 32) != (ip2 >> 32)) {
		snprintf(sh->msg, sizeof sh->msg, "syscall gadgets straddle a 4 GB boundary");
		return -1;
	}
	struct sock_fprog prog = {.len = sizeof f / sizeof f[0], .filter = f};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog)) {
		snprintf(sh->msg, sizeof sh->msg, "seccomp: %s", strerror(errno));
		return -1;
	}
	/* From here on: the gadget only. */
	return 0;
}

/* ---- parent side ---- */

__attribute__((format(printf, 1, 2))) static int fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("native_run: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return -1;
}

static int overlaps(uint64_t a, uint64_t asz, uint64_t b, uint64_t bsz)
{
	return a < b + bsz && b < a + asz;
}

static int canonical(uint64_t a)
{
	return (uint64_t)((int64_t)(a << 16) >> 16) == a;
}

static int check_case(const struct native_case *c, const struct xinfo *xi)
{
	if (!c->code && c->code_len)
		return fail("no code");
	if (c->nregions > NATIVE_MAX_REGIONS)
		return fail("%u regions (at most %d)", c->nregions, NATIVE_MAX_REGIONS);
	uint64_t clo = c->code_addr & ~(PAGE - 1);
	uint64_t chi = (c->code_addr + c->code_len + 1 + PAGE - 1) & ~(PAGE - 1);
	if (c->code_addr < 0x10000 || chi > 0x7ffffffff000ull || chi <= clo)
		return fail("code address 0x%llx out of range", (unsigned long long)c->code_addr);
	for (unsigned i = 0; i < c->nregions; i++) {
		const struct native_region *rg = &c->regions[i];
		if ((rg->addr | rg->size) & (PAGE - 1) || !rg->size)
			return fail("region %u (0x%llx, size 0x%llx) is not page-aligned", i,
			            (unsigned long long)rg->addr, (unsigned long long)rg->size);
		if (rg->addr < 0x10000 || rg->addr + rg->size > 0x7ffffffff000ull ||
		    rg->addr + rg->size < rg->addr)
			return fail("region %u at 0x%llx out of range", i, (unsigned long long)rg->addr);
		if (rg->prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
			return fail("region %u: bad prot %#x", i, rg->prot);
		if (overlaps(rg->addr, rg->size, clo, chi - clo))
			return fail("region %u overlaps the code pages 0x%llx-0x%llx", i,
			            (unsigned long long)clo, (unsigned long long)chi);
		for (unsigned j = 0; j < i; j++)
			if (overlaps(rg->addr, rg->size, c->regions[j].addr, c->regions[j].size))
				return fail("regions %u and %u overlap", j, i);
	}
	if (c->max_steps > 1000000)
		return fail("max_steps %u is more than 1000000", c->max_steps);
	if (c->initial.mxcsr & ~xi->mxcsr_mask)
		return fail("MXCSR %#x has reserved bits set (mask %#x)", c->initial.mxcsr, xi->mxcsr_mask);
	if (!canonical(c->initial.segment_base[SEG_FS]) || !canonical(c->initial.segment_base[SEG_GS]))
		return fail("FS/GS base is not canonical");
	if (xi->xsave_size > XSAVE_MAX)
		return fail("XSAVE area of %u bytes is larger than %d", xi->xsave_size, XSAVE_MAX);
	return 0;
}

static uint32_t step_fp_bytes(const struct xinfo *xi)
{
	uint32_t n = xi->xsave_size > 576 ? xi->xsave_size : 576;
	return (n + 63) & ~63u;
}

static size_t step_size(const struct xinfo *xi)
{
	return offsetof(struct frame, fp) + step_fp_bytes(xi);
}

/* Bytes of shared area the case needs. */
static size_t case_size(const struct native_case *c, const struct xinfo *xi)
{
	size_t size = (sizeof(struct shared) + 63) & ~(size_t)63;
	size += (c->code_len + 63) & ~(size_t)63;
	for (unsigned i = 0; i < c->nregions; i++)
		size += c->regions[i].size * (c->regions[i].init ? 2 : 1);
	size += (size_t)c->max_steps * step_size(xi);
	return size;
}

/* Copy the case into sh (whose size is at least case_size(c)). */
static void put_case(struct shared *sh, const struct native_case *c, const struct xinfo *xi)
{
	sh->status = ST_NONE;
	sh->msg[0] = 0;
	sh->c = *c;
	uint8_t *base = (uint8_t *)sh;
	size_t off = (sizeof(struct shared) + 63) & ~(size_t)63;
	memcpy(base + off, c->code, c->code_len);
	sh->c.code = base + off;
	off += (c->code_len + 63) & ~(size_t)63;
	for (unsigned i = 0; i < c->nregions; i++) {
		if (c->regions[i].init) {
			memcpy(base + off, c->regions[i].init, c->regions[i].size);
			sh->c.regions[i].init = base + off;
			off += c->regions[i].size;
		}
		sh->region_off[i] = off;
		off += c->regions[i].size;
	}
	sh->steps_off = off;
	sh->step_size = step_size(xi);
	sh->step_fp = step_fp_bytes(xi);
	sh->nsteps = 0;
}

/* Full x87 tag of one register from its contents (SDM vol. 1, 8.1.7). */
static unsigned x87_tag(const struct x87_reg *r)
{
	unsigned e = r->sign_exponent & 0x7fff;
	if (e == 0x7fff)
		return 2;
	if (e == 0)
		return r->significand ? 2 : 1;
	return (r->significand >> 63) ? 0 : 2;
}

static uint16_t get16(const uint8_t *p)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return v;
}
static uint32_t get32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}
static uint64_t get64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static void decode_state(const struct frame *sh, const struct xinfo *xi, struct x86_state *s, int traced)
{
	const uint64_t *g = sh->gregs;
	memset(s, 0, sizeof *s);
	static const int map[GPR_COUNT] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP,
	                                   REG_RSI, REG_RDI, REG_R8,  REG_R9,  REG_R10, REG_R11,
	                                   REG_R12, REG_R13, REG_R14, REG_R15};
	for (int i = 0; i < GPR_COUNT; i++)
		s->gpr[i] = g[map[i]];
	s->rip = g[REG_RIP];
	/* RF is invisible to the code (PUSHF clears it); TF is ours when tracing. */
	s->rflags = g[REG_EFL] & ~((uint64_t)1 << 16 | (traced ? FLAG_TF : 0));
	uint64_t csgsfs = g[REG_CSGSFS];
	s->selector[SEG_CS] = (uint16_t)csgsfs;
	s->selector[SEG_SS] = (uint16_t)(csgsfs >> 48); /* the kernel saves SS in __pad0 (UC_SIGCONTEXT_SS) */
	s->selector[SEG_DS] = sh->ds;
	s->selector[SEG_ES] = sh->es;
	s->selector[SEG_FS] = sh->fs;
	s->selector[SEG_GS] = sh->gs;
	s->segment_base[SEG_FS] = sh->fs_base;
	s->segment_base[SEG_GS] = sh->gs_base;

	if (sh->fp_size < 512)
		return;
	const uint8_t *x = sh->fp;
	uint64_t bv = sh->fp_xstate ? get64(x + XSAVE_HDR) : 3;
	s->fpu_control = get16(x + FX_FCW);
	s->fpu_status = get16(x + FX_FSW);
	s->fpu_opcode = get16(x + FX_FOP);
	s->fpu_ip = get64(x + FX_FIP);
	s->fpu_dp = get64(x + FX_FDP);
	s->mxcsr = get32(x + FX_MXCSR);
	unsigned top = (s->fpu_status >> 11) & 7;
	for (unsigned j = 0; j < 8; j++) {
		struct x87_reg *r = &s->st[(j + top) & 7];
		r->significand = get64(x + FX_ST + 16 * j);
		r->sign_exponent = get16(x + FX_ST + 16 * j + 8);
	}
	uint8_t ftw = x[FX_FTW];
	s->fpu_tag = 0;
	for (unsigned i = 0; i < 8; i++)
		s->fpu_tag |= (uint16_t)((ftw >> i & 1 ? x87_tag(&s->st[i]) : 3u) << (2 * i));
	for (int i = 0; i < 16; i++)
		memcpy(s->zmm[i], x + FX_XMM + 16 * i, 16);
	if (!sh->fp_xstate)
		return;
	if (!(bv & (1u << XC_X87))) { /* x87 in its initial state (FNINIT) */
		s->fpu_control = 0x37f;
		s->fpu_status = 0;
		s->fpu_tag = 0xffff;
		s->fpu_opcode = 0;
		s->fpu_ip = s->fpu_dp = 0;
		memset(s->st, 0, sizeof s->st);
	}
	if (!(bv & (1u << XC_SSE)))
		for (int i = 0; i < 16; i++)
			memset(s->zmm[i], 0, 16);
	/* A component whose XSTATE_BV bit is clear is in its initial state (zeros). */
	if (xi->xcr0 & bv & (1u << XC_AVX))
		for (int i = 0; i < 16; i++)
			memcpy(s->zmm[i] + 16, x + xi->off[XC_AVX] + 16 * i, 16);
	if (xi->xcr0 & bv & (1u << XC_OPMASK))
		for (int i = 0; i < 8; i++)
			s->opmask[i] = get64(x + xi->off[XC_OPMASK] + 8 * i);
	if (xi->xcr0 & bv & (1u << XC_ZMM_HI256))
		for (int i = 0; i < 16; i++)
			memcpy(s->zmm[i] + 32, x + xi->off[XC_ZMM_HI256] + 32 * i, 32);
	if (xi->xcr0 & bv & (1u << XC_HI16_ZMM))
		for (int i = 0; i < 16; i++)
			memcpy(s->zmm[16 + i], x + xi->off[XC_HI16_ZMM] + 64 * i, 64);
}

/* Fill r from a captured sh. */
static int take_result(const struct shared *sh, const struct native_case *c, const struct xinfo *xi,
                       struct native_result *r)
{
	decode_state(&sh->last, xi, &r->final, c->max_steps != 0);
	r->signal = sh->signo;
	r->si_code = sh->si_code;
	r->fault_address = sh->fault_addr;
	r->trapno = sh->last.gregs[REG_TRAPNO];
	r->error_code = sh->last.gregs[REG_ERR];
	r->timed_out = sh->signo == SIGALRM;
	if (sh->signo == SIGALRM || sh->signo == SIGSYS) {
		/* Not from a CPU exception: the frame's trapno and error code are
		 * left over from the thread's last exception. */
		r->trapno = 0;
		r->error_code = 0;
	}
	if (c->max_steps && sh->signo == SIGTRAP && sh->si_code == TRAP_TRACE)
		r->step_limit = 1;
	if (sh->signo == SIGTRAP && r->trapno == 3 && r->final.rip == c->code_addr + c->code_len + 1) {
		r->signal = 0; /* the stop int3 */
		r->si_code = 0;
		r->fault_address = 0;
		r->trapno = 0;
		r->final.rip = c->code_addr + c->code_len;
	}
	for (unsigned i = 0; i < c->nregions; i++) {
		r->region_after[i] = malloc(c->regions[i].size);
		if (!r->region_after[i]) {
			native_result_free(r);
			return fail("out of memory");
		}
		memcpy(r->region_after[i], (const uint8_t *)sh + sh->region_off[i], c->regions[i].size);
	}
	if (sh->nsteps) {
		r->steps = malloc(sh->nsteps * sizeof *r->steps);
		if (!r->steps) {
			native_result_free(r);
			return fail("out of memory");
		}
		for (uint32_t i = 0; i < sh->nsteps; i++)
			decode_state(
			    (const struct frame *)((const uint8_t *)sh + sh->steps_off + i * sh->step_size),
			    xi, &r->steps[i], 1);
		r->nsteps = sh->nsteps;
	}
	return 0;
}

/* Wait for a process with a time limit; kill it when the limit passes. */
static int wait_child(pid_t pid, unsigned ms, int *status)
{
	int fd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (fd >= 0) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int n;
		do
			n = poll(&pfd, 1, (int)ms);
		while (n < 0 && errno == EINTR);
		close(fd);
		if (n == 0)
			kill(pid, SIGKILL);
	} else { /* no pidfd: poll waitpid */
		for (unsigned waited = 0;; waited++) {
			pid_t w = waitpid(pid, status, WNOHANG);
			if (w == pid)
				return 0;
			if (w < 0 && errno != EINTR)
				return -1;
			if (waited >= ms * 10) {
				kill(pid, SIGKILL);
				break;
			}
			usleep(100);
		}
	}
	while (waitpid(pid, status, 0) < 0) {
		if (errno == ECHILD) { /* SIGCHLD ignored: reaped already; the shared area tells */
			*status = 0;
			break;
		}
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

static int run_forked(const struct native_case *c, const struct xinfo *xi, struct native_result *r)
{
	size_t size = case_size(c, xi);
	struct shared *sh = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		return fail("mmap shared area: %s", strerror(errno));
	put_case(sh, c, xi);

	pid_t pid = fork();
	if (pid < 0) {
		munmap(sh, size);
		return fail("fork: %s", strerror(errno));
	}
	if (pid == 0) {
		if (child_setup(sh, 0, -1)) {
			sh->status = ST_ERROR;
			_exit(2);
		}
		run_case();
	}

	unsigned ms = c->timeout_ms ? c->timeout_ms : DEFAULT_TIMEOUT_MS;
	int status = 0, rc = 0;
	if (wait_child(pid, ms + KILL_GRACE_MS, &status))
		rc = fail("waitpid: %s", strerror(errno));
	else if (sh->status == ST_ERROR)
		rc = fail("%.*s", (int)sizeof sh->msg, sh->msg);
	else if (sh->status != ST_CAPTURED && WIFSIGNALED(status))
		rc = fail("child died from signal %d (%s) without a result%s", WTERMSIG(status),
		          strsignal(WTERMSIG(status)),
		          WTERMSIG(status) == SIGKILL ? " (killed after the timeout?)" : "");
	else if (sh->status != ST_CAPTURED)
		rc = fail("child exited with status %d without a result", WEXITSTATUS(status));
	else
		rc = take_result(sh, c, xi, r);
	munmap(sh, size);
	return rc;
}

/* One persistent worker per calling thread. */
struct worker {
	pid_t pid;
	int sock;
	struct shared *sh;
};
static __thread struct worker tw;
static pthread_key_t tw_key;
static pthread_once_t tw_once = PTHREAD_ONCE_INIT;

static void worker_stop(struct worker *w)
{
	if (w->pid > 0) {
		int status;
		kill(w->pid, SIGKILL);
		while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	if (w->pid > 0)
		close(w->sock);
	if (w->sh)
		munmap(w->sh, WORKER_AREA);
	memset(w, 0, sizeof *w);
}

/* When a thread that used a worker exits, stop its worker (which the
 * kernel has killed already: PR_SET_PDEATHSIG follows the creating thread). */
static void worker_at_thread_exit(void *p)
{
	worker_stop(p);
}

static void tw_key_create(void)
{
	pthread_key_create(&tw_key, worker_at_thread_exit);
}

static int worker_start(struct worker *w)
{
	w->sh = mmap(NULL, WORKER_AREA, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE,
	             -1, 0);
	if (w->sh == MAP_FAILED) {
		w->sh = NULL;
		return fail("mmap worker area: %s", strerror(errno));
	}
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
		munmap(w->sh, WORKER_AREA);
		w->sh = NULL;
		return fail("socketpair: %s", strerror(errno));
	}
	w->sh->status = ST_NONE;
	w->sh->msg[0] = 0;
	pid_t pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		munmap(w->sh, WORKER_AREA);
		w->sh = NULL;
		return fail("fork: %s", strerror(errno));
	}
	if (pid == 0) {
		close(sv[0]);
		if (child_setup(w->sh, 1, sv[1])) {
			w->sh->status = ST_ERROR;
			_exit(2);
		}
		uopsim_native_worker_loop(0);
	}
	close(sv[1]);
	w->pid = pid;
	w->sock = sv[0];
	pthread_once(&tw_once, tw_key_create);
	pthread_setspecific(tw_key, w);
	return 0;
}

/* 0: done (result or case error in w->sh); 1: the worker failed (stopped). */
static int worker_run(struct worker *w, const struct native_case *c, const struct xinfo *xi)
{
	put_case(w->sh, c, xi);
	char b = 0;
	if (send(w->sock, &b, 1, MSG_NOSIGNAL) != 1)
		goto dead;
	unsigned ms = (c->timeout_ms ? c->timeout_ms : DEFAULT_TIMEOUT_MS) + KILL_GRACE_MS;
	struct pollfd pfd = {.fd = w->sock, .events = POLLIN};
	int n;
	do
		n = poll(&pfd, 1, (int)ms);
	while (n < 0 && errno == EINTR);
	if (n != 1)
		goto dead;
	ssize_t k;
	do
		k = recv(w->sock, &b, 1, 0);
	while (k < 0 && errno == EINTR);
	if (k != 1)
		goto dead;
	return 0;
dead:
	worker_stop(w);
	return 1;
}

int native_run(const struct native_case *c, struct native_result *r)
{
	memset(r, 0, sizeof *r);
	struct xinfo xi = xinfo_get();
	if (check_case(c, &xi))
		return -1;
	int fork_mode = __atomic_load_n(&use_fork_mode, __ATOMIC_RELAXED);
	if (fork_mode < 0) {
		const char *e = getenv("NATIVE_RUN_FORK");
		fork_mode = e && *e && *e != '0';
		__atomic_store_n(&use_fork_mode, fork_mode, __ATOMIC_RELAXED);
	}
	if (fork_mode || case_size(c, &xi) > WORKER_AREA)
		return run_forked(c, &xi, r);

	struct worker *w = &tw;
	if (!w->sh && worker_start(w))
		return run_forked(c, &xi, r);
	if (worker_run(w, c, &xi)) /* the worker died (or hung): run this case in a fresh process */
		return run_forked(c, &xi, r);
	if (w->sh->status == ST_ERROR)
		return fail("%.*s", (int)sizeof w->sh->msg, w->sh->msg);
	if (w->sh->status != ST_CAPTURED) {
		worker_stop(w);
		return run_forked(c, &xi, r);
	}
	return take_result(w->sh, c, &xi, r);
}

void native_result_free(struct native_result *r)
{
	for (int i = 0; i < NATIVE_MAX_REGIONS; i++) {
		free(r->region_after[i]);
		r->region_after[i] = NULL;
	}
	free(r->steps);
	r->steps = NULL;
	r->nsteps = 0;
}
