/* linux32.h - running static i386 Linux programs (loader32.c,
 * syscall32.c): the ELF32 loader and initial stack, and the `int 0x80`
 * system-call ABI translated onto the x86-64 handlers of syscall.c. */
#ifndef UOPSIM_LINUX32_H
#define UOPSIM_LINUX32_H

#include "elf/elf.h"
#include "linux/linux.h"

/* The i386 address space of a 64-bit kernel (compat tasks). */
#define LINUX32_STACK_TOP 0xffffe000ull
#define LINUX32_MMAP_TOP 0xf7ffe000ull
#define LINUX32_PIE_BASE 0x56555000ull

/* Loads the static i386 program f (already opened by load_elf in
 * loader.c, which has set p->exe_path) and builds its stack. */
int linux_load32(struct linux_process *p, const struct elf_file *f, int argc, char *const argv[],
                 char *const envp[], char *err, size_t errlen);
/* syscall32.c: carries out the `int 0x80` call in EAX (EBX, ECX, EDX,
 * ESI, EDI, EBP) and sets EAX. */
void linux_syscall32(struct linux_process *p);
/* syscall32.c: Linux's i386 GDT for the engine (struct uop_env.descriptor):
 * 0x23 code, 0x2b data, and the set_thread_area entries 12-14. */
int linux_descriptor32(void *context, uint16_t selector, uint64_t *base, int *code);
void linux_reset_tls32(void);

/* syscall.c: the x86-64 handler of system call nr (x86-64 numbering). */
int64_t linux_syscall_x64(struct linux_process *p, unsigned nr, const uint64_t a[6]);
/* loader.c: maps an ELF file's PT_LOAD segments at bias, below top. */
int linux_map_segments(struct linux_process *p, const struct elf_file *f, uint64_t bias, uint64_t top,
                       uint64_t *highest, char *err, size_t errlen);

/* Shared by the 64- and 32-bit loaders (loader.c): a formatted load
 * error (returns -1), and the guest's RDTSC (the host's counter). */
int linux_load_fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
uint64_t linux_host_rdtsc(void *context);

#endif
