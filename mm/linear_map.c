/*
 * mm/linear_map.c - trimming the boot-time linear map to the ARM's RAM.
 *
 * The boot stub maps with sections everything that can be RAM; what lies
 * above the ARM's share (the VideoCore's RAM) is unmapped in one batch
 * (mmu_unmap_sections: descriptors, one DSB, the TLB invalidation, DSB, ISB).
 */
#include "mm/linear_map.h"

#include "kernel/error.h"
#include "kernel/panic.h"
#include "mm/mmu.h"

static paddr_t mapped_end = PHYS_RAM_MAX;

paddr_t linear_map_end(void)
{
	return mapped_end;
}

paddr_t linear_map_trim(paddr_t ram_end)
{
	paddr_t end = ram_end & ~(paddr_t)(SECTION_SIZE - 1);
	int error;

	if (end >= mapped_end)
		return mapped_end;
	error = mmu_unmap_sections(phys_to_virt(end), (mapped_end - end) >> SECTION_SHIFT);
	if (error)
		panic("linear map: cannot unmap 0x%08lx-0x%08lx: %s", (unsigned long)phys_to_virt(end),
		      (unsigned long)phys_to_virt(mapped_end) - 1, error_name(error));
	mapped_end = end;
	return end;
}
