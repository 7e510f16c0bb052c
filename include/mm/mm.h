/*
 * mm/mm.h - bringing up memory management once RAM is known.
 */
#ifndef BRAMBLE_MM_MM_H
#define BRAMBLE_MM_MM_H

#include "layout.h"
#include "mm/pmm.h"

/* The kernel's PMM, over all of the ARM's RAM. */
extern struct pmm kernel_pmm;

/*
 * RAM is [0, ram_end). Trims the linear map to it and sets up the PMM with
 * its metadata at KERNEL_END, keeping the given physical byte ranges (what
 * the loader passed in r2) reserved. Panics if that cannot be done: the
 * kernel cannot run without it.
 */
void mm_init(paddr_t ram_end, const struct pmm_range *reserved, unsigned reserved_count);

#endif /* BRAMBLE_MM_MM_H */
