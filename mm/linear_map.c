/*
 * mm/linear_map.c - the linear map of RAM, grown to the ARM's RAM.
 *
 * The boot stub maps only the first KERNEL_PAGED_SIZE of RAM (the vectors,
 * the L1 table, the image and the RAM right after it, in pages). How much
 * RAM the ARM has is known only once the firmware has answered, and what
 * lies above it is the VideoCore's: mapped as Normal cacheable memory it
 * could be read speculatively into the ARM's caches, and those lines would
 * outlive any later unmapping (or alias a non-cacheable mapping of a frame
 * buffer: ARM ARM A3.5.7). So the rest of the map is added here, in
 * sections, exactly up to the end of the ARM's RAM, and the VideoCore's RAM
 * is never mapped at all. Each section is a new entry where there was none,
 * which needs no TLB maintenance (B3.10.1).
 */
#include "mm/linear_map.h"

#include "kernel/error.h"
#include "kernel/panic.h"
#include "mm/mmu.h"

static paddr_t mapped_end = KERNEL_PAGED_SIZE;

paddr_t linear_map_end(void)
{
	return mapped_end;
}

paddr_t linear_map_extend(paddr_t ram_end)
{
	paddr_t end = ram_end & ~(paddr_t)(SECTION_SIZE - 1);

	if (end > PHYS_RAM_MAX)
		end = PHYS_RAM_MAX;
	for (paddr_t pa = mapped_end; pa < end; pa += SECTION_SIZE) {
		int error = mmu_map_section(&kernel_aspace, phys_to_virt(pa), pa, MEM_NORMAL,
					    MEM_WRITE);

		if (error)
			panic("linear map: cannot map 0x%08lx -> 0x%08lx: %s",
			      (unsigned long)phys_to_virt(pa), (unsigned long)pa,
			      error_name(error));
		mapped_end = pa + SECTION_SIZE;
	}
	return mapped_end;
}
