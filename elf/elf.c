/* elf.c - ELF reading with every offset checked against the file size.
 * Layouts: System V ABI, "ELF-64 Object File Format" and the i386 and
 * x86-64 psABI supplements. Only little-endian files are accepted (x86). */
#include "elf/elf.h"

#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(struct elf_file *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->error, sizeof f->error, fmt, ap);
	va_end(ap);
	return -1;
}

/* True if [offset, offset + size) lies inside the image. */
static int in_image(const struct elf_file *f, uint64_t offset, uint64_t size)
{
	return offset <= f->image_size && size <= f->image_size - offset;
}

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t get32(const uint8_t *p) { return (uint32_t)get16(p) | (uint32_t)get16(p + 2) << 16; }
static uint64_t get64(const uint8_t *p) { return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32; }

/* Reads a field that is 4 bytes in ELF32 and 8 bytes in ELF64. */
static uint64_t get_word(const struct elf_file *f, const uint8_t *p)
{
	return f->bits == 64 ? get64(p) : get32(p);
}

static int parse_sections(struct elf_file *f, uint64_t shoff, unsigned shentsize, unsigned shnum,
			  unsigned shstrndx)
{
	if (shnum == 0)
		return 0;
	unsigned need = f->bits == 64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	if (shentsize < need)
		return fail(f, "section header entry size %u is smaller than %u", shentsize, need);
	if (!in_image(f, shoff, (uint64_t)shentsize * shnum))
		return fail(f, "section header table (offset %#llx, %u entries) extends past end of file",
			    (unsigned long long)shoff, shnum);
	f->sections = calloc(shnum, sizeof *f->sections);
	if (!f->sections)
		return fail(f, "out of memory");
	f->nsections = shnum;
	const uint8_t *strtab = NULL;
	uint64_t strtab_size = 0;
	for (unsigned pass = 0; pass < 2; pass++) {
		for (unsigned i = 0; i < shnum; i++) {
			const uint8_t *h = f->image + shoff + (uint64_t)i * shentsize;
			struct elf_section *s = &f->sections[i];
			uint32_t name;
			uint64_t offset;
			if (f->bits == 64) {
				name = get32(h);
				s->type = get32(h + 4);
				s->flags = get64(h + 8);
				s->addr = get64(h + 16);
				offset = get64(h + 24);
				s->size = get64(h + 32);
			} else {
				name = get32(h);
				s->type = get32(h + 4);
				s->flags = get32(h + 8);
				s->addr = get32(h + 12);
				offset = get32(h + 16);
				s->size = get32(h + 20);
			}
			if (pass == 0) {
				if (s->type != SHT_NOBITS && s->type != SHT_NULL) {
					if (!in_image(f, offset, s->size))
						return fail(f, "section %u (offset %#llx, size %#llx) extends past end of file",
							    i, (unsigned long long)offset, (unsigned long long)s->size);
					s->data = f->image + offset;
				}
				continue;
			}
			s->name = "";
			if (strtab && name < strtab_size && memchr(strtab + name, 0, strtab_size - name))
				s->name = (const char *)strtab + name;
		}
		if (pass == 0 && shstrndx != SHN_UNDEF && shstrndx < shnum && f->sections[shstrndx].data) {
			strtab = f->sections[shstrndx].data;
			strtab_size = f->sections[shstrndx].size;
		}
	}
	return 0;
}

static int parse_segments(struct elf_file *f, uint64_t phoff, unsigned phentsize, unsigned phnum)
{
	if (phnum == 0)
		return 0;
	unsigned need = f->bits == 64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	if (phentsize < need)
		return fail(f, "program header entry size %u is smaller than %u", phentsize, need);
	if (!in_image(f, phoff, (uint64_t)phentsize * phnum))
		return fail(f, "program header table (offset %#llx, %u entries) extends past end of file",
			    (unsigned long long)phoff, phnum);
	f->segments = calloc(phnum, sizeof *f->segments);
	if (!f->segments)
		return fail(f, "out of memory");
	f->nsegments = phnum;
	for (unsigned i = 0; i < phnum; i++) {
		const uint8_t *h = f->image + phoff + (uint64_t)i * phentsize;
		struct elf_segment *s = &f->segments[i];
		if (f->bits == 64) {
			s->type = get32(h);
			s->flags = get32(h + 4);
			s->offset = get64(h + 8);
			s->vaddr = get64(h + 16);
			s->filesz = get64(h + 32);
			s->memsz = get64(h + 40);
			s->align = get64(h + 48);
		} else {
			s->type = get32(h);
			s->offset = get32(h + 4);
			s->vaddr = get32(h + 8);
			s->filesz = get32(h + 16);
			s->memsz = get32(h + 20);
			s->flags = get32(h + 24);
			s->align = get32(h + 28);
		}
		if (!in_image(f, s->offset, s->filesz))
			return fail(f, "segment %u (offset %#llx, size %#llx) extends past end of file", i,
				    (unsigned long long)s->offset, (unsigned long long)s->filesz);
		if (s->type == PT_LOAD && s->filesz > s->memsz)
			return fail(f, "segment %u has file size %#llx larger than memory size %#llx", i,
				    (unsigned long long)s->filesz, (unsigned long long)s->memsz);
		s->data = f->image + s->offset;
	}
	return 0;
}

int elf_parse(const uint8_t *image, size_t size, struct elf_file *f)
{
	const uint8_t *e = image;
	memset(f, 0, sizeof *f);
	f->image = (uint8_t *)image;
	f->image_size = size;
	if (size < EI_NIDENT || memcmp(e, ELFMAG, SELFMAG) != 0)
		return fail(f, "not an ELF file (no \\177ELF magic)");
	if (e[EI_CLASS] != ELFCLASS32 && e[EI_CLASS] != ELFCLASS64)
		return fail(f, "unknown ELF class %u", e[EI_CLASS]);
	f->bits = e[EI_CLASS] == ELFCLASS64 ? 64 : 32;
	if (e[EI_DATA] != ELFDATA2LSB)
		return fail(f, "not a little-endian ELF file");
	size_t ehsize = f->bits == 64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	if (size < ehsize)
		return fail(f, "file too short for an ELF%d header (%zu bytes)", f->bits, size);
	f->type = get16(e + 16);
	f->machine = get16(e + 18);
	f->entry = get_word(f, e + 24);
	uint64_t phoff, shoff;
	const uint8_t *rest;
	if (f->bits == 64) {
		phoff = get64(e + 32);
		shoff = get64(e + 40);
		rest = e + 52;
	} else {
		phoff = get32(e + 28);
		shoff = get32(e + 32);
		rest = e + 40;
	}
	unsigned phentsize = get16(rest + 2), phnum = get16(rest + 4);
	unsigned shentsize = get16(rest + 6), shnum = get16(rest + 8), shstrndx = get16(rest + 10);
	if (parse_segments(f, phoff, phentsize, phnum))
		return -1;
	return parse_sections(f, shoff, shentsize, shnum, shstrndx);
}

int elf_open(const char *path, struct elf_file *f)
{
	memset(f, 0, sizeof *f);
	FILE *file = fopen(path, "rb");
	if (!file)
		return fail(f, "%s: %s", path, strerror(errno));
	uint8_t *image = NULL;
	size_t size = 0, capacity = 0;
	for (;;) {
		if (size == capacity) {
			capacity = capacity ? capacity * 2 : 1 << 16;
			uint8_t *grown = realloc(image, capacity);
			if (!grown) {
				free(image);
				fclose(file);
				return fail(f, "%s: out of memory", path);
			}
			image = grown;
		}
		size_t n = fread(image + size, 1, capacity - size, file);
		size += n;
		if (n == 0)
			break;
	}
	int read_error = ferror(file);
	fclose(file);
	if (read_error) {
		free(image);
		return fail(f, "%s: read error", path);
	}
	int rc = elf_parse(image, size, f);
	f->image = image; /* owned from here on: elf_close frees it */
	f->image_size = size;
	f->owns_image = 1;
	if (rc) {
		char message[sizeof f->error];
		snprintf(message, sizeof message, "%.96s: %.150s", path, f->error);
		memcpy(f->error, message, sizeof f->error);
		f->error[sizeof f->error - 1] = 0;
	}
	return rc;
}

void elf_close(struct elf_file *f)
{
	free(f->sections);
	free(f->segments);
	/* elf_parse borrows the caller's buffer; elf_open owns its copy. */
	if (f->owns_image)
		free(f->image);
	memset(f, 0, sizeof *f);
}

int elf_section_is_code(const struct elf_section *s)
{
	return (s->flags & SHF_EXECINSTR) && s->type == SHT_PROGBITS && s->data != NULL;
}
