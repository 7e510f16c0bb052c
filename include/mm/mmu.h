/*
 * mm/mmu.h - mapping, unmapping and querying the kernel's translation table.
 *
 * 4 KiB pages (through 1 KiB second-level tables taken from the PMM, four
 * to a frame, given back when empty) and 1 MiB sections. Every call either
 * does all it was asked or, with an error, nothing:
 *   ERR_INVALID        an address not aligned to the page or section, a bad
 *                      kind, writable and executable at once (W^X),
 *                      executable memory that is not Normal cacheable, or a
 *                      range that wraps around
 *   ERR_EXISTS         something is mapped there already (a page, a section,
 *                      or for a section: a second-level table with pages)
 *   ERR_NOT_FOUND      unmapping what is not mapped (as a page or a section)
 *   ERR_NO_MEMORY      no frame for a second-level table
 */
#ifndef BRAMBLE_MM_MMU_H
#define BRAMBLE_MM_MMU_H

#include <stddef.h>

#include "mm/descriptor.h"

/*
 * Above this many entries (pages, or sections: one TLB entry each), one
 * unmap invalidates the whole TLB instead of entry by entry.
 */
#define MMU_UNMAP_FULL_FLUSH_PAGES 64

struct mmu_mapping {
	paddr_t phys;           /* the physical address va translates to */
	enum mem_kind kind;
	unsigned perm;          /* MEM_WRITE, MEM_EXEC */
	uint32_t size;          /* PAGE_SIZE or SECTION_SIZE */
};

/* Take over the tables the boot stub built (count their pages). Once, before any other call. */
void mmu_init(void);

int mmu_map_page(vaddr_t va, paddr_t pa, enum mem_kind kind, unsigned perm);
int mmu_unmap_page(vaddr_t va);

/*
 * Map count pages from va to the frames in frames[] (each page-aligned), all
 * with one kind and permission: every page, or with an error none. One
 * barrier for the lot, and each table is looked up once.
 */
int mmu_map_pages(vaddr_t va, const paddr_t *frames, size_t count, enum mem_kind kind, unsigned perm);

/* Unmap pages [va, va + count pages): all must be mapped as pages. */
int mmu_unmap_range(vaddr_t va, size_t count);

/* The same, and the frames they mapped to into frames[count] (if not NULL). */
int mmu_unmap_pages(vaddr_t va, size_t count, paddr_t *frames);

int mmu_map_section(vaddr_t va, paddr_t pa, enum mem_kind kind, unsigned perm);
int mmu_unmap_section(vaddr_t va);

/* Unmap sections [va, va + count MiB): all must be sections. One batch of maintenance. */
int mmu_unmap_sections(vaddr_t va, size_t count);

/* What va maps to: 0, or ERR_NOT_FOUND. */
int mmu_query(vaddr_t va, struct mmu_mapping *mapping);

/* Frames used for second-level tables right now. */
unsigned mmu_table_frames(void);

#endif /* BRAMBLE_MM_MMU_H */
