/* elf.h - reading ELF files (32- and 64-bit, little-endian): the header,
 * the section and program headers, with every offset and size checked
 * against the file, so a malformed file gets an error message naming
 * what is wrong instead of a crash. */
#ifndef UOPSIM_ELF_H
#define UOPSIM_ELF_H

#include <stddef.h>
#include <stdint.h>

struct elf_section {
	const char *name;     /* from the section-name string table, "" if none */
	uint32_t type;        /* SHT_* */
	uint64_t flags;       /* SHF_* */
	uint64_t addr;        /* virtual address */
	uint64_t size;
	const uint8_t *data;  /* size bytes in the file image; NULL for SHT_NOBITS */
};

struct elf_segment {
	uint32_t type;        /* PT_* */
	uint32_t flags;       /* PF_R | PF_W | PF_X */
	uint64_t offset, vaddr, filesz, memsz, align;
	const uint8_t *data;  /* filesz bytes in the file image */
};

struct elf_file {
	int bits;             /* 32 or 64 */
	uint16_t type;        /* ET_EXEC, ET_DYN, ... */
	uint16_t machine;     /* EM_386, EM_X86_64 */
	uint64_t entry;
	size_t nsections;
	struct elf_section *sections;
	size_t nsegments;
	struct elf_segment *segments;
	uint8_t *image;       /* the whole file */
	size_t image_size;
	int owns_image;        /* elf_open's copy, freed by elf_close */
	char error[256];      /* set when elf_open fails */
};

/* Reads and validates `path`. Returns 0, or -1 with f->error saying what
 * and where ("not an ELF file", "section 12 extends past end of file"...).
 * elf_close must be called either way. */
int elf_open(const char *path, struct elf_file *f);
/* The same from a buffer the caller keeps alive while f is used. */
int elf_parse(const uint8_t *image, size_t size, struct elf_file *f);
void elf_close(struct elf_file *f);

/* True for a section of program code (SHF_EXECINSTR with file contents). */
int elf_section_is_code(const struct elf_section *s);

#endif
