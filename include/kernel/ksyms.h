/*
 * kernel/ksyms.h - the names of the kernel's functions, inside the image.
 *
 * The image carries a table of its text symbols, static functions included,
 * sorted by address, so that a backtrace or a fault report can name code
 * without a host tool. The Makefile links the kernel twice: the first link
 * has an empty table; scripts/gen-ksyms turns that link's symbols into the
 * table; the second link puts it behind the text (linker.ld), where its size
 * moves no function, and the build fails unless both links have the same
 * text symbols at the same addresses.
 */
#ifndef BRAMBLE_KERNEL_KSYMS_H
#define BRAMBLE_KERNEL_KSYMS_H

#include <stdint.h>

/*
 * The symbol that holds address: the name of the nearest text symbol at or
 * below it, and in *offset (when offset is not NULL) how far past that
 * symbol's start it lies. NULL, and *offset untouched, for an address
 * outside the kernel text. O(log n).
 */
const char *ksyms_lookup(uintptr_t address, uintptr_t *offset);

/* The table as it is, for checks: entries 0 to ksyms_count() - 1, by address. */
unsigned ksyms_count(void);
uintptr_t ksyms_address(unsigned index);
const char *ksyms_name(unsigned index);

#endif /* BRAMBLE_KERNEL_KSYMS_H */
