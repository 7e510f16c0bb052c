/*
 * mm/mm.h - bringing up memory management once RAM is known.
 */
#ifndef BRAMBLE_MM_MM_H
#define BRAMBLE_MM_MM_H

#include "layout.h"
#include "mm/pmm.h"
#include "mm/window.h"

/* The kernel's PMM, over all of the ARM's RAM. */
extern struct pmm kernel_pmm;

/* The last gigabyte: the kernel heap and the MMIO mappings (mm/window.h). */
extern struct window kernel_window;

/* One past the last byte of the ARM's RAM. */
paddr_t mm_ram_end(void);

/*
 * RAM is [0, ram_end), already in the linear map (mm/linear_map.h). Sets up the PMM with
 * its metadata at KERNEL_END, keeping the given physical byte ranges (what
 * the loader passed in r2) reserved, and the window with the heap. Panics if that cannot be done: the
 * kernel cannot run without it.
 */
void mm_init(paddr_t ram_end, const struct phys_range *reserved, unsigned reserved_count);

#endif /* BRAMBLE_MM_MM_H */
