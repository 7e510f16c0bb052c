/*
 * mm/kernel_map.h - the kernel's own translation table, told in words: the
 * named regions of its address space, the dump the boot prints, the W^X
 * check, and the walk for one address that crash reports print. The
 * formatting is mm/ptdump.c; this file supplies the kernel's table and
 * names.
 */
#ifndef BRAMBLE_MM_KERNEL_MAP_H
#define BRAMBLE_MM_KERNEL_MAP_H

#include <stdint.h>

#include "mm/ptdump.h"

#define KERNEL_MAP_REGIONS_MAX 20

/* The live table, read through the linear map. */
void kernel_map_source(struct ptdump_source *source);

/* The named regions as they are now (heap and MMIO move); returns how many. */
unsigned kernel_map_regions(struct ptdump_region *regions, unsigned max);

/* Print the dump of the whole table, one range per line. */
void kernel_map_dump(void);

/* The same, only the lines whose range meets [from, last]. */
void kernel_map_dump_range(vaddr_t from, vaddr_t last);

/*
 * Check every entry of the table: prints "W^X: checked N mappings, no W+X"
 * or each offender, and returns the number of offenders.
 */
unsigned kernel_map_check_wx(void);

/*
 * The lock over the kernel's own table and the window (mm/window.h): the
 * heap's growth and shrinking, and MMIO mappings, come from any core.
 * Taken under the heap's lock, never with the PMM's (lockdep.h's ranks).
 */
void kernel_map_lock(void);
void kernel_map_unlock(void);

/* Print how va translates (L1 entry, L2 entry, what they mean). */
void kernel_map_walk(vaddr_t va);

#endif /* BRAMBLE_MM_KERNEL_MAP_H */
