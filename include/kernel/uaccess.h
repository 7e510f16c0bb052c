/*
 * kernel/uaccess.h - reading and writing a process's memory from the kernel.
 *
 * Every pointer a system call receives is a user address and goes through
 * these. The range is checked first: it must lie below USER_SPACE_END and
 * not wrap. Then the bytes are copied with the unprivileged loads and
 * stores (LDRT, STRT: ARM ARM A8.8.92, A8.8.211), which the MMU checks as
 * if the process made them: a page the process may not read or write
 * faults even though the kernel could. A fault on a page the process may
 * have but does not have yet is a page fault like the process's own
 * (mm/page_fault.c maps it, and the copy goes on); any other fault makes
 * the faulting instruction resume at its fixup (the __ex_table section:
 * pairs of instruction address and fixup address, as Linux's exception
 * tables), and the copy returns how many bytes it did not copy.
 */
#ifndef BRAMBLE_KERNEL_UACCESS_H
#define BRAMBLE_KERNEL_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

/* Whether [address, address + size) is user space (size 0: any address below the end). */
static inline bool user_range_ok(uintptr_t address, size_t size)
{
	return address <= USER_SPACE_END && size <= USER_SPACE_END - address;
}

/* 0, or -EFAULT's kernel value ERR_RANGE when a byte could not be read or written. */
int copy_from_user(void *to, const void *user_from, size_t size);
int copy_to_user(void *user_to, const void *from, size_t size);

/*
 * A NUL-terminated string of at most max bytes (NUL included) into to.
 * Returns its length, or ERR_RANGE (a fault), or ERR_INVALID (no NUL within max).
 */
int copy_string_from_user(char *to, const char *user_from, size_t max);

/* The assembly halves: bytes not copied (0: all of them). */
size_t uaccess_copy_from(void *to, const void *user_from, size_t size);
size_t uaccess_copy_to(void *user_to, const void *from, size_t size);

/* Where an instruction that faulted on a user address resumes, or 0 if it is none of these. */
uintptr_t uaccess_fixup(uintptr_t pc);

#endif /* BRAMBLE_KERNEL_UACCESS_H */
