/*
 * mm/kernel_map.c - the kernel's table and region names for mm/ptdump.c.
 */
#include "mm/kernel_map.h"

#include "kernel/spinlock.h"

#include <stdlib.h>

#include "kernel/printk.h"
#include "kernel/sections.h"
#include "mm/mm.h"
#include "mm/mmu.h"

#define WX_REPORTED_MAX 8 /* offenders listed by address, at most */

void kernel_map_source(struct ptdump_source *source)
{
	mmu_table_source(&kernel_aspace, source);
}

static unsigned add_region(struct ptdump_region *regions, unsigned count, unsigned max,
			   uintptr_t start, uintptr_t end, const char *name)
{
	if (count == max || end <= start)
		return count;
	regions[count].start = start;
	regions[count].last = end - 1;
	regions[count].name = name;
	return count + 1;
}

unsigned kernel_map_regions(struct ptdump_region *regions, unsigned max)
{
	uintptr_t boot_stub = phys_to_virt((paddr_t)_start);
	unsigned n = 0;

	n = add_region(regions, n, max, VIRT_VECTORS, VIRT_VECTORS + PAGE_SIZE, "vectors");
	n = add_region(regions, n, max, VIRT_VECTORS + PAGE_SIZE, VIRT_L1_TABLE, "low memory");
	n = add_region(regions, n, max, VIRT_L1_TABLE, VIRT_L1_TABLE + L1_TABLE_SIZE, "L1 table");
	n = add_region(regions, n, max, boot_stub, phys_to_virt((paddr_t)__boot_phys_end),
		       "boot stub");
	n = add_region(regions, n, max, (uintptr_t)__text_start, (uintptr_t)__text_end,
		       "kernel text");
	n = add_region(regions, n, max, (uintptr_t)__rodata_start, (uintptr_t)__rodata_end,
		       "kernel rodata");
	n = add_region(regions, n, max, (uintptr_t)__data_start, (uintptr_t)__bss_start,
		       "kernel data");
	n = add_region(regions, n, max, (uintptr_t)__bss_start, (uintptr_t)__kernel_l2_start,
		       "kernel bss");
	n = add_region(regions, n, max, (uintptr_t)__kernel_l2_start, (uintptr_t)__kernel_l2_end,
		       "L2 tables");
	n = add_region(regions, n, max, (uintptr_t)__stacks_start, (uintptr_t)__stacks_end,
		       "stacks + guards");
	n = add_region(regions, n, max, (uintptr_t)__kernel_end, phys_to_virt(mm_ram_end()),
		       "linear map");
	n = add_region(regions, n, max, (uintptr_t)kernel_window.base,
		       (uintptr_t)kernel_window.heap_break, "heap");
	/*
	 * The window keeps WINDOW_GUARD_PAGES unmapped above the break (mm/window.h),
	 * so a heap overrun faults there; the dump names that page on its own line.
	 */
	n = add_region(regions, n, max, (uintptr_t)kernel_window.heap_break,
		       (uintptr_t)kernel_window.heap_break + WINDOW_GUARD_PAGES * PAGE_SIZE,
		       "guard");
	n = add_region(regions, n, max,
		       (uintptr_t)kernel_window.heap_break + WINDOW_GUARD_PAGES * PAGE_SIZE,
		       (uintptr_t)kernel_window.mmio_floor, "heap/MMIO gap");
	/* The window's top is 2^32: the last byte is the region's end. */
	if (n < max && kernel_window.mmio_floor < kernel_window.top) {
		regions[n].start = (vaddr_t)kernel_window.mmio_floor;
		regions[n].last = (vaddr_t)(kernel_window.top - 1);
		regions[n].name = "MMIO";
		n++;
	}
	return n;
}

static void print_line(void *context, const char *line)
{
	kprintf("%s%s\n", (const char *)context, line);
}

void kernel_map_dump(void)
{
	struct ptdump_source source;
	struct ptdump_region regions[KERNEL_MAP_REGIONS_MAX];
	unsigned count = kernel_map_regions(regions, KERNEL_MAP_REGIONS_MAX);

	kernel_map_source(&source);
	ptdump_dump(&source, regions, count, print_line, "  ");
}

struct range_filter {
	vaddr_t from, last;
};

/* A dump line starts "0xSTART-0xLAST": print it if that range meets the filter's. */
static void print_line_in_range(void *context, const char *line)
{
	const struct range_filter *filter = context;
	char *end;
	unsigned long start = strtoul(line, &end, 16), last;

	if (*end == '-') {
		last = strtoul(end + 1, &end, 16);
		if (last < filter->from || start > filter->last)
			return;
	}
	kprintf("  %s\n", line);
}

void kernel_map_dump_range(vaddr_t from, vaddr_t last)
{
	struct ptdump_source source;
	struct ptdump_region regions[KERNEL_MAP_REGIONS_MAX];
	unsigned count = kernel_map_regions(regions, KERNEL_MAP_REGIONS_MAX);
	struct range_filter filter = { from, last };

	kernel_map_source(&source);
	ptdump_dump(&source, regions, count, print_line_in_range, &filter);
}

unsigned kernel_map_check_wx(void)
{
	struct ptdump_source source;
	vaddr_t offenders[WX_REPORTED_MAX];
	uint32_t mappings = 0;
	unsigned found;

	kernel_map_source(&source);
	found = ptdump_check_wx(&source, &mappings, offenders, WX_REPORTED_MAX);
	if (found == 0) {
		kprintf("W^X: checked %lu mappings, no W+X\n", (unsigned long)mappings);
		return 0;
	}
	kprintf("W^X: checked %lu mappings, %u writable and executable:\n", (unsigned long)mappings,
		found);
	for (unsigned i = 0; i < found && i < WX_REPORTED_MAX; i++)
		kernel_map_walk(offenders[i]);
	return found;
}

void kernel_map_walk(vaddr_t va)
{
	struct ptdump_source source;

	kernel_map_source(&source);
	ptdump_walk(&source, va, print_line, "  ");
}

static const struct lock_class kernel_map_class = { LOCK_RANK_KERNEL_MAP, "kernel map" };
static struct spinlock kernel_map_spinlock = SPINLOCK_INIT(&kernel_map_class);

void kernel_map_lock(void)
{
	spin_lock(&kernel_map_spinlock);
}

void kernel_map_unlock(void)
{
	spin_unlock(&kernel_map_spinlock);
}
