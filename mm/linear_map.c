/*
 * mm/linear_map.c - trimming the boot-time linear map to the ARM's RAM.
 *
 * Maintenance (ARM ARM B3.10.1, "TLB maintenance requirements"): write the
 * invalid descriptors, clean them to the point of unification (needed when
 * table walks do not snoop the data cache; harmless when they do), DSB so
 * the walker sees them, then invalidate the TLB and the branch predictor,
 * DSB, ISB. The range is batched: one TLB invalidate for all of it.
 */
#include "mm/linear_map.h"

#include <stdint.h>

#include "arch/cp15.h"
#include "arch/mmu.h"

static paddr_t mapped_end = PHYS_RAM_MAX;

paddr_t linear_map_end(void)
{
	return mapped_end;
}

paddr_t linear_map_trim(paddr_t ram_end)
{
	uint32_t *l1 = (uint32_t *)VIRT_L1_TABLE;
	paddr_t end = ram_end & ~(paddr_t)(SECTION_SIZE - 1);
	unsigned first, last;

	if (end >= mapped_end)
		return mapped_end;
	first = (KERNEL_VIRT_BASE + end) >> SECTION_SHIFT;
	last = (KERNEL_VIRT_BASE + mapped_end) >> SECTION_SHIFT;
	for (unsigned i = first; i < last; i++) {
		l1[i] = L1_TYPE_FAULT;
		write_dccmvau((uintptr_t)&l1[i]);
	}
	dsb();
	write_tlbiall(0);
	write_bpiall(0);
	dsb();
	isb();
	mapped_end = end;
	return end;
}
