/*
 * mm/mm.c - memory management bring-up (mm/mm.h).
 */
#include "mm/mm.h"

#include "kernel/error.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/sections.h"
#include "mm/context.h"
#include "mm/kheap.h"
#include "mm/mmu.h"

struct pmm kernel_pmm;
struct window kernel_window;
static paddr_t ram_end_bytes;

paddr_t mm_ram_end(void)
{
	return ram_end_bytes;
}

void mm_init(paddr_t ram_end, const struct phys_range *reserved, unsigned reserved_count)
{
	paddr_t kernel_end = virt_to_phys_linear((vaddr_t)__kernel_end);
	struct pmm_stats stats;
	int error;

	ram_end_bytes = ram_end;
	context_init(); /* the kernel's table to TTBR1; TTBR0 for processes */
	mmu_kernel_init(&kernel_pmm);
	error = pmm_init(&kernel_pmm, KERNEL_VIRT_BASE, kernel_end, ram_end, reserved,
			 reserved_count);
	if (error)
		panic("pmm: cannot manage RAM 0x0-0x%08lx with the kernel ending at 0x%08lx: %s",
		      (unsigned long)ram_end, (unsigned long)kernel_end, error_name(error));
	pmm_get_stats(&kernel_pmm, &stats);
	kprintf("pmm: %lu frames: %lu free, %lu reserved; metadata %lu KiB at 0x%08lx "
		"(the frame table, a byte a frame: 256 KiB per GiB) + %u bytes\n",
		(unsigned long)stats.total, (unsigned long)stats.free,
		(unsigned long)stats.reserved, (unsigned long)(stats.metadata_bytes / 1024),
		(unsigned long)kernel_end, (unsigned)sizeof(kernel_pmm));
	if (window_init(&kernel_window, VIRT_HEAP_BASE, (uint64_t)VIRT_MMIO_TOP + 1))
		panic("window: 0x%08lx-0xffffffff cannot be the heap and MMIO window",
		      (unsigned long)VIRT_HEAP_BASE);
	kheap_kernel_init();
}
