/* engine_bench.c - functional-engine speed: guest instructions per second
 * of uopsim (decoded-block cache + micro-op executor) on raw x86-64 code
 * kernels (the .s files of bench/kernels/, assembled by `make bench`), with the native
 * run of the same code on this machine side by side in one run.
 *
 * usage: engine-bench [--rounds N] KERNEL.bin...
 * Each kernel runs N times (default 5) both ways; the best time counts
 * (the machine is shared: the best run is the least disturbed one).
 * uopsim's time is the CPU time of this process (CLOCK_PROCESS_CPUTIME_ID,
 * so waiting for the CPU does not count); the native run's is wall time
 * and includes a fork (about a millisecond, tests/native). The final
 * general registers of both runs must agree, or the kernel is reported
 * as diverging. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "machine/blocks.h"
#include "machine/cpu.h"
#include "machine/memory.h"
#include "tests/native/native_run.h"

#define CODE_ADDR 0x20000000ull
#define DATA_ADDR 0x20010000ull
#define DATA_SIZE 0x1000ull
#define STACK_ADDR 0x20020000ull
#define STACK_SIZE 0x2000ull

static double now(clockid_t clock)
{
	struct timespec t;
	clock_gettime(clock, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int read_file(const char *path, uint8_t *buf, size_t size, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	*len = fread(buf, 1, size, f);
	fclose(f);
	return *len ? 0 : -1;
}

#define MAX_ROUNDS 50

int main(int argc, char **argv)
{
	int rounds = 5, first = 1;
	if (argc > 2 && !strcmp(argv[1], "--rounds")) {
		rounds = atoi(argv[2]);
		first = 3;
	}
	if (argc <= first || rounds < 1 || rounds > MAX_ROUNDS) {
		fprintf(stderr, "usage: %s [--rounds 1-%d] KERNEL.bin...\n", argv[0], MAX_ROUNDS);
		return 2;
	}
	printf("%-14s %14s %12s %12s %12s %10s\n", "kernel", "instructions", "uopsim s", "native s", "uopsim MIPS",
	       "slowdown");
	for (int k = first; k < argc; k++) {
		static uint8_t code[0x4000];
		size_t len;
		if (read_file(argv[k], code, sizeof code, &len)) {
			fprintf(stderr, "engine-bench: cannot read %s\n", argv[k]);
			return 2;
		}
		double ours = 1e30, native = 1e30;
		uint64_t instructions = 0, uops = 0, gpr[16];
		for (int round = 0; round < rounds; round++) {
			struct cpu cpu;
			memset(&cpu, 0, sizeof cpu);
			cpu.mode = X86_MODE_64;
			cpu.memory = gmem_create();
			cpu.blocks = block_cache_create();
			gmem_map(cpu.memory, CODE_ADDR, 0x4000, GUEST_READ | GUEST_EXEC);
			gmem_map(cpu.memory, DATA_ADDR, DATA_SIZE, GUEST_READ | GUEST_WRITE);
			gmem_map(cpu.memory, STACK_ADDR, STACK_SIZE, GUEST_READ | GUEST_WRITE);
			gmem_poke(cpu.memory, CODE_ADDR, code, len);
			/* The kernel ends on an int3, as the native harness does. */
			gmem_poke(cpu.memory, CODE_ADDR + len, "\xCC", 1);
			cpu.state.rip = CODE_ADDR;
			cpu.state.rflags = 0x202;
			cpu.state.gpr[GPR_RSP] = STACK_ADDR + STACK_SIZE / 2;
			double t0 = now(CLOCK_PROCESS_CPUTIME_ID);
			for (;;) {
				enum cpu_event e = cpu_run(&cpu, 1000000);
				if (e == CPU_FAULT && cpu.last.vector == VEC_BP && cpu.state.rip == CODE_ADDR + len + 1)
					break;
				if (e != CPU_OK) {
					fprintf(stderr, "engine-bench: %s: event %d (vector %u) at %#llx\n", argv[k], e,
						cpu.last.vector, (unsigned long long)cpu.state.rip);
					return 1;
				}
			}
			double t = now(CLOCK_PROCESS_CPUTIME_ID) - t0;
			ours = t < ours ? t : ours;
			instructions = cpu.instructions;
			memcpy(gpr, cpu.state.gpr, sizeof gpr);
			uops = cpu.uops;
			block_cache_destroy(cpu.blocks);
			gmem_destroy(cpu.memory);

			struct native_case nc;
			memset(&nc, 0, sizeof nc);
			native_state_init(&nc.initial);
			nc.initial.gpr[GPR_RSP] = STACK_ADDR + STACK_SIZE / 2;
			nc.code = code;
			nc.code_len = len;
			nc.code_addr = CODE_ADDR;
			nc.regions[0] = (struct native_region){ DATA_ADDR, DATA_SIZE, PROT_READ | PROT_WRITE, NULL };
			nc.regions[1] = (struct native_region){ STACK_ADDR, STACK_SIZE, PROT_READ | PROT_WRITE, NULL };
			nc.nregions = 2;
			nc.timeout_ms = 60000;
			struct native_result nr;
			t0 = now(CLOCK_MONOTONIC);
			if (native_run(&nc, &nr) || nr.signal) {
				fprintf(stderr, "engine-bench: %s: the native run failed\n", argv[k]);
				return 1;
			}
			t = now(CLOCK_MONOTONIC) - t0;
			native = t < native ? t : native;
			int same = !memcmp(nr.final.gpr, gpr, sizeof gpr);
			native_result_free(&nr);
			if (!same) {
				fprintf(stderr, "engine-bench: %s: final registers differ from the native run\n", argv[k]);
				return 1;
			}
		}
		const char *name = strrchr(argv[k], '/') ? strrchr(argv[k], '/') + 1 : argv[k];
		printf("%-14s %14llu %12.3f %12.3f %12.1f %9.1fx\n", name, (unsigned long long)instructions, ours, native,
		       (double)instructions / ours / 1e6, ours / native);
		printf("%-14s %14s micro-ops per instruction: %.2f\n", "", "", (double)uops / (double)instructions);
	}
	return 0;
}
