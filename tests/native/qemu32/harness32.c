/* harness32.c - the i386 side of the 32-bit oracle: a static i386 program
 * run as `qemu-i386 harness32 [tls_base_a tls_base_b] < cases`. It reads a
 * batch of cases (tests/native/qemu32/protocol.h), and for each one maps
 * the code and the data regions at their fixed addresses, loads every
 * register, runs the code until the int3 appended after it or the first
 * fault, and writes the final registers, the signal and the regions back.
 *
 * One process runs the whole batch: mappings whose address, size and
 * protection are unchanged from the previous case are kept and only
 * rewritten. Faults are caught by one SA_SIGINFO handler on an alternate
 * stack that copies the registers from the ucontext and siglongjmps back
 * (SA_NODEFER and sigsetjmp(env, 0): no signal-mask system calls). The
 * code under test may change GS, which glibc uses for its TLS (stack
 * protector, system-call entry, pointer guard of setjmp), so the handler
 * restores the harness's GS before anything else; build with
 * -fno-stack-protector so no function touches GS before that.
 *
 * At startup it installs two extra TLS descriptors (set_thread_area,
 * bases from the command line) whose selectors cases may load into
 * DS/ES/FS/GS, and reports them with its own selectors in a hello record.
 * A watchdog (ITIMER_REAL, 250 ms) ends a case that runs for more than
 * ~0.5 s with SIGALRM.
 *
 * Build: gcc -m32 -static -O2 -fno-stack-protector harness32.c -o harness32 */
#define _GNU_SOURCE
#include <asm/ldt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

#include "protocol.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PAGE 4096u
#define ALTSTACK_SIZE (64 * 1024)

/* The register image the entry stub loads (popal order, then the rest). */
struct image {
	uint32_t edi, esi, ebp, esp_ignored, ebx, edx, ecx, eax;
	uint32_t eflags, esp, eip;
	uint16_t ds, es, fs, gs;
};
struct image harness_image;
_Static_assert(__builtin_offsetof(struct image, eip) == 40 && __builtin_offsetof(struct image, ds) == 44 &&
		       __builtin_offsetof(struct image, gs) == 50,
	       "the entry stub's offsets");

/* Entry: segment registers (DS last, the image is reached through SS and
 * CS then), the GPRs by POPAL, EFLAGS by POPFL, ESP, and a jump. */
__asm__(".text\n"
	".globl harness_enter\n"
	"harness_enter:\n"
	"	movw harness_image+48, %fs\n"
	"	movw harness_image+50, %gs\n"
	"	movw harness_image+46, %es\n"
	"	movl $harness_image, %esp\n"
	"	popal\n"
	"	popfl\n"
	"	movw %ss:harness_image+44, %ds\n"
	"	movl %ss:harness_image+36, %esp\n"
	"	jmp *%cs:harness_image+40\n");
void harness_enter(void);

static sigjmp_buf resume;
static volatile int in_case, ticks;
static uint16_t harness_gs;
static struct qemu32_wire_result captured;
static uint32_t case_end; /* code_addr + code_len */

static void handler(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	if (!in_case)
		return; /* a watchdog tick between cases */
	if (sig == SIGALRM && ++ticks < 3)
		return; /* the case goes on */
	/* Back to the harness's TLS before any glibc code runs. */
	__asm__ volatile("movw %0, %%gs" : : "m"(harness_gs));
	const greg_t *g = uc->uc_mcontext.gregs;
	captured.signal = sig;
	captured.si_code = si->si_code;
	captured.fault_address = (uint32_t)(uintptr_t)si->si_addr;
	captured.trapno = (uint32_t)g[REG_TRAPNO];
	captured.error_code = (uint32_t)g[REG_ERR];
	captured.gpr[0] = (uint32_t)g[REG_EAX];
	captured.gpr[1] = (uint32_t)g[REG_ECX];
	captured.gpr[2] = (uint32_t)g[REG_EDX];
	captured.gpr[3] = (uint32_t)g[REG_EBX];
	captured.gpr[4] = (uint32_t)g[REG_ESP];
	captured.gpr[5] = (uint32_t)g[REG_EBP];
	captured.gpr[6] = (uint32_t)g[REG_ESI];
	captured.gpr[7] = (uint32_t)g[REG_EDI];
	captured.eip = (uint32_t)g[REG_EIP];
	captured.eflags = (uint32_t)g[REG_EFL];
	captured.cs = (uint16_t)g[REG_CS];
	captured.ds = (uint16_t)g[REG_DS];
	captured.es = (uint16_t)g[REG_ES];
	captured.fs = (uint16_t)g[REG_FS];
	captured.gs = (uint16_t)g[REG_GS];
	captured.ss = (uint16_t)g[REG_SS];
	if (sig == SIGTRAP && captured.eip == case_end + 1) {
		/* The int3 after the code: a normal end. */
		captured.signal = 0;
		captured.si_code = 0;
		captured.fault_address = 0;
		captured.eip = case_end;
	}
	in_case = 0;
	siglongjmp(resume, 1);
}

/* ---- mappings kept from one case to the next ---- */

struct mapping {
	uint32_t addr, size, prot;
};
static struct mapping mapped[QEMU32_MAX_REGIONS + 1];
static unsigned nmapped;

static int overlaps(const struct mapping *a, const struct mapping *b)
{
	return a->addr < b->addr + b->size && b->addr < a->addr + a->size;
}

/* Makes `want[0..n)` the mapped set: unmaps what is not wanted, maps what
 * is new. Returns 0 or -1. */
static int set_mappings(const struct mapping *want, unsigned n)
{
	for (unsigned i = 0; i < nmapped;) {
		int keep = 0;
		for (unsigned k = 0; k < n; k++)
			if (want[k].addr == mapped[i].addr && want[k].size == mapped[i].size)
				keep = 1;
		if (keep) {
			i++;
			continue;
		}
		munmap((void *)(uintptr_t)mapped[i].addr, mapped[i].size);
		mapped[i] = mapped[--nmapped];
	}
	for (unsigned k = 0; k < n; k++) {
		int have = 0;
		for (unsigned i = 0; i < nmapped; i++)
			if (want[k].addr == mapped[i].addr && want[k].size == mapped[i].size)
				have = 1;
		if (have)
			continue;
		for (unsigned i = 0; i < nmapped; i++)
			if (overlaps(&want[k], &mapped[i]))
				return -1;
		void *p = mmap((void *)(uintptr_t)want[k].addr, want[k].size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (p != (void *)(uintptr_t)want[k].addr) {
			if (p != MAP_FAILED)
				munmap(p, want[k].size);
			return -1;
		}
		mapped[nmapped] = want[k];
		mapped[nmapped++].prot = PROT_READ | PROT_WRITE;
	}
	return 0;
}

/* Writes `size` bytes at addr (inside a kept mapping) and leaves the
 * mapping with `prot`. */
static void fill(uint32_t addr, const void *data, uint32_t size, int fill_byte, uint32_t total, uint32_t prot)
{
	struct mapping *m = NULL;
	for (unsigned i = 0; i < nmapped; i++)
		if (mapped[i].addr == addr)
			m = &mapped[i];
	uint32_t now = m->prot;
	if (!(now & PROT_WRITE) || !(now & PROT_READ)) {
		now = PROT_READ | PROT_WRITE;
		mprotect((void *)(uintptr_t)addr, total, (int)now);
	}
	memcpy((void *)(uintptr_t)addr, data, size);
	if (total > size)
		memset((uint8_t *)(uintptr_t)addr + size, fill_byte, total - size);
	if (now != prot)
		mprotect((void *)(uintptr_t)addr, total, (int)prot);
	m->prot = prot;
}

static int read_all(void *p, size_t n)
{
	return fread(p, 1, n, stdin) == n ? 0 : -1;
}

static int install_tls(uint32_t base, uint16_t *selector)
{
	struct user_desc d;
	memset(&d, 0, sizeof d);
	d.entry_number = (unsigned)-1;
	d.base_addr = base;
	d.limit = 0xFFFFF;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
	if (syscall(SYS_set_thread_area, &d))
		return -1;
	*selector = (uint16_t)(d.entry_number * 8 + 3);
	return 0;
}

static uint8_t code_buf[QEMU32_MAX_CODE + PAGE];
static uint8_t *region_buf[QEMU32_MAX_REGIONS];

int main(int argc, char **argv)
{
	static char inbuf[1 << 16], outbuf[1 << 16];
	setvbuf(stdin, inbuf, _IOFBF, sizeof inbuf);
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	uint32_t tls_base[2] = { 0x2000F000u, 0x20008000u };
	if (argc == 3) {
		tls_base[0] = (uint32_t)strtoul(argv[1], NULL, 0);
		tls_base[1] = (uint32_t)strtoul(argv[2], NULL, 0);
	}
	stack_t ss = { .ss_sp = malloc(ALTSTACK_SIZE), .ss_size = ALTSTACK_SIZE };
	sigaltstack(&ss, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER | SA_RESTART; /* the watchdog must not break read/write */
	int sigs[] = { SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGTRAP, SIGALRM };
	for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);

	struct qemu32_wire_hello hello;
	memset(&hello, 0, sizeof hello);
	hello.magic = QEMU32_MAGIC_HELLO;
	__asm__ volatile("movw %%cs, %0" : "=m"(hello.cs));
	__asm__ volatile("movw %%ds, %0" : "=m"(hello.ds));
	__asm__ volatile("movw %%es, %0" : "=m"(hello.es));
	__asm__ volatile("movw %%ss, %0" : "=m"(hello.ss));
	__asm__ volatile("movw %%fs, %0" : "=m"(hello.fs));
	__asm__ volatile("movw %%gs, %0" : "=m"(hello.gs));
	__asm__ volatile("movl %%gs:0, %0" : "=r"(hello.gs_base)); /* the TCB points to itself */
	harness_gs = hello.gs;
	for (int i = 0; i < 2; i++) {
		hello.tls_base[i] = tls_base[i];
		uint16_t selector = 0;
		install_tls(tls_base[i], &selector);
		hello.tls_selector[i] = selector;
	}
	fwrite(&hello, sizeof hello, 1, stdout);
	fflush(stdout);

	struct itimerval watchdog = { { 0, 250000 }, { 0, 250000 } };
	setitimer(ITIMER_REAL, &watchdog, NULL);

	for (;;) {
		struct qemu32_wire_case c;
		if (read_all(&c.magic, 4) || c.magic == QEMU32_MAGIC_END)
			break;
		struct qemu32_wire_result bad = { .magic = QEMU32_MAGIC_RESULT, .signal = -1 };
		if (c.magic != QEMU32_MAGIC_CASE || read_all((uint8_t *)&c + 4, sizeof c - 4) ||
		    c.code_len > QEMU32_MAX_CODE || c.nregions > QEMU32_MAX_REGIONS || read_all(code_buf, c.code_len)) {
			fwrite(&bad, sizeof bad, 1, stdout);
			break;
		}
		struct qemu32_wire_region r[QEMU32_MAX_REGIONS];
		int ok = 1;
		for (unsigned i = 0; i < c.nregions && ok; i++) {
			if (read_all(&r[i], sizeof r[i]) || r[i].size > QEMU32_MAX_REGION_SIZE || (r[i].addr | r[i].size) % PAGE) {
				ok = 0;
				break;
			}
			region_buf[i] = realloc(region_buf[i], r[i].size ? r[i].size : 1);
			if (read_all(region_buf[i], r[i].size))
				ok = 0;
		}
		if (!ok) {
			fwrite(&bad, sizeof bad, 1, stdout);
			break;
		}
		/* The code pages: code, then int3 to the end of the page. */
		uint32_t code_page = c.code_addr & ~(PAGE - 1), offset = c.code_addr - code_page;
		uint32_t code_total = (offset + c.code_len + 1 + PAGE - 1) & ~(PAGE - 1);
		struct mapping want[QEMU32_MAX_REGIONS + 1];
		want[0] = (struct mapping){ code_page, code_total, PROT_READ | PROT_EXEC };
		for (unsigned i = 0; i < c.nregions; i++)
			want[i + 1] = (struct mapping){ r[i].addr, r[i].size, r[i].prot };
		int overlap = 0;
		for (unsigned i = 0; i <= c.nregions; i++)
			for (unsigned k = i + 1; k <= c.nregions; k++)
				overlap |= overlaps(&want[i], &want[k]);
		if (overlap || set_mappings(want, c.nregions + 1)) {
			fwrite(&bad, sizeof bad, 1, stdout);
			for (unsigned i = 0; i < c.nregions; i++)
				fwrite(region_buf[i], 1, r[i].size, stdout);
			continue;
		}
		static uint8_t page_image[QEMU32_MAX_CODE + 2 * PAGE];
		memset(page_image, 0xCC, offset);
		memcpy(page_image + offset, code_buf, c.code_len);
		fill(code_page, page_image, offset + c.code_len, 0xCC, code_total, PROT_READ | PROT_EXEC);
		for (unsigned i = 0; i < c.nregions; i++)
			fill(r[i].addr, region_buf[i], r[i].size, 0, r[i].size, r[i].prot);

		struct image *im = &harness_image;
		im->eax = c.gpr[0];
		im->ecx = c.gpr[1];
		im->edx = c.gpr[2];
		im->ebx = c.gpr[3];
		im->esp = c.gpr[4];
		im->ebp = c.gpr[5];
		im->esi = c.gpr[6];
		im->edi = c.gpr[7];
		/* User-settable flags only: CF PF AF ZF SF DF OF AC ID; IF stays set. */
		im->eflags = (c.eflags & 0x240CD5u) | 0x202u;
		im->eip = c.code_addr;
		im->ds = c.ds ? c.ds : hello.ds;
		im->es = c.es ? c.es : hello.es;
		im->fs = c.fs;
		im->gs = c.gs ? c.gs : hello.gs;
		case_end = c.code_addr + c.code_len;
		memset(&captured, 0, sizeof captured);
		if (!sigsetjmp(resume, 0)) {
			ticks = 0;
			in_case = 1;
			harness_enter();
		}
		captured.magic = QEMU32_MAGIC_RESULT;
		fwrite(&captured, sizeof captured, 1, stdout);
		for (unsigned i = 0; i < c.nregions; i++) {
			if (!(r[i].prot & PROT_READ))
				mprotect((void *)(uintptr_t)r[i].addr, r[i].size, PROT_READ);
			fwrite((void *)(uintptr_t)r[i].addr, 1, r[i].size, stdout);
			if (!(r[i].prot & PROT_READ))
				mprotect((void *)(uintptr_t)r[i].addr, r[i].size, (int)r[i].prot);
		}
		/* One write per case, so that if qemu itself dies the driver
		 * knows which case was running. */
		fflush(stdout);
	}
	fflush(stdout);
	return 0;
}
