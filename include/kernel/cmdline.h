/*
 * kernel/cmdline.h - reading the kernel command line (what the loader
 * passed: /chosen/bootargs or ATAG_CMDLINE). Words are separated by
 * spaces; a word is a name, or name=value. Pure: also tested on the host.
 *
 * bramble's own options (docs/boot.md):
 *   kheap.debug   the kernel heap's full checking: canaries, poison, no
 *                 quick bins (off by default: the fast heap ships, with
 *                 its magics and double-free checks)
 */
#ifndef BRAMBLE_KERNEL_CMDLINE_H
#define BRAMBLE_KERNEL_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The value of option name: its text after '=' up to the next space (not
 * NUL-terminated; *length bytes), "" for a bare name. NULL when the line
 * has no such word. A later word wins over an earlier one.
 */
const char *cmdline_value(const char *cmdline, const char *name, size_t *length);

/* Whether the option is on: a bare name, or name=1, =y, =yes, =on (off: =0, =n, =no, =off). */
bool cmdline_flag(const char *cmdline, const char *name);

#endif /* BRAMBLE_KERNEL_CMDLINE_H */
