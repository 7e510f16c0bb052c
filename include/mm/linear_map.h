/*
 * mm/linear_map.h - the linear map of RAM at KERNEL_VIRT_BASE.
 */
#ifndef BRAMBLE_MM_LINEAR_MAP_H
#define BRAMBLE_MM_LINEAR_MAP_H

#include "layout.h"

/*
 * The boot stub maps the first KERNEL_PAGED_SIZE of RAM; once the firmware
 * has said how much RAM the ARM has, map the rest of [0, ram_end) in
 * sections (ram_end rounded down to a section, and never past
 * PHYS_RAM_MAX). Nothing above it is ever mapped. Returns the end mapped.
 */
paddr_t linear_map_extend(paddr_t ram_end);

/* Physical end of what the linear map covers now. */
paddr_t linear_map_end(void);

#endif /* BRAMBLE_MM_LINEAR_MAP_H */
