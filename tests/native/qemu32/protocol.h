/* protocol.h - the byte format between the 64-bit driver (qemu_run.c) and
 * the i386 harness (harness32.c) that runs under qemu-i386. Shared by both
 * sides, so only fixed-width fields, little-endian, no padding surprises
 * (every struct is a multiple of 4 bytes and packed). */
#ifndef UOPSIM_QEMU32_PROTOCOL_H
#define UOPSIM_QEMU32_PROTOCOL_H

#include <stdint.h>

#define QEMU32_MAGIC_CASE 0x43415345u  /* "CASE" */
#define QEMU32_MAGIC_END 0x454E4421u   /* "END!": no more cases */
#define QEMU32_MAGIC_HELLO 0x48454C4Fu /* "HELO": the harness's first record */
#define QEMU32_MAGIC_RESULT 0x52534C54u /* "RSLT" */
#define QEMU32_MAX_REGIONS 4
#define QEMU32_MAX_CODE 16384
#define QEMU32_MAX_REGION_SIZE (1u << 20)

/* Register order of the GPR arrays: EAX ECX EDX EBX ESP EBP ESI EDI
 * (encoding order, as machine/state.h). */

/* Driver -> harness: a case header, then code_len code bytes, then for
 * each region its header and `size` bytes of contents. */
struct __attribute__((packed)) qemu32_wire_case {
	uint32_t magic;
	uint32_t code_addr, code_len;
	uint32_t nregions;
	uint32_t gpr[8];
	uint32_t eflags;
	uint16_t ds, es, fs, gs; /* selectors loaded before the code (0: the harness default) */
};

struct __attribute__((packed)) qemu32_wire_region {
	uint32_t addr, size, prot; /* prot: PROT_READ 1 | PROT_WRITE 2 | PROT_EXEC 4 */
};

/* Harness -> driver, once at startup: what the process looks like. */
struct __attribute__((packed)) qemu32_wire_hello {
	uint32_t magic;
	uint16_t cs, ds, es, ss, fs, gs; /* the harness's own selectors */
	uint32_t gs_base;                /* its TLS base (GS) */
	uint16_t tls_selector[2];        /* two extra TLS descriptors for tests */
	uint32_t tls_base[2];
};

/* Harness -> driver, per case: this header, then each region's contents. */
struct __attribute__((packed)) qemu32_wire_result {
	uint32_t magic;
	int32_t signal;  /* 0: reached the int3 after the code; -1: harness error */
	int32_t si_code;
	uint32_t fault_address, trapno, error_code;
	uint32_t gpr[8];
	uint32_t eip, eflags;
	uint16_t cs, ds, es, fs, gs, ss;
};

#endif
