/*
 * mm/linear_map.h - the linear map of RAM at KERNEL_VIRT_BASE.
 */
#ifndef BRAMBLE_MM_LINEAR_MAP_H
#define BRAMBLE_MM_LINEAR_MAP_H

#include "layout.h"

/*
 * The boot stub maps everything that can be RAM (PHYS_RAM_MAX); once the
 * firmware has said how much the ARM has, cut the linear map to
 * [0, ram_end): the sections above it (VideoCore RAM) are unmapped.
 * ram_end is rounded down to a section. Returns the end actually kept.
 */
paddr_t linear_map_trim(paddr_t ram_end);

/* Physical end of what the linear map covers now. */
paddr_t linear_map_end(void);

#endif /* BRAMBLE_MM_LINEAR_MAP_H */
