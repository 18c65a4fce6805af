/* linux32.h - running i386 Linux programs, static or dynamically linked,
 * as a 64-bit kernel runs compat tasks: the ELF32 loader and initial
 * stack (loader32.c), the `int 0x80` system-call ABI translated onto the
 * x86-64 handlers of syscall.c where the structures agree (syscall32.c,
 * with sockets in socket32.c and select/ppoll in poll32.c, which reads
 * the i386 argument blocks and calls poll.c's code), and the i386
 * signal frames (signal32.c). */
#ifndef UOPSIM_LINUX32_H
#define UOPSIM_LINUX32_H

#include "elf/elf.h"
#include "linux/linux.h"

/* The i386 address space of a 64-bit kernel (compat tasks). */
#define LINUX32_STACK_TOP 0xffffe000ull
#define LINUX32_MMAP_TOP 0xf7ffe000ull
#define LINUX32_PIE_BASE 0x56555000ull /* static-pie */
#define LINUX32_DYN_BASE 0x400000ull   /* PIE with an interpreter: ELF_ET_DYN_BASE */

/* Loads the i386 program f (already opened by load_elf in loader.c,
 * which has set p->exe_path and p->sysroot) and its PT_INTERP from under
 * the sysroot, and builds its stack. */
int linux_load32(struct linux_process *p, const struct elf_file *f, int argc, char *const argv[],
                 char *const envp[], char *err, size_t errlen);
/* syscall32.c: carries out the `int 0x80` call in EAX (EBX, ECX, EDX,
 * ESI, EDI, EBP) and sets EAX. */
void linux_syscall32(struct linux_process *p);
/* syscall32.c: Linux's i386 GDT for the engine (struct uop_env.descriptor,
 * whose context is the struct linux_process): 0x23 code, 0x2b data, and
 * the set_thread_area entries 12-14 (linux_process.tls32). */
int linux_descriptor32(void *context, uint16_t selector, uint64_t *base, int *code);

/* signal32.c: the i386 signal frames of a 64-bit kernel's compat code
 * (arch/x86/kernel/signal_32.c): struct sigframe_ia32, or rt_sigframe_ia32
 * for SA_SIGINFO, with the FPU state as an fsave header and an fxsave
 * image. Called by signal.c's delivery for a 32-bit guest; returns 0, or
 * -1 if the frame cannot be written. */
int linux_signal_frame32(struct linux_process *p, int sig, const struct linux_sigaction *ka, uint64_t oldmask,
                         const uint8_t info[128], unsigned trapno, uint64_t err, uint64_t cr2);
/* signal32.c: i386 system calls about signals (sigreturn 119,
 * rt_sigreturn 173, sigaltstack, sigprocmask, setitimer, rt_sigtimedwait...)
 * on 32-bit structures; a[] holds EBX, ECX, EDX, ESI, EDI, EBP. */
int64_t linux_sys32_sigreturn(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_rt_sigreturn(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_sigaltstack(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_sigprocmask(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_setitimer(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_getitimer(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_rt_sigtimedwait(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_rt_sigtimedwait_time64(struct linux_process *p, const uint32_t a[6]);
/* signal32.c: a siginfo in the x86-64 layout (the kernel's, and
 * signal.c's) in the compat one (copy_siginfo_to_user32). */
void linux_siginfo_to32(const uint8_t in[128], uint8_t out[128]);
/* socket32.c: socketcall (102) and the direct socket calls (359-373, the
 * number taken from EAX), on 32-bit structures. */
int64_t linux_sys32_socketcall(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_socket_direct(struct linux_process *p, const uint32_t a[6]);
/* poll32.c: _newselect, pselect6, ppoll and their time64 variants. */
int64_t linux_sys32_select(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_pselect6(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_pselect6_time64(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_ppoll(struct linux_process *p, const uint32_t a[6]);
int64_t linux_sys32_ppoll_time64(struct linux_process *p, const uint32_t a[6]);
/* A guest scratch area of n bytes below ESP for a translated call's
 * 64-bit structure (the i386 ABI keeps nothing below ESP: the kernel may
 * build a signal frame there at any time). 0 if it is not writable. */
uint32_t linux32_scratch(struct linux_process *p, uint32_t n);

/* signal.c, shared with signal32.c: the fxsave image of the FPU/SSE state
 * (64-bit format, 512 bytes) and back; whether sp is on the sigaltstack;
 * sigreturn's uc_stack; the host handlers that forward SIGALRM etc. */
void linux_fxsave_image(const struct x86_state *s, uint8_t *f);
void linux_fxrstor_image(struct x86_state *s, const uint8_t *f);
int linux_signal_on_altstack(const struct linux_process *p, uint64_t sp);
void linux_signal_restore_altstack(struct linux_process *p, uint64_t ss_sp, int32_t ss_flags, uint64_t ss_size);
void linux_signal_install_host_handlers(void);
/* signal.c, shared with signal32.c: the FPU/SSE state after FNINIT with
 * MXCSR 0x1f80; a handler's entry state (DF TF RF clear, that FPU
 * state); sigreturn's FIX_EFLAGS merge of the frame's flags. */
void linux_fpu_reset(struct x86_state *s);
void linux_signal_handler_entry(struct x86_state *s);
void linux_sigreturn_flags(struct x86_state *s, uint64_t flags);

/* syscall.c: the x86-64 handler of system call nr (x86-64 numbering). */
int64_t linux_syscall_x64(struct linux_process *p, unsigned nr, const uint64_t a[6]);
/* loader.c: maps an ELF file's PT_LOAD segments at bias, below top. */
int linux_map_segments(struct linux_process *p, const struct elf_file *f, uint64_t bias, uint64_t top,
                       uint64_t *highest, char *err, size_t errlen);

/* loader.c: the span of an ELF file's PT_LOAD segments: [*lowest,
 * *highest), 0 and 0 when there are none. */
void linux_load_span(const struct elf_file *f, uint64_t *lowest, uint64_t *highest);

/* syscall32.c: an i386 iovec array ({u32 base, u32 len} pairs, already
 * read and checked) against the host buffer tmp. gather copies the guest
 * buffers into tmp up to total bytes and returns the bytes copied, or
 * -EFAULT at the first fault; scatter copies got bytes of tmp out to them,
 * carrying on past a fault, and returns 0 or -EFAULT. */
int64_t linux_gather_iov32(struct linux_process *p, const uint32_t (*iov)[2], uint32_t n, uint8_t *tmp, size_t total);
int64_t linux_scatter_iov32(struct linux_process *p, const uint32_t (*iov)[2], uint32_t n, const uint8_t *tmp,
                            size_t got);

/* stack.c: maps the stack below stack_top and writes the initial stack
 * (strings, AT_RANDOM bytes, auxv, envp[], argv[], argc) in guest words
 * of word_size bytes (8 for x86-64, 4 for i386), AT_PLATFORM
 * platform_name; sets RSP. Returns 0, or -1 with err set. */
int linux_build_stack(struct linux_process *p, const struct elf_file *f, unsigned word_size, uint64_t stack_top,
                      const char *platform_name, int argc, char *const argv[], char *const envp[], char *err,
                      size_t errlen);

/* loader.c: the host path of the interpreter named by PT_INTERP segment
 * s, looked up under sysroot ("/" when NULL or empty). */
void linux_interp_path(const struct elf_segment *s, const char *sysroot, char *out, size_t outlen);

/* Shared by the 64- and 32-bit loaders (loader.c): a formatted load
 * error (returns -1), and the guest's RDTSC (the host's counter). */
int linux_load_fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
uint64_t linux_host_rdtsc(void *context);

#endif
