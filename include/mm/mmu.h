/*
 * mm/mmu.h - the page tables of an address space: map, unmap, query.
 *
 * An address space (struct mmu_aspace) is one ARM short-descriptor
 * first-level table and the second-level tables hooked into it, covering
 * [base, base + last_offset]: the kernel's (kernel_aspace, the table at 0x4000,
 * the upper 2 GiB) is one instance, and a process's TTBR0 table for the
 * lower 2 GiB is just another. The implementation is the ARM half of mm/
 * (mm/arm/mmu.c): descriptors, table walks, TLB maintenance. What may be
 * mapped where (regions, W^X at the level of the kernel's layout, demand
 * paging) is the generic half's policy; the calls here refuse only what
 * no table may hold.
 *
 * 4 KiB pages (through 1 KiB second-level tables taken from the address
 * space's PMM, four to a frame, given back when empty) and 1 MiB sections.
 * Every call either does all it was asked or, with an error, nothing:
 *   ERR_INVALID        an address not aligned to the page or section, a bad
 *                      kind, writable and executable at once (W^X),
 *                      executable memory that is not Normal cacheable, or a
 *                      range that wraps around
 *   ERR_RANGE          an address outside the address space
 *   ERR_RESERVED       what only its owner maps: a frame below the PMM's first
 *                      (vectors, L1 table, the image and its tables and
 *                      stacks), a frame holding translation tables, or the
 *                      kernel's own image pages (a stack's guard among them)
 *   ERR_EXISTS         something is mapped there already (a page, a section,
 *                      or for a section: a second-level table with pages)
 *   ERR_NOT_FOUND      unmapping what is not mapped (as a page or a section)
 *   ERR_NO_MEMORY      no frame for a second-level table
 */
#ifndef BRAMBLE_MM_MMU_H
#define BRAMBLE_MM_MMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/descriptor.h"
#include "mm/pmm.h"
#include "mm/ptdump.h"

/*
 * Above this many entries (pages, or sections: one TLB entry each), one
 * unmap invalidates the whole TLB instead of entry by entry.
 */
#define MMU_UNMAP_FULL_FLUSH_PAGES 64

struct mmu_aspace {
	uint32_t *l1; /* the first-level table, through the linear map: index va >> 20 */
	paddr_t l1_phys;
	vaddr_t base; /* the address space is [base, base + last_offset] */
	uint32_t last_offset;
	uint16_t *l2_used_by_index; /* valid entries of each L2 table, by L1 index (va >> 20) */
	struct pmm *pmm;            /* where L2 tables come from */
	uint32_t table_frames;      /* frames taken for L2 tables (the boot stub's not counted) */
	paddr_t fixed_tables_end;   /* L2 tables below this (the image's) are never given back */
	vaddr_t fixed_start;        /* pages [fixed_start, + fixed_size) are the boot stub's: */
	uint32_t fixed_size;        /* never mapped nor unmapped through these calls */
	bool user;                  /* a process's table: MEM_USER pages only, tables PXN */
	uint64_t asid_tag;          /* generation << 8 | ASID (mm/arm/context.c); 0: none */
};

/* The kernel's address space: the table at VIRT_L1_TABLE, 0x80000000-0xFFFFFFFF. */
extern struct mmu_aspace kernel_aspace;

/*
 * A process's address space: [0, USER_SPACE_END), its own first-level
 * table for TTBR0 (TTBCR.N = 1: 2048 entries, 8 KiB, 8 KiB aligned) and a
 * frame of table-entry counts, all from pmm. Only MEM_USER pages may be
 * mapped in it (and MEM_USER pages nowhere else); its second-level tables
 * are hooked in with PXN, so the kernel can never execute what a process
 * maps. Returns 0 or ERR_NO_MEMORY (nothing taken).
 */
int mmu_user_create(struct mmu_aspace *as, struct pmm *pmm);

/*
 * Tear a process's address space down: every page unmapped and handed to
 * release (the frame's owner decides whether it is freed: a frame may be
 * shared; release NULL drops the page's reference in the PMM itself), the TLB cleared of the address space's ASID, every table frame
 * back to the PMM. The address space must not be current on any core.
 * Returns the number of pages that were mapped.
 */
typedef void (*mmu_release_fn)(void *context, paddr_t frame);
uint32_t mmu_user_destroy(struct mmu_aspace *as, mmu_release_fn release, void *context);

/*
 * The pages of [start, end) that are mapped in a process's table, unmapped
 * (each frame to release); returns how many. Page-aligned bounds.
 */
uint32_t mmu_user_unmap(struct mmu_aspace *as, vaddr_t start, vaddr_t end, mmu_release_fn release,
			void *context);

/*
 * The pages of [start, end) that are mapped in a process's table, given
 * perm (MEM_USER and at most one of MEM_WRITE, MEM_EXEC); *changed says how
 * many. ERR_INVALID for bad bounds or permissions.
 */
int mmu_user_protect(struct mmu_aspace *as, vaddr_t start, vaddr_t end, unsigned perm,
		     uint32_t *changed);

/*
 * Fork's copy: every page mapped in parent is mapped in child (which must
 * be new and empty) at the same address on the same frame, read-only in
 * both, and the frame gains a reference (pmm_frame_share). *pages says how
 * many. ERR_NO_MEMORY when a second-level table cannot be had: child then
 * holds part of the pages (with their references) and must be destroyed;
 * parent's pages stay read-only, which costs only a fault on their next write.
 */
int mmu_user_fork(struct mmu_aspace *child, struct mmu_aspace *parent, uint32_t *pages);

/* The frame behind a process's page, and whether it is writable: 0, or ERR_NOT_FOUND. */
int mmu_user_page(struct mmu_aspace *as, vaddr_t va, paddr_t *frame, bool *writable);

/*
 * The demand-paging fault's map: frame, just taken from the address
 * space's PMM, at va (page-aligned, in a region of the process) with perm
 * (MEM_USER and at most one of MEM_WRITE, MEM_EXEC). The frame and range
 * checks of mmu_map_page hold by construction and are not made again.
 * 0, ERR_EXISTS when va is mapped, ERR_INVALID for perm or a misaligned
 * va or frame, or mmu_map_page's errors when a second-level table must be hooked in.
 */
int mmu_user_map_new_frame(struct mmu_aspace *as, vaddr_t va, paddr_t frame, unsigned perm);

/* A read-only page of a process made writable in place (the last reference of a COW page). */
int mmu_user_make_writable(struct mmu_aspace *as, vaddr_t va);

/*
 * A mapped page of a process pointed at another frame with perm
 * (break-before-make); the old frame is the caller's to release. ERR_INVALID
 * when va is not mapped or frame or perm are not a user page's.
 */
int mmu_user_replace(struct mmu_aspace *as, vaddr_t va, paddr_t frame, unsigned perm);

/* Bytes of translation tables the address space holds: L1, counts, L2 frames. */
uint32_t mmu_table_bytes(const struct mmu_aspace *as);

struct mmu_mapping {
	paddr_t phys; /* the physical address va translates to */
	enum mem_kind kind;
	unsigned perm; /* MEM_WRITE, MEM_EXEC */
	uint32_t size; /* PAGE_SIZE or SECTION_SIZE */
};

/*
 * Take over the kernel's table as the boot stub built it (count the pages
 * of its second-level tables, which stay where they are), with pmm for the
 * tables to come. Once, before any other call on kernel_aspace.
 */
void mmu_kernel_init(struct pmm *pmm);

int mmu_map_page(struct mmu_aspace *as, vaddr_t va, paddr_t pa, enum mem_kind kind, unsigned perm);
int mmu_unmap_page(struct mmu_aspace *as, vaddr_t va);

/*
 * Map count pages from va to the frames in frames[] (each page-aligned), all
 * with one kind and permission: every page, or with an error none. One
 * barrier for the lot, and each table is looked up once.
 */
int mmu_map_pages(struct mmu_aspace *as, vaddr_t va, const paddr_t *frames, size_t count,
		  enum mem_kind kind, unsigned perm);

/* Unmap pages [va, va + count pages): all must be mapped as pages. */
int mmu_unmap_range(struct mmu_aspace *as, vaddr_t va, size_t count);

/* The same, and the frames they mapped to into frames[count] (if not NULL). */
int mmu_unmap_pages(struct mmu_aspace *as, vaddr_t va, size_t count, paddr_t *frames);

int mmu_map_section(struct mmu_aspace *as, vaddr_t va, paddr_t pa, enum mem_kind kind,
		    unsigned perm);
int mmu_unmap_section(struct mmu_aspace *as, vaddr_t va);

/* Unmap sections [va, va + count MiB): all must be sections. One batch of maintenance. */
int mmu_unmap_sections(struct mmu_aspace *as, vaddr_t va, size_t count);

/* What va maps to: 0, or ERR_NOT_FOUND. */
int mmu_query(const struct mmu_aspace *as, vaddr_t va, struct mmu_mapping *mapping);

/*
 * The address space's tables for mm/ptdump.h: its L1 table (every entry up
 * to the end of what it translates; the kernel's from 0, so a dump shows
 * the empty lower half too), L2 tables read through the linear map.
 */
void mmu_table_source(const struct mmu_aspace *as, struct ptdump_source *source);

/* Frames used for second-level tables right now. */
unsigned mmu_table_frames(const struct mmu_aspace *as);

#endif /* BRAMBLE_MM_MMU_H */
