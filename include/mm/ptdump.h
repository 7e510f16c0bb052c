/*
 * mm/ptdump.h - the kernel's translation table, told in words: a dump of
 * every range and how it is mapped, the walk for one address, and a W^X
 * scan. Pure logic over a table source: compiled into the kernel and into
 * the host tests (tests/host/test_ptdump.c).
 *
 * Output goes through a callback, one line per call. A line is a C string
 * without a newline, at most PTDUMP_LINE_MAX - 1 characters (a longer one,
 * which only a long region name can make, is cut). Nothing is allocated.
 */
#ifndef BRAMBLE_MM_PTDUMP_H
#define BRAMBLE_MM_PTDUMP_H

#include <stdint.h>

#include "layout.h"

#define PTDUMP_LINE_MAX 128

/*
 * Where the tables are. l1 is a first-level table of l1_entries entries
 * (4096 for a table that translates all 4 GiB, as the kernel's does; 2048
 * for a process's TTBR0 table of the lower 2 GiB), readable by the caller;
 * entry i maps [i MiB, i + 1 MiB). l2_at returns the 256-entry second-level table whose physical
 * address an L1 page-table entry holds (the kernel: through the linear map;
 * a host test: its own arrays), or NULL when that address cannot be read,
 * which the dump and the walk report and the W^X scan counts as an offender.
 * The tables are read as they are, without a lock: a caller that needs a
 * consistent picture keeps them still while it asks.
 */
struct ptdump_source {
	const uint32_t *l1;
	unsigned l1_entries;
	const uint32_t *(*l2_at)(void *context, paddr_t table_phys);
	void *context;
};

/*
 * A named part of the address space: [start, last], last inclusive so that
 * a region can end at 0xFFFFFFFF. Regions should not overlap; if they do,
 * an address belongs to the first one in the array that holds it. Bounds
 * need not be page-aligned, but sizes then print in bytes.
 */
struct ptdump_region {
	vaddr_t start;
	vaddr_t last;
	const char *name;
};

typedef void (*ptdump_print_fn)(void *context, const char *line);

/*
 * Dump what the table translates (all 4 GiB for 4096 entries), low to high,
 * one line per range of equal attributes
 * within one region (or outside all of them):
 *
 *   0x00000000-0x7fffffff     2G unmapped
 *   0x80000000-0x80000fff     4K page         Normal           RO X  [vectors]
 *   0x8001a000-0x8001afff     4K unmapped                            [stacks]
 *   0x80100000-0x87ffffff   127M section      Normal           RW NX [linear map]
 *   0xffffe000-0xffffefff     4K page         Strongly-ordered RW NX [MMIO]
 *
 * Last addresses are inclusive; a size takes the largest of G, M, K, B
 * that divides it. Unmapped ranges are printed too, so the lines cover the
 * whole address space without a gap; an entry descriptor.c cannot decode
 * shows its raw value instead of a memory type. Ranges merge by attributes
 * only, never across a region bound.
 */
void ptdump_dump(const struct ptdump_source *source, const struct ptdump_region *regions,
		 unsigned region_count, ptdump_print_fn print, void *print_context);

/*
 * How the hardware translates va: the L1 entry and what it means, and for a
 * page table the L2 entry and what it means. Two lines at most.
 */
void ptdump_walk(const struct ptdump_source *source, vaddr_t va, ptdump_print_fn print,
		 void *print_context);

/*
 * W^X: count the mappings (each valid section, supersection, small or large
 * page entry is one) into *mappings_out (if not NULL), and return how many
 * of them are writable and executable at PL1. The virtual addresses of the
 * first max_offenders of those go to offenders[], in address order.
 */
unsigned ptdump_check_wx(const struct ptdump_source *source, uint32_t *mappings_out,
			 vaddr_t *offenders, unsigned max_offenders);

#endif /* BRAMBLE_MM_PTDUMP_H */
