/*
 * mm/mmio.h - mapping device registers into the top of the window.
 *
 * A physical range (any alignment; rounded out to pages) is mapped with a
 * device memory kind, always execute-never, at the window's MMIO floor,
 * which moves down. Mapping a range that an existing mapping of the same
 * kind already covers returns that mapping (reference counted). Refused,
 * with nothing changed: a size of 0, a range that wraps past 4 GiB
 * (ERR_INVALID); cacheable Normal memory, or a range that covers RAM the
 * kernel manages (ERR_INVALID: it would alias the linear map's cacheable
 * view with another memory type); a range that a mapping of another kind
 * already reaches (ERR_EXISTS: the same location with two memory types,
 * ARM ARM A3.5.7); no room in the window (ERR_NO_MEMORY).
 */
#ifndef BRAMBLE_MM_MMIO_H
#define BRAMBLE_MM_MMIO_H

#include <stddef.h>

#include "layout.h"
#include "mm/descriptor.h"

#define MMIO_MAX_MAPPINGS 32
#define MMIO_MAX_HANDLES  64 /* addresses handed out: one per mmio_map that succeeded */

/* Map [phys, phys + size) as kind; *virt = the virtual address of phys. */
int mmio_map(paddr_t phys, size_t size, enum mem_kind kind, vaddr_t *virt);

/*
 * Give back what one mmio_map returned: exactly that address (anything
 * else, a pointer into the mapping or one past its end, is ERR_NOT_FOUND
 * and changes nothing). The mapping goes with its last user.
 */
int mmio_unmap(vaddr_t virt);

/* Mappings now held (for the banner and tests). */
struct mmio_mapping_info {
	paddr_t phys; /* page-aligned */
	vaddr_t virt;
	uint32_t pages;
	enum mem_kind kind;
	uint32_t references;
};
unsigned mmio_list(struct mmio_mapping_info *out, unsigned max);

#endif /* BRAMBLE_MM_MMIO_H */
