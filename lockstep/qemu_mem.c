/* qemu_mem.c - the guest memory of the qemu-i386 reference: qemu-user keeps
 * the guest's memory at host address guest_base + guest address in its own
 * process, our child, so process_vm_readv/process_vm_writev and
 * /proc/PID/maps reach it without GDB packets (far too slow for this). */
#define _GNU_SOURCE
#include "lockstep/ref_qemu.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include "elf/elf.h"
#include "machine/memory.h"

/* One line of /proc/PID/maps. */
struct map_line {
	uint64_t start, end, offset, inode;
	char perms[5];
	char path[256];
};

static int parse_map_line(const char *line, struct map_line *m)
{
	unsigned dmaj, dmin;
	int pos = 0;
	m->path[0] = 0;
	if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %4s %" SCNx64 " %x:%x %" SCNu64 " %n", &m->start, &m->end,
	           m->perms, &m->offset, &dmaj, &dmin, &m->inode, &pos) < 7)
		return -1;
	const char *p = line + pos;
	size_t n = strcspn(p, "\n");
	if (n >= sizeof(m->path))
		n = sizeof(m->path) - 1;
	memcpy(m->path, p, n);
	m->path[n] = 0;
	return 0;
}

static FILE *open_maps(pid_t pid, char *err, size_t errlen)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "re");
	if (!f)
		qemu_fail(err, errlen, "%s: %s", path, strerror(errno));
	return f;
}

/* Reads guest memory through the stub's 'm' packet (slow: used only to
 * find guest_base). Returns 0, or -1. */
static int read_via_stub(struct reference *r, uint64_t addr, uint8_t *dst, size_t n, char *err, size_t errlen)
{
	char cmd[48];
	snprintf(cmd, sizeof(cmd), "m%" PRIx64 ",%zx", addr, n);
	if (gdb_remote_exchange(&r->gdb, cmd, -1, err, errlen) < 0)
		return -1;
	if (r->gdb.reply_len != 2 * n || gdb_hex_decode(r->gdb.reply, r->gdb.reply_len, dst, n) < 0) {
		qemu_fail(err, errlen, "qemu's stub replied \"%.20s\" to '%s'", r->gdb.reply, cmd);
		return -1;
	}
	return 0;
}

/* Does guest_base `base` put the guest bytes `want` (read through the
 * stub at guest address addr) where process_vm_readv finds them? */
static int base_matches(struct reference *r, uint64_t base, uint64_t addr, const uint8_t *want, size_t n)
{
	uint8_t got[32];
	struct iovec local = {.iov_base = got, .iov_len = n};
	struct iovec remote = {.iov_base = (void *)(uintptr_t)(base + addr), .iov_len = n};
	return process_vm_readv(r->pid, &local, 1, &remote, 1, 0) == (ssize_t)n && memcmp(got, want, n) == 0;
}

/* qemu-user places the guest at host address guest_base + guest address
 * and chooses guest_base itself: on this host it reserves the whole 4 GiB
 * guest space at host 0x1000 (the lowest page the kernel lets it map,
 * vm.mmap_min_addr), so guest_base is 0x1000, not 0. Find it rather than
 * assume it. Candidates: where the maps show the program's first PT_LOAD
 * (an ET_EXEC program's addresses are fixed), the start of the lowest
 * mapping (qemu's reservation, which begins at guest address 0), and 0.
 * A candidate is accepted when the code at EIP and the stack at ESP, read
 * through the stub, are where it says. */
int qemu_find_guest_base(struct reference *r, const char *path, char *err, size_t errlen)
{
	struct elf_file ef;
	if (elf_open(path, &ef) < 0) {
		qemu_fail(err, errlen, "%s: %s", path, ef.error);
		elf_close(&ef);
		return -1;
	}
	int bits = ef.bits, machine = ef.machine, type = ef.type;
	uint64_t vaddr = 0, off = 0;
	int have_load = 0;
	for (size_t i = 0; i < ef.nsegments && !have_load; i++)
		if (ef.segments[i].type == 1 /* PT_LOAD */) {
			vaddr = ef.segments[i].vaddr & ~0xfffull;
			off = ef.segments[i].offset & ~0xfffull;
			have_load = 1;
		}
	elf_close(&ef);
	if (bits != 32 || machine != 3 /* EM_386 */) {
		qemu_fail(err, errlen, "%s: not an i386 ELF program", path);
		return -1;
	}
	struct stat st;
	if (stat(path, &st) < 0) {
		qemu_fail(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	uint64_t cand[3];
	int ncand = 0;
	FILE *f = open_maps(r->pid, err, errlen);
	if (!f)
		return -1;
	char line[512];
	int first = 1;
	while (fgets(line, sizeof(line), f)) {
		struct map_line m;
		if (parse_map_line(line, &m) < 0)
			continue;
		if (first)
			cand[ncand++] = m.start;
		first = 0;
		if (type == 2 /* ET_EXEC */ && have_load && m.inode == (uint64_t)st.st_ino &&
		    m.offset == off && m.start >= vaddr && ncand < 2)
			cand[ncand++] = m.start - vaddr;
	}
	fclose(f);
	cand[ncand++] = 0;
	uint32_t eip = rd32(r->regs + QG_EIP), esp = rd32(r->regs + QG_GPR + 4 * GPR_RSP);
	uint8_t code[16], stack[16];
	if (read_via_stub(r, eip, code, sizeof(code), err, errlen) < 0 ||
	    read_via_stub(r, esp, stack, sizeof(stack), err, errlen) < 0)
		return -1;
	for (int i = 0; i < ncand; i++)
		if (base_matches(r, cand[i], eip, code, sizeof(code)) &&
		    base_matches(r, cand[i], esp, stack, sizeof(stack))) {
			r->guest_base = cand[i];
			return 0;
		}
	qemu_fail(err, errlen, "cannot find where qemu-i386 keeps the guest's memory (guest_base)");
	return -1;
}

int qemu_read_memory(struct reference *r, uint64_t addr, void *dst, size_t size, char *err, size_t errlen)
{
	if (!r->pid) {
		qemu_fail(err, errlen, "the qemu-i386 process has ended");
		return -1;
	}
	if (addr + size > (1ull << 32) || addr + size < addr) {
		qemu_fail(err, errlen, "read of %zu bytes at 0x%" PRIx64 " is outside the 32-bit guest", size,
		          addr);
		return -1;
	}
	size_t done = 0;
	while (done < size) {
		struct iovec local = {.iov_base = (char *)dst + done, .iov_len = size - done};
		struct iovec remote = {.iov_base = (void *)(uintptr_t)(r->guest_base + addr + done),
		                       .iov_len = size - done};
		ssize_t n = process_vm_readv(r->pid, &local, 1, &remote, 1, 0);
		if (n <= 0) {
			qemu_fail(err, errlen, "cannot read guest memory at 0x%" PRIx64 ": %s", addr + done,
			          n < 0 ? strerror(errno) : "nothing read");
			return -1;
		}
		done += (size_t)n;
	}
	return 0;
}

/* Writes through the GDB 'M' packet: the slow path, for pages qemu keeps
 * read-only on the host although the guest may write them (pages holding
 * translated code, which qemu write-protects to detect self-modifying
 * code); the stub writes them in a way that lets qemu invalidate its
 * translations. It refuses pages the guest itself cannot write (error 14,
 * EFAULT), such as code: those cannot be written. */
static int write_via_stub(struct reference *r, uint64_t addr, const uint8_t *src, size_t size, char *err,
                          size_t errlen)
{
	enum { CHUNK = 256 };
	char cmd[32 + 2 * CHUNK + 1], msg[128];
	for (size_t done = 0; done < size; done += CHUNK) {
		size_t n = size - done < CHUNK ? size - done : CHUNK;
		int len = snprintf(cmd, sizeof(cmd), "M%" PRIx64 ",%zx:", addr + done, n);
		gdb_hex_encode(src + done, n, cmd + len);
		if (gdb_remote_exchange(&r->gdb, cmd, -1, err, errlen) < 0)
			return -1;
		if (r->gdb.reply_len != 2 || memcmp(r->gdb.reply, "OK", 2) != 0) {
			if (!gdb_is_error_reply(r->gdb.reply, r->gdb.reply_len, msg, sizeof(msg)))
				snprintf(msg, sizeof(msg), "\"%.40s\"", r->gdb.reply);
			qemu_fail(err, errlen,
			          "cannot write guest memory at 0x%" PRIx64
			          ": qemu's stub replied %s (a page the guest cannot write?)",
			          addr + done, msg);
			return -1;
		}
	}
	return 0;
}

int qemu_write_memory(struct reference *r, uint64_t addr, const void *src, size_t size, char *err,
                      size_t errlen)
{
	if (!r->pid || r->finished) {
		qemu_fail(err, errlen, "the qemu-i386 process has ended");
		return -1;
	}
	if (addr + size > (1ull << 32) || addr + size < addr) {
		qemu_fail(err, errlen, "write of %zu bytes at 0x%" PRIx64 " is outside the 32-bit guest",
		          size, addr);
		return -1;
	}
	size_t done = 0;
	while (done < size) {
		struct iovec local = {.iov_base = (char *)src + done, .iov_len = size - done};
		struct iovec remote = {.iov_base = (void *)(uintptr_t)(r->guest_base + addr + done),
		                       .iov_len = size - done};
		ssize_t n = process_vm_writev(r->pid, &local, 1, &remote, 1, 0);
		if (n < 0 && errno == EFAULT)
			return write_via_stub(r, addr + done, (const uint8_t *)src + done, size - done, err,
			                      errlen);
		if (n <= 0) {
			qemu_fail(err, errlen, "cannot write guest memory at 0x%" PRIx64 ": %s", addr + done,
			          n < 0 ? strerror(errno) : "nothing written");
			return -1;
		}
		done += (size_t)n;
	}
	return 0;
}

/* qemu-user emulates the i386 kernel's GDT in guest memory: a page it
 * maps before the program starts, holding the flat user code and data
 * descriptors at entries 4 and 5 (selectors 0x23 and 0x2b: limit 0xfffff
 * in pages, base 0, DPL 3, 32-bit; SDM vol. 3, 3.4.5), and later the
 * set_thread_area entries 6-8. Found by those two descriptors (the
 * accessed bit of the type masked) in the writable anonymous mappings. */
int qemu_find_gdt(struct reference *r, char *err, size_t errlen)
{
	static const uint8_t code[8] = {0xff, 0xff, 0, 0, 0, 0xfa, 0xcf, 0};
	static const uint8_t data[8] = {0xff, 0xff, 0, 0, 0, 0xf2, 0xcf, 0};
	FILE *f = open_maps(r->pid, err, errlen);
	if (!f)
		return -1;
	char line[512];
	while (fgets(line, sizeof(line), f) && !r->have_gdt) {
		struct map_line m;
		uint8_t d[48];
		if (parse_map_line(line, &m) < 0 || m.inode != 0 || m.perms[0] != 'r' || m.perms[1] != 'w' ||
		    m.start < r->guest_base || m.start >= r->guest_base + (1ull << 32))
			continue;
		for (uint64_t page = m.start; page < m.end && !r->have_gdt; page += GDT_PAGE_SIZE) {
			struct iovec local = {.iov_base = d, .iov_len = sizeof(d)};
			struct iovec remote = {.iov_base = (void *)(uintptr_t)page, .iov_len = sizeof(d)};
			if (process_vm_readv(r->pid, &local, 1, &remote, 1, 0) != (ssize_t)sizeof(d))
				break;
			d[32 + 5] &= ~1;
			d[40 + 5] &= ~1;
			if (memcmp(d + 32, code, 8) == 0 && memcmp(d + 40, data, 8) == 0) {
				r->gdt_page = page - r->guest_base;
				r->have_gdt = 1;
			}
		}
	}
	fclose(f);
	return 0;
}

/* The guest's mappings: qemu's mappings in [guest_base, guest_base +
 * 4 GiB) (qemu itself, its heap and its libraries are far above). qemu
 * reserves the whole guest space with PROT_NONE mappings, so those are
 * left out: a guest PROT_NONE mapping is left out with them (the guest
 * cannot touch either).
 *
 * Protections are approximate: qemu never executes guest code on the
 * host, so it maps the guest's executable pages without PROT_EXEC, and
 * it write-protects guest pages that hold code it has translated (to
 * catch self-modifying code). The guest's own protections are qemu's
 * private data, not visible here. So: readable => GUEST_READ|GUEST_EXEC
 * (an i386 guest without NX cannot tell the difference anyway), host
 * writable => GUEST_WRITE; a writable guest page with translated code on
 * it shows as read-only.
 *
 * qemu's emulated GDT lives in a guest page (see qemu_find_gdt); it is not the
 * program's memory (a kernel keeps its GDT out of reach) and the CPU sets
 * its descriptors' accessed bits behind the program's back, so it is left
 * out. */
int qemu_regions(struct reference *r, struct ref_region **out, size_t *count, char *err, size_t errlen)
{
	*out = NULL;
	*count = 0;
	if (!r->pid) {
		qemu_fail(err, errlen, "the qemu-i386 process has ended");
		return -1;
	}
	FILE *f = open_maps(r->pid, err, errlen);
	if (!f)
		return -1;
	struct ref_region *v = NULL;
	size_t n = 0, cap = 0;
	char line[512];
	while (fgets(line, sizeof(line), f)) {
		struct map_line m;
		if (parse_map_line(line, &m) < 0) {
			qemu_fail(err, errlen, "cannot parse qemu-i386's maps line \"%.60s\"", line);
			goto bad;
		}
		if (m.start < r->guest_base || m.start >= r->guest_base + (1ull << 32))
			continue;
		uint64_t end = m.end;
		if (end > r->guest_base + (1ull << 32))
			end = r->guest_base + (1ull << 32);
		unsigned prot = 0;
		if (m.perms[0] == 'r')
			prot |= GUEST_READ | GUEST_EXEC;
		if (m.perms[1] == 'w')
			prot |= GUEST_WRITE;
		if (m.perms[0] == '-' && m.perms[1] == '-' && m.perms[2] == '-')
			continue; /* qemu's PROT_NONE reservations, not guest memory */
		/* Up to two pieces: the range less qemu's GDT page. */
		uint64_t piece[2][2] = {{m.start - r->guest_base, end - r->guest_base}, {0, 0}};
		uint64_t gdt = r->gdt_page;
		if (r->have_gdt && gdt >= piece[0][0] && gdt < piece[0][1]) {
			piece[1][0] = gdt + GDT_PAGE_SIZE;
			piece[1][1] = piece[0][1];
			piece[0][1] = gdt;
		}
		for (int k = 0; k < 2; k++) {
			if (piece[k][0] >= piece[k][1])
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 32;
				struct ref_region *nv = realloc(v, cap * sizeof(*v));
				if (!nv) {
					qemu_fail(err, errlen, "out of memory");
					goto bad;
				}
				v = nv;
			}
			/* Adjacent ranges with the same protection are one region. */
			if (n && v[n - 1].end == piece[k][0] && v[n - 1].prot == prot)
				v[n - 1].end = piece[k][1];
			else
				v[n++] = (struct ref_region){piece[k][0], piece[k][1], prot};
		}
	}
	fclose(f);
	*out = v;
	*count = n;
	return 0;
bad:
	fclose(f);
	free(v);
	return -1;
}
