/*
 * mm/mmu.c - the kernel's translation table: map, unmap, query.
 *
 * The L1 table (4096 entries at VIRT_L1_TABLE) maps 1 MiB each. An entry is
 * a section, or points at a 1 KiB L2 table of 256 small pages. L2 tables
 * come from the PMM four to a 4 KiB frame: the four L1 entries of an
 * aligned 4 MiB group share one frame, slot (index % 4). A count of valid
 * entries per L2 table says when it is empty; an empty table is unhooked,
 * and the frame goes back to the PMM when all four of its tables are.
 *
 *   L1[i] ---> frame F + (i % 4) * 1 KiB ---> 256 x small page descriptor
 *
 * Maintenance, following ARM ARM B3.10.1 ("TLB maintenance requirements")
 * and B2.2.7 (branch predictor):
 *   - every descriptor write is cleaned to the point of unification
 *     (DCCMVAU), which is what a walker that does not snoop the data cache
 *     needs, then a DSB makes it visible to the walker;
 *   - a fresh L2 table's zeroes are made visible (DSB) before the L1 entry
 *     that points at it is written: walks may happen at any time, also
 *     speculatively, and must not meet the new entry and the frame's old
 *     contents together;
 *   - a new mapping where there was none needs nothing more than DSB and
 *     ISB: entries that fault are never held in the TLB;
 *   - a changed or removed one then needs a TLB invalidate by address (all
 *     ASIDs, inner shareable), BPIALL, DSB, ISB;
 *   - a range is batched: all descriptors, one DSB, the invalidates (one
 *     TLBIALL past MMU_UNMAP_FULL_FLUSH_PAGES pages), one DSB and ISB;
 *   - an L2 table's frame is given back only after the TLB no longer
 *     holds anything that came from it.
 */
#include "mm/mmu.h"

#include <string.h>

#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "arch/mmu.h"
#include "kernel/error.h"
#include "kernel/sections.h"
#include "mm/mm.h"

#define L1_GROUP                4       /* L2 tables in one frame */
#define PENDING_FRAMES          8       /* frames released per TLB flush, at most */

static uint16_t l2_used[L1_ENTRIES];   /* valid entries in each L2 table */

static void release_empty_tables(unsigned first, unsigned last);
static unsigned table_frames;

static uint32_t *l1_table(void)
{
	return (uint32_t *)VIRT_L1_TABLE;
}

static uint32_t *l2_table(uint32_t l1_entry)
{
	return (uint32_t *)phys_to_virt(l1_entry & L1_PAGE_TABLE_BASE_MASK);
}

static void clean_descriptor(const uint32_t *descriptor)
{
	dcache_clean_line_pou((uintptr_t)descriptor);
}

static void clean_descriptors(const uint32_t *first, size_t count)
{
	dcache_range(dcache_clean_line_pou, (uintptr_t)first, count * sizeof(*first));
}

/* The kernel's pages are global: invalidate va's entries for every ASID, on every core. */
static void tlb_invalidate_va(vaddr_t va)
{
	tlb_invalidate_page_all_asids_is(va & ~(PAGE_SIZE - 1));
}

static void tlb_invalidate_all(void)
{
	tlb_invalidate_all_is();
}

/* B2.2.7: the branch predictor after a change of mapping; then DSB, ISB (B3.10.1). */
static void after_invalidate(void)
{
	bp_invalidate_all_is();
	dsb();
	isb();
}

/*
 * W^X: a mapping may be writable or executable, never both. And only Normal
 * cacheable memory may be executable: instruction fetches can be
 * speculative (ARM ARM B3.7.2), so Device and Strongly-ordered memory must
 * be execute-never, and executing Normal non-cacheable memory that has a
 * cacheable alias (the linear map holds all of RAM) mixes attributes for
 * one location (A3.5.7).
 */
static int kind_and_perm_valid(enum mem_kind kind, unsigned perm)
{
	return (unsigned)kind < MEM_KIND_COUNT && (perm & ~MEM_PERM_MASK) == 0 &&
	       perm != (MEM_WRITE | MEM_EXEC) && (!(perm & MEM_EXEC) || kind == MEM_NORMAL);
}

unsigned mmu_table_frames(void)
{
	return table_frames;
}

/* Whether an L2 table's frame belongs to the image (the boot stub's tables, never freed). */
static int table_in_image(paddr_t frame)
{
	return frame < virt_to_phys_linear((vaddr_t)__kernel_end);
}

void mmu_init(void)
{
	const uint32_t *l1 = l1_table();

	/* Count the valid entries of the tables the boot stub built (the image's pages). */
	for (unsigned index = 0; index < L1_ENTRIES; index++) {
		const uint32_t *table;

		if ((l1[index] & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
			continue;
		table = l2_table(l1[index]);
		l2_used[index] = 0;
		for (unsigned i = 0; i < L2_ENTRIES; i++)
			l2_used[index] += (table[i] & L2_TYPE_SMALL) != 0;
	}
}

/*
 * The L2 table for L1 index i, hooked in if there is none: it shares the
 * frame of its group if a neighbour has one, else takes a fresh frame.
 */
static int get_l2_table(unsigned index, uint32_t **table)
{
	uint32_t *l1 = l1_table();
	unsigned group = index & ~(L1_GROUP - 1);
	paddr_t frame = 0;
	int error;

	if ((l1[index] & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE) {
		*table = l2_table(l1[index]);
		return 0;
	}
	for (unsigned i = group; i < group + L1_GROUP; i++) {
		if ((l1[i] & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE) {
			frame = l1[i] & ~(paddr_t)(PAGE_SIZE - 1);
			break;
		}
	}
	if (!frame) {
		error = pmm_alloc_frame(&kernel_pmm, &frame);
		if (error)
			return error;
		memset((void *)phys_to_virt(frame), 0, PAGE_SIZE);
		clean_descriptors((const uint32_t *)phys_to_virt(frame), PAGE_SIZE / 4);
		/*
		 * ARM ARM B3.10.1: a translation table write is visible to walks
		 * only after a DSB. Until then a walk that already sees the L1
		 * entry below could read what the frame held before, and cache
		 * it in the TLB as a valid page.
		 */
		dsb();
		table_frames++;
	}
	l1[index] = descriptor_page_table(frame + (index - group) * L2_TABLE_SIZE);
	clean_descriptor(&l1[index]);
	l2_used[index] = 0;
	*table = l2_table(l1[index]);
	return 0;
}

int mmu_map_page(vaddr_t va, paddr_t pa, enum mem_kind kind, unsigned perm)
{
	unsigned index = va >> SECTION_SHIFT;
	uint32_t entry = l1_table()[index], *table, *pte;
	int error;

	if ((va | pa) & (PAGE_SIZE - 1) || !kind_and_perm_valid(kind, perm))
		return ERR_INVALID;
	if ((entry & L1_TYPE_MASK) == L1_TYPE_SECTION)
		return ERR_EXISTS;
	if ((entry & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE &&
	    (l2_table(entry)[(va >> PAGE_SHIFT) % L2_ENTRIES] & L2_TYPE_SMALL))
		return ERR_EXISTS;
	error = get_l2_table(index, &table);
	if (error)
		return error;
	pte = &table[(va >> PAGE_SHIFT) % L2_ENTRIES];
	*pte = descriptor_page(pa, kind, perm);
	clean_descriptor(pte);
	l2_used[index]++;
	dsb();
	isb();
	return 0;
}

int mmu_map_pages(vaddr_t va, const paddr_t *frames, size_t count, enum mem_kind kind, unsigned perm)
{
	uint32_t *l1 = l1_table();
	vaddr_t end = va + count * PAGE_SIZE;
	unsigned first_index = va >> SECTION_SHIFT, last_index;
	uint32_t attributes;
	int error = 0;

	if (va & (PAGE_SIZE - 1) || count == 0 || count > ((1ULL << 32) - va) / PAGE_SIZE ||
	    !kind_and_perm_valid(kind, perm))
		return ERR_INVALID;
	for (size_t i = 0; i < count; i++)
		if (frames[i] & (PAGE_SIZE - 1))
			return ERR_INVALID;
	last_index = (end - 1) >> SECTION_SHIFT;

	/* Check first: nothing may be mapped in the range. */
	for (vaddr_t at = va; at != end;) {
		unsigned index = at >> SECTION_SHIFT;
		vaddr_t stop = (index == last_index) ? end : (vaddr_t)(index + 1) << SECTION_SHIFT;

		if ((l1[index] & L1_TYPE_MASK) == L1_TYPE_SECTION)
			return ERR_EXISTS;
		if ((l1[index] & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE) {
			const uint32_t *table = l2_table(l1[index]);

			for (vaddr_t page = at; page != stop; page += PAGE_SIZE)
				if (table[(page >> PAGE_SHIFT) % L2_ENTRIES] & L2_TYPE_SMALL)
					return ERR_EXISTS;
		}
		at = stop;
	}
	/* Then the tables; if one cannot be had, the ones just hooked in go again. */
	for (unsigned index = first_index; index <= last_index && !error; index++) {
		uint32_t *table;

		error = get_l2_table(index, &table);
	}
	if (error) {
		dsb();
		release_empty_tables(first_index, last_index);
		return error;
	}
	/* Then the entries: one attribute word, the frame addresses, one clean per line. */
	attributes = descriptor_page(0, kind, perm);
	for (vaddr_t at = va; at != end;) {
		unsigned index = at >> SECTION_SHIFT;
		vaddr_t stop = (index == last_index) ? end : (vaddr_t)(index + 1) << SECTION_SHIFT;
		uint32_t *first = l2_table(l1[index]) + (at >> PAGE_SHIFT) % L2_ENTRIES, *pte = first;
		size_t n = (stop - at) >> PAGE_SHIFT;

		for (size_t i = 0; i < n; i++)
			*pte++ = *frames++ | attributes;
		clean_descriptors(first, n);
		l2_used[index] += (uint16_t)n;
		at = stop;
	}
	dsb();
	isb();
	return 0;
}

/* Flush the TLB (and walks cached from unhooked tables), then give the frames back. */
static void flush_and_free(paddr_t *pending, unsigned *count)
{
	dsb();
	tlb_invalidate_all();
	after_invalidate();
	while (*count) {
		pmm_free_frame(&kernel_pmm, pending[--*count]);
		table_frames--;
	}
}

/*
 * Unhook the L2 tables that became empty among L1 entries [first, last],
 * and give back the frames none of whose four tables is in use any more,
 * after a TLB flush (nothing cached may still point into them).
 */
static void release_empty_tables(unsigned first, unsigned last)
{
	uint32_t *l1 = l1_table();
	paddr_t pending[PENDING_FRAMES];
	unsigned count = 0;

	for (unsigned index = first; index <= last; index++) {
		unsigned group = index & ~(L1_GROUP - 1);
		paddr_t frame;
		int in_use = 0;

		if ((l1[index] & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE || l2_used[index] != 0)
			continue;
		frame = l1[index] & ~(paddr_t)(PAGE_SIZE - 1);
		if (table_in_image(frame))
			continue; /* the image's own pages: emptied only by a test, kept */
		l1[index] = L1_TYPE_FAULT;
		clean_descriptor(&l1[index]);
		for (unsigned i = group; i < group + L1_GROUP; i++)
			in_use |= (l1[i] & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE;
		if (in_use)
			continue;
		pending[count++] = frame;
		if (count == PENDING_FRAMES)
			flush_and_free(pending, &count);
	}
	flush_and_free(pending, &count);
}

int mmu_unmap_range(vaddr_t va, size_t count)
{
	return mmu_unmap_pages(va, count, NULL);
}

int mmu_unmap_pages(vaddr_t va, size_t count, paddr_t *frames)
{
	uint32_t *l1 = l1_table();
	vaddr_t end = va + count * PAGE_SIZE;
	unsigned first_index = va >> SECTION_SHIFT, last_index;

	if (va & (PAGE_SIZE - 1) || count == 0 || count > ((1ULL << 32) - va) / PAGE_SIZE)
		return ERR_INVALID;
	last_index = (end - 1) >> SECTION_SHIFT;

	/* Check first: every page must be mapped, or nothing changes. */
	for (vaddr_t at = va; at != end;) {
		unsigned index = at >> SECTION_SHIFT;
		vaddr_t stop = (index == last_index) ? end : (vaddr_t)(index + 1) << SECTION_SHIFT;
		const uint32_t *table, *pte, *last;
		uint32_t all = L2_TYPE_SMALL;

		if ((l1[index] & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
			return ERR_NOT_FOUND;
		table = l2_table(l1[index]);
		last = table + ((stop - 1) >> PAGE_SHIFT) % L2_ENTRIES;
		for (pte = table + (at >> PAGE_SHIFT) % L2_ENTRIES; pte <= last; pte++)
			all &= *pte;
		if (!all)
			return ERR_NOT_FOUND;
		at = stop;
	}

	/* Clear them, table by table. */
	for (vaddr_t at = va; at != end;) {
		unsigned index = at >> SECTION_SHIFT;
		vaddr_t stop = (index == last_index) ? end : (vaddr_t)(index + 1) << SECTION_SHIFT;
		uint32_t *pte = l2_table(l1[index]) + (at >> PAGE_SHIFT) % L2_ENTRIES;
		size_t n = (stop - at) >> PAGE_SHIFT;

		if (frames) {
			for (size_t i = 0; i < n; i++)
				*frames++ = pte[i] & L2_PAGE_BASE_MASK;
		}
		memset(pte, 0, n * sizeof(*pte));
		clean_descriptors(pte, n);
		l2_used[index] -= (uint16_t)n;
		at = stop;
	}
	dsb();
	if (count > MMU_UNMAP_FULL_FLUSH_PAGES) {
		tlb_invalidate_all();
	} else {
		for (vaddr_t at = va; at != end; at += PAGE_SIZE)
			tlb_invalidate_va(at);
	}
	after_invalidate();

	for (unsigned index = first_index; index <= last_index; index++) {
		if (l2_used[index] == 0) {
			release_empty_tables(first_index, last_index);
			break;
		}
	}
	return 0;
}

int mmu_unmap_page(vaddr_t va)
{
	return mmu_unmap_range(va, 1);
}

int mmu_map_section(vaddr_t va, paddr_t pa, enum mem_kind kind, unsigned perm)
{
	uint32_t *entry = &l1_table()[va >> SECTION_SHIFT];

	if ((va | pa) & (SECTION_SIZE - 1) || !kind_and_perm_valid(kind, perm))
		return ERR_INVALID;
	if ((*entry & L1_TYPE_MASK) != L1_TYPE_FAULT)
		return ERR_EXISTS; /* a section, or a table with (or just had) pages */
	*entry = descriptor_section(pa, kind, perm);
	clean_descriptor(entry);
	dsb();
	isb();
	return 0;
}

int mmu_unmap_sections(vaddr_t va, size_t count)
{
	uint32_t *first = &l1_table()[va >> SECTION_SHIFT];

	if (va & (SECTION_SIZE - 1) || count == 0 ||
	    count > ((1ULL << 32) - va) >> SECTION_SHIFT)
		return ERR_INVALID;
	for (size_t i = 0; i < count; i++) {
		if ((first[i] & L1_TYPE_MASK) != L1_TYPE_SECTION)
			return ERR_NOT_FOUND;
	}
	memset(first, 0, count * sizeof(*first));
	clean_descriptors(first, count);
	dsb();
	/* A section is one TLB entry: one invalidate each, as for pages, up to the same bound. */
	if (count > MMU_UNMAP_FULL_FLUSH_PAGES) {
		tlb_invalidate_all();
	} else {
		for (size_t i = 0; i < count; i++)
			tlb_invalidate_va(va + i * SECTION_SIZE);
	}
	after_invalidate();
	return 0;
}

int mmu_unmap_section(vaddr_t va)
{
	return mmu_unmap_sections(va, 1);
}

int mmu_query(vaddr_t va, struct mmu_mapping *mapping)
{
	uint32_t entry = l1_table()[va >> SECTION_SHIFT];
	struct mem_attributes attributes;

	if ((entry & L1_TYPE_MASK) == L1_TYPE_SECTION) {
		if (descriptor_decode_section(entry, &attributes))
			return ERR_NOT_FOUND;
		mapping->size = SECTION_SIZE;
		mapping->phys = attributes.base | (va & (SECTION_SIZE - 1));
	} else if ((entry & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE) {
		uint32_t pte = l2_table(entry)[(va >> PAGE_SHIFT) % L2_ENTRIES];

		if (descriptor_decode_page(pte, &attributes))
			return ERR_NOT_FOUND;
		mapping->size = PAGE_SIZE;
		mapping->phys = attributes.base | (va & (PAGE_SIZE - 1));
	} else {
		return ERR_NOT_FOUND;
	}
	mapping->kind = attributes.kind;
	mapping->perm = attributes.perm;
	return 0;
}
