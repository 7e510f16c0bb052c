/*
 * mm/arm/mmu.c - the page tables of an address space (mm/mmu.h), in the
 * ARM short-descriptor format.
 *
 * An L1 entry maps 1 MiB: a section, or a pointer to a 1 KiB L2 table of
 * 256 small pages. L2 tables come from the address space's PMM four to a
 * 4 KiB frame: the four L1 entries of an aligned 4 MiB group share one
 * frame, slot (index % 4). A count of valid entries per L2 table says when
 * it is empty; an empty table is unhooked, and the frame goes back to the
 * PMM when all four of its tables are.
 *
 *   L1[i] ---> frame F + (i % 4) * 1 KiB ---> 256 x small page descriptor
 *
 * Maintenance, following ARM ARM B3.10.1 ("TLB maintenance requirements")
 * and B2.2.7 (branch predictor), in the inner shareable forms, so that
 * every core sees it (B3.10.5; arch/maintenance.h):
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
 *     ASIDs: the kernel's pages are global), BPIALL, DSB, ISB;
 *   - a range is batched: all descriptors, one DSB, the invalidates (one
 *     TLBIALL past MMU_UNMAP_FULL_FLUSH_PAGES entries), one DSB and ISB;
 *   - an L2 table's frame is given back only after the TLB no longer
 *     holds anything that came from it.
 */
#include "mm/mmu.h"

#include <stdbool.h>
#include <string.h>

#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "arch/mmu.h"
#include "kernel/error.h"
#include "kernel/panic.h"
#include "kernel/sections.h"
#include "mm/context.h"

#define L1_GROUP       4 /* L2 tables in one frame */
#define PENDING_FRAMES 8 /* frames released per TLB flush, at most */

/* By L1 index; the kernel's table uses the upper half (0x80000000 up). */
static uint16_t kernel_l2_used[L1_ENTRIES];

struct mmu_aspace kernel_aspace = {
	.l1 = (uint32_t *)VIRT_L1_TABLE,
	.l1_phys = PHYS_L1_TABLE,
	.base = KERNEL_VIRT_BASE,
	.last_offset = 0xFFFFFFFFU - KERNEL_VIRT_BASE,
	.l2_used_by_index = kernel_l2_used,
	.fixed_start = KERNEL_VIRT_BASE,
	.fixed_size = KERNEL_PAGED_SIZE,
};

static void release_empty_tables(struct mmu_aspace *as, unsigned first, unsigned last);

static uint32_t *l2_table(uint32_t l1_entry)
{
	return (uint32_t *)phys_to_virt(l1_entry & L1_PAGE_TABLE_BASE_MASK);
}

static uint16_t *used_count(struct mmu_aspace *as, unsigned index)
{
	return &as->l2_used_by_index[index];
}

/* Whether [va, va + bytes) lies inside the address space (bytes > 0). */
static bool in_aspace(const struct mmu_aspace *as, vaddr_t va, uint64_t bytes)
{
	return va - as->base <= as->last_offset && bytes - 1 <= as->last_offset - (va - as->base);
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
static bool kind_and_perm_valid(enum mem_kind kind, unsigned perm)
{
	return (unsigned)kind < MEM_KIND_COUNT && (perm & ~MEM_PERM_MASK) == 0 &&
	       (perm & (MEM_WRITE | MEM_EXEC)) != (MEM_WRITE | MEM_EXEC) &&
	       (!(perm & MEM_EXEC) || kind == MEM_NORMAL) &&
	       (!(perm & MEM_USER) || kind == MEM_NORMAL);
}

/* User pages in a process's table, kernel pages in the kernel's: never the other way. */
static bool perm_fits(const struct mmu_aspace *as, unsigned perm)
{
	return !(perm & MEM_USER) == !as->user;
}

/*
 * What a mapping may point at: not the frames below the PMM's first (the
 * vectors, the L1 table, the image with its second-level tables and stacks,
 * the PMM's own metadata), and not a frame holding translation tables: a
 * second, writable view of any of them would be a way around W^X and around
 * the page-table code. Device registers and memory outside RAM are no frames
 * of the PMM and may be mapped.
 */
static inline bool frame_mappable(const struct mmu_aspace *as, paddr_t pa)
{
	uint32_t frame = pa >> PAGE_SHIFT;
	const struct pmm *pmm = as->pmm;

	/* (Before the PMM is up only the boot code maps: the linear map's sections.) */
	return !pmm || frame >= pmm->end ||
	       (frame >= pmm->first && pmm->frames[frame] != PMM_FRAME_TABLE);
}

/* Whether [va, va + bytes) touches the pages only the boot stub sets (the image's). */
static inline bool touches_fixed(const struct mmu_aspace *as, vaddr_t va, uint64_t bytes)
{
	return va - as->fixed_start < as->fixed_size ||
	       (va < as->fixed_start && va + bytes > as->fixed_start);
}

/*
 * The stretch of [at, end) that falls in one L1 entry: a range of pages is
 * walked table by table with these.
 */
struct span {
	unsigned index;   /* the L1 entry */
	vaddr_t at, stop; /* [at, stop): this entry's part of the range */
	size_t pages;
};

static void span_first(struct span *s, vaddr_t va, vaddr_t end)
{
	s->at = va;
	s->index = va >> SECTION_SHIFT;
	s->stop = (end - 1) >> SECTION_SHIFT == s->index ? end
							 : (vaddr_t)(s->index + 1) << SECTION_SHIFT;
	s->pages = (s->stop - s->at) >> PAGE_SHIFT;
}

/* Move to the next entry's stretch; false when the range is done. */
static bool span_next(struct span *s, vaddr_t end)
{
	if (s->stop == end)
		return false;
	span_first(s, s->stop, end);
	return true;
}

/* The first L2 entry of the stretch (its L1 entry must be a page table). */
static uint32_t *span_ptes(const struct mmu_aspace *as, const struct span *s)
{
	return l2_table(as->l1[s->index]) + (s->at >> PAGE_SHIFT) % L2_ENTRIES;
}

unsigned mmu_table_frames(const struct mmu_aspace *as)
{
	return as->table_frames;
}

void mmu_kernel_init(struct pmm *pmm)
{
	struct mmu_aspace *as = &kernel_aspace;

	as->pmm = pmm;
	as->fixed_tables_end = virt_to_phys_linear((vaddr_t)__kernel_end);
	/* Count the valid entries of the tables the boot stub built (the image's pages). */
	for (unsigned index = as->base >> SECTION_SHIFT; index < L1_ENTRIES; index++) {
		const uint32_t *table;

		if ((as->l1[index] & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
			continue;
		table = l2_table(as->l1[index]);
		*used_count(as, index) = 0;
		for (unsigned i = 0; i < L2_ENTRIES; i++)
			*used_count(as, index) += (table[i] & L2_TYPE_SMALL) != 0;
	}
}

/*
 * The L2 table for L1 index i, hooked in if there is none: it shares the
 * frame of its group if a neighbour has one, else takes a fresh frame.
 */
static int get_l2_table(struct mmu_aspace *as, unsigned index, uint32_t **table)
{
	uint32_t *l1 = as->l1;
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
		error = pmm_alloc_frame(as->pmm, &frame);
		if (error)
			return error;
		pmm_frame_set_table(as->pmm, frame, true); /* (just allocated: cannot fail) */
		memset((void *)phys_to_virt(frame), 0, PAGE_SIZE);
		clean_descriptors((const uint32_t *)phys_to_virt(frame), PAGE_SIZE / 4);
		/*
		 * ARM ARM B3.10.1: a translation table write is visible to walks
		 * only after a DSB. Until then a walk that already sees the L1
		 * entry below could read what the frame held before, and cache
		 * it in the TLB as a valid page.
		 */
		dsb();
		as->table_frames++;
	}
	l1[index] = descriptor_page_table(frame + (index - group) * L2_TABLE_SIZE) |
		    (as->user ? L1_PAGE_TABLE_PXN : 0);
	clean_descriptor(&l1[index]);
	*used_count(as, index) = 0;
	*table = l2_table(l1[index]);
	return 0;
}

/* A page at va (whose L1 entry has no table yet) through a new or shared L2 table. */
static int map_page_new_table(struct mmu_aspace *as, vaddr_t va, uint32_t descriptor)
{
	unsigned index = va >> SECTION_SHIFT;
	uint32_t *table, *pte;
	int error;

	if ((as->l1[index] & L1_TYPE_MASK) == L1_TYPE_SECTION)
		return ERR_EXISTS;
	error = get_l2_table(as, index, &table);
	if (error)
		return error;
	pte = &table[(va >> PAGE_SHIFT) % L2_ENTRIES];
	*pte = descriptor;
	clean_descriptor(pte);
	(*used_count(as, index))++;
	dsb();
	isb();
	return 0;
}

/*
 * A page where there was none, in a table already hooked in at L1 index
 * index: the entry, its clean, the table's count, and the DSB that makes it
 * visible to the walker (B3.10.1: entries that fault are never in a TLB),
 * with an ISB when it is code.
 */
static inline void set_empty_pte(struct mmu_aspace *as, unsigned index, uint32_t *pte,
				 uint32_t descriptor, unsigned perm)
{
	*pte = descriptor;
	clean_descriptor(pte);
	as->l2_used_by_index[index]++;
	dsb();
	if (perm & MEM_EXEC)
		isb();
}

/*
 * The common case, an L2 table already there, is a straight line: one
 * table lookup validates kind and permission and gives the descriptor's
 * bits, one compare the range, and a new entry where there was none needs
 * only the DSB that makes it visible to the walker (B3.10.1: entries that
 * fault are never in a TLB), and an ISB when it is code.
 */
int mmu_map_page(struct mmu_aspace *as, vaddr_t va, paddr_t pa, enum mem_kind kind, unsigned perm)
{
	unsigned index = va >> SECTION_SHIFT;
	uint32_t attributes, entry, *pte;

	if ((unsigned)kind >= MEM_KIND_COUNT || perm > MEM_PERM_MASK)
		return ERR_INVALID;
	attributes = descriptor_page_attributes(kind, perm);
	if (!attributes || ((va | pa) & (PAGE_SIZE - 1)) || !perm_fits(as, perm))
		return ERR_INVALID;
	if (va - as->base > as->last_offset)
		return ERR_RANGE;
	entry = as->l1[index];
	if ((entry & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE) {
		if (!frame_mappable(as, pa))
			return ERR_RESERVED;
		return map_page_new_table(as, va, pa | attributes);
	}
	pte = l2_table(entry) + ((va >> PAGE_SHIFT) & (L2_ENTRIES - 1));
	if (*pte & L2_TYPE_SMALL)
		return ERR_EXISTS;
	if (!frame_mappable(as, pa) || va - as->fixed_start < as->fixed_size)
		return ERR_RESERVED;
	set_empty_pte(as, index, pte, pa | attributes, perm);
	return 0;
}

int mmu_map_pages(struct mmu_aspace *as, vaddr_t va, const paddr_t *frames, size_t count,
		  enum mem_kind kind, unsigned perm)
{
	vaddr_t end = va + count * PAGE_SIZE;
	uint32_t attributes;
	struct span s;
	int error = 0;

	if (va & (PAGE_SIZE - 1) || count == 0 || count > ((1ULL << 32) - va) / PAGE_SIZE ||
	    !kind_and_perm_valid(kind, perm) || !perm_fits(as, perm))
		return ERR_INVALID;
	if (!in_aspace(as, va, (uint64_t)count * PAGE_SIZE))
		return ERR_RANGE;
	for (size_t i = 0; i < count; i++)
		if (frames[i] & (PAGE_SIZE - 1))
			return ERR_INVALID;
	for (size_t i = 0; i < count; i++)
		if (!frame_mappable(as, frames[i]))
			return ERR_RESERVED;
	if (touches_fixed(as, va, (uint64_t)count * PAGE_SIZE))
		return ERR_RESERVED;

	/* Check first: nothing may be mapped in the range. */
	span_first(&s, va, end);
	do {
		uint32_t type = as->l1[s.index] & L1_TYPE_MASK;

		if (type == L1_TYPE_SECTION)
			return ERR_EXISTS;
		if (type == L1_TYPE_PAGE_TABLE) {
			const uint32_t *pte = span_ptes(as, &s);

			for (size_t i = 0; i < s.pages; i++)
				if (pte[i] & L2_TYPE_SMALL)
					return ERR_EXISTS;
		}
	} while (span_next(&s, end));
	/* Then the tables; if one cannot be had, the ones just hooked in go again. */
	span_first(&s, va, end);
	do {
		uint32_t *table;

		error = get_l2_table(as, s.index, &table);
	} while (!error && span_next(&s, end));
	if (error) {
		dsb();
		release_empty_tables(as, va >> SECTION_SHIFT, (end - 1) >> SECTION_SHIFT);
		return error;
	}
	/* Then the entries: one attribute word, the frame addresses, one clean per line. */
	attributes = descriptor_page(0, kind, perm);
	span_first(&s, va, end);
	do {
		uint32_t *pte = span_ptes(as, &s);

		for (size_t i = 0; i < s.pages; i++)
			pte[i] = *frames++ | attributes;
		clean_descriptors(pte, s.pages);
		*used_count(as, s.index) += (uint16_t)s.pages;
	} while (span_next(&s, end));
	dsb();
	isb();
	return 0;
}

/* Flush the TLB (and walks cached from unhooked tables), then give the frames back. */
static void flush_and_free(struct mmu_aspace *as, paddr_t *pending, unsigned *count)
{
	dsb();
	tlb_invalidate_all_is();
	after_invalidate();
	while (*count) {
		pmm_frame_set_table(as->pmm, pending[--*count], false);
		pmm_free_frame(as->pmm, pending[*count]);
		as->table_frames--;
	}
}

/*
 * Unhook the L2 tables that became empty among L1 entries [first, last],
 * and give back the frames none of whose four tables is in use any more,
 * after a TLB flush (nothing cached may still point into them).
 */
static void release_empty_tables(struct mmu_aspace *as, unsigned first, unsigned last)
{
	uint32_t *l1 = as->l1;
	paddr_t pending[PENDING_FRAMES];
	unsigned count = 0;

	for (unsigned index = first; index <= last; index++) {
		unsigned group = index & ~(L1_GROUP - 1);
		paddr_t frame;
		bool in_use = false;

		if ((l1[index] & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE || *used_count(as, index) != 0)
			continue;
		frame = l1[index] & ~(paddr_t)(PAGE_SIZE - 1);
		if (frame < as->fixed_tables_end)
			continue; /* the image's own pages: emptied only by a test, kept */
		l1[index] = L1_TYPE_FAULT;
		clean_descriptor(&l1[index]);
		for (unsigned i = group; i < group + L1_GROUP; i++)
			in_use |= (l1[i] & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE;
		if (in_use)
			continue;
		pending[count++] = frame;
		if (count == PENDING_FRAMES)
			flush_and_free(as, pending, &count);
	}
	flush_and_free(as, pending, &count);
}

int mmu_unmap_range(struct mmu_aspace *as, vaddr_t va, size_t count)
{
	return mmu_unmap_pages(as, va, count, NULL);
}

int mmu_unmap_pages(struct mmu_aspace *as, vaddr_t va, size_t count, paddr_t *frames)
{
	vaddr_t end = va + count * PAGE_SIZE;
	bool emptied = false;
	struct span s;

	if (va & (PAGE_SIZE - 1) || count == 0 || count > ((1ULL << 32) - va) / PAGE_SIZE)
		return ERR_INVALID;
	if (!in_aspace(as, va, (uint64_t)count * PAGE_SIZE))
		return ERR_RANGE;
	if (touches_fixed(as, va, (uint64_t)count * PAGE_SIZE))
		return ERR_RESERVED;

	/* Check first: every page must be mapped, or nothing changes. */
	span_first(&s, va, end);
	do {
		const uint32_t *pte;
		uint32_t all = L2_TYPE_SMALL;

		if ((as->l1[s.index] & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
			return ERR_NOT_FOUND;
		pte = span_ptes(as, &s);
		for (size_t i = 0; i < s.pages; i++)
			all &= pte[i];
		if (!all)
			return ERR_NOT_FOUND;
	} while (span_next(&s, end));

	/* Clear them, table by table. */
	span_first(&s, va, end);
	do {
		uint32_t *pte = span_ptes(as, &s);

		if (frames) {
			for (size_t i = 0; i < s.pages; i++)
				*frames++ = pte[i] & L2_PAGE_BASE_MASK;
		}
		memset(pte, 0, s.pages * sizeof(*pte));
		clean_descriptors(pte, s.pages);
		*used_count(as, s.index) -= (uint16_t)s.pages;
		emptied |= *used_count(as, s.index) == 0;
	} while (span_next(&s, end));
	dsb();
	if (count > MMU_UNMAP_FULL_FLUSH_PAGES) {
		tlb_invalidate_all_is();
	} else {
		for (vaddr_t at = va; at != end; at += PAGE_SIZE)
			tlb_invalidate_va(at);
	}
	after_invalidate();
	if (emptied)
		release_empty_tables(as, va >> SECTION_SHIFT, (end - 1) >> SECTION_SHIFT);
	return 0;
}

/*
 * One page, the common case in a straight line: the entry cleared and
 * cleaned, DSB, the TLB entry invalidated on every core, the branch
 * predictor, DSB, ISB (B3.10.1, B2.2.7); the table goes only when that was
 * its last page.
 */
int mmu_unmap_page(struct mmu_aspace *as, vaddr_t va)
{
	unsigned index = va >> SECTION_SHIFT;
	uint32_t entry, *pte;

	if (va & (PAGE_SIZE - 1))
		return ERR_INVALID;
	if (va - as->base > as->last_offset)
		return ERR_RANGE;
	if (va - as->fixed_start < as->fixed_size)
		return ERR_RESERVED;
	entry = as->l1[index];
	if ((entry & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
		return ERR_NOT_FOUND;
	pte = l2_table(entry) + ((va >> PAGE_SHIFT) & (L2_ENTRIES - 1));
	if (!(*pte & L2_TYPE_SMALL))
		return ERR_NOT_FOUND;
	*pte = L2_TYPE_FAULT;
	clean_descriptor(pte);
	dsb();
	tlb_invalidate_va(va);
	after_invalidate();
	if (--as->l2_used_by_index[index] == 0)
		release_empty_tables(as, index, index);
	return 0;
}

int mmu_map_section(struct mmu_aspace *as, vaddr_t va, paddr_t pa, enum mem_kind kind,
		    unsigned perm)
{
	uint32_t *entry = &as->l1[va >> SECTION_SHIFT];

	if ((va | pa) & (SECTION_SIZE - 1) || !kind_and_perm_valid(kind, perm) ||
	    (perm & MEM_USER) || as->user)
		return ERR_INVALID; /* processes get pages only */
	if (!in_aspace(as, va, SECTION_SIZE))
		return ERR_RANGE;
	if ((*entry & L1_TYPE_MASK) != L1_TYPE_FAULT)
		return ERR_EXISTS; /* a section, or a table with (or just had) pages */
	if ((as->pmm && pa < ((paddr_t)as->pmm->first << PAGE_SHIFT)) ||
	    touches_fixed(as, va, SECTION_SIZE))
		return ERR_RESERVED; /* (the linear map owns RAM's sections; none reach the image) */
	*entry = descriptor_section(pa, kind, perm);
	clean_descriptor(entry);
	dsb();
	isb();
	return 0;
}

int mmu_unmap_sections(struct mmu_aspace *as, vaddr_t va, size_t count)
{
	uint32_t *first = &as->l1[va >> SECTION_SHIFT];

	if (va & (SECTION_SIZE - 1) || count == 0 || count > ((1ULL << 32) - va) >> SECTION_SHIFT)
		return ERR_INVALID;
	if (!in_aspace(as, va, (uint64_t)count << SECTION_SHIFT))
		return ERR_RANGE;
	for (size_t i = 0; i < count; i++) {
		if ((first[i] & L1_TYPE_MASK) != L1_TYPE_SECTION)
			return ERR_NOT_FOUND;
	}
	memset(first, 0, count * sizeof(*first));
	clean_descriptors(first, count);
	dsb();
	/* A section is one TLB entry: one invalidate each, as for pages, up to the same bound. */
	if (count > MMU_UNMAP_FULL_FLUSH_PAGES) {
		tlb_invalidate_all_is();
	} else {
		for (size_t i = 0; i < count; i++)
			tlb_invalidate_va(va + i * SECTION_SIZE);
	}
	after_invalidate();
	return 0;
}

int mmu_unmap_section(struct mmu_aspace *as, vaddr_t va)
{
	return mmu_unmap_sections(as, va, 1);
}

int mmu_query(const struct mmu_aspace *as, vaddr_t va, struct mmu_mapping *mapping)
{
	uint32_t entry = as->l1[va >> SECTION_SHIFT];
	struct mem_attributes attributes;

	if (!in_aspace(as, va, 1))
		return ERR_NOT_FOUND;
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

/* Second-level tables are in RAM, read through the linear map; anything else cannot be read. */
static const uint32_t *l2_through_linear_map(void *context, paddr_t table_phys)
{
	const struct mmu_aspace *as = context;

	if (table_phys >= (paddr_t)as->pmm->end << PAGE_SHIFT)
		return NULL;
	return (const uint32_t *)phys_to_virt(table_phys);
}

void mmu_table_source(const struct mmu_aspace *as, struct ptdump_source *source)
{
	uint64_t end = (uint64_t)as->base + as->last_offset + 1;

	source->l1 = as->l1;
	source->l1_entries = (unsigned)(end >> SECTION_SHIFT);
	source->l2_at = l2_through_linear_map;
	source->context = (void *)as;
}

/*
 * A process's table: two frames, 8 KiB aligned (TTBR0 with TTBCR.N = 1
 * wants the table aligned to its size, ARM ARM B4.1.154), marked as table
 * frames so that nothing maps them; and one frame of entry counts.
 */
int mmu_user_create(struct mmu_aspace *as, struct pmm *pmm)
{
	paddr_t l1, counts;
	int error;

	error = pmm_alloc_contiguous(pmm, USER_L1_SIZE / PAGE_SIZE, USER_L1_SIZE / PAGE_SIZE, &l1);
	if (error)
		return error;
	error = pmm_alloc_frame(pmm, &counts);
	if (error) {
		pmm_free_contiguous(pmm, l1, USER_L1_SIZE / PAGE_SIZE);
		return error;
	}
	for (unsigned i = 0; i < USER_L1_SIZE / PAGE_SIZE; i++)
		pmm_frame_set_table(pmm, l1 + i * PAGE_SIZE, true);
	*as = (struct mmu_aspace){
		.l1 = (uint32_t *)phys_to_virt(l1),
		.l1_phys = l1,
		.base = 0,
		.last_offset = USER_SPACE_END - 1,
		.l2_used_by_index = (uint16_t *)phys_to_virt(counts),
		.pmm = pmm,
		.user = true,
	};
	memset(as->l1, 0, USER_L1_SIZE);
	memset(as->l2_used_by_index, 0, PAGE_SIZE);
	_Static_assert(USER_L1_ENTRIES * sizeof(uint16_t) <= PAGE_SIZE, "counts fit a frame");
	clean_descriptors(as->l1, USER_L1_ENTRIES);
	dsb();
	return 0;
}

/* The left present pages of an L2 table, each to release. */
static void release_table_pages(const uint32_t *table, unsigned left, mmu_release_fn release,
				void *context)
{
	for (unsigned i = 0; left; i++) {
		if (!(table[i] & L2_TYPE_SMALL))
			continue;
		left--;
		release(context, table[i] & L2_PAGE_BASE_MASK);
	}
}

/* The same, each page's reference dropped in the PMM, with its frame table in registers. */
static void drop_table_pages(struct pmm *pmm, const uint32_t *table, unsigned left)
{
	uint8_t *frames = pmm->frames;
	uint32_t end = pmm->end;

	for (unsigned i = 0; left; i++) {
		uint32_t pte = table[i];

		if (!(pte & L2_TYPE_SMALL))
			continue;
		left--;
		if (!pmm_frame_unshare_fast(frames, end, pte & L2_PAGE_BASE_MASK))
			pmm_free_frame(pmm, pte & L2_PAGE_BASE_MASK);
	}
}

uint32_t mmu_user_destroy(struct mmu_aspace *as, mmu_release_fn release, void *context)
{
	paddr_t tables[USER_L1_ENTRIES / L1_GROUP];
	unsigned table_count = 0;
	uint32_t pages = 0;

	for (unsigned group = 0; group < USER_L1_ENTRIES; group += L1_GROUP) {
		paddr_t frame = 0;

		for (unsigned index = group; index < group + L1_GROUP; index++) {
			uint32_t entry = as->l1[index];
			const uint32_t *table;
			unsigned left;

			if ((entry & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
				continue;
			table = l2_table(entry);
			left = *used_count(as, index);
			pages += left;
			if (release)
				release_table_pages(table, left, release, context);
			else
				drop_table_pages(as->pmm, table, left);
			frame = entry & ~(paddr_t)(PAGE_SIZE - 1);
			as->l1[index] = L1_TYPE_FAULT;
		}
		if (frame)
			tables[table_count++] = frame;
	}
	/*
	 * Nothing walks this table any more (it is no core's TTBR0), but the
	 * TLB may still hold its ASID's entries and walks: drop them before
	 * any frame they point into is reused.
	 */
	context_forget(as);
	for (unsigned i = 0; i < table_count; i++) {
		pmm_frame_set_table(as->pmm, tables[i], false);
		pmm_free_frame(as->pmm, tables[i]);
	}
	as->table_frames -= table_count;
	for (unsigned i = 0; i < USER_L1_SIZE / PAGE_SIZE; i++)
		pmm_frame_set_table(as->pmm, as->l1_phys + i * PAGE_SIZE, false);
	pmm_free_contiguous(as->pmm, as->l1_phys, USER_L1_SIZE / PAGE_SIZE);
	pmm_free_frame(as->pmm, virt_to_phys_linear((vaddr_t)as->l2_used_by_index));
	as->l1 = NULL;
	as->l2_used_by_index = NULL;
	return pages;
}

uint32_t mmu_table_bytes(const struct mmu_aspace *as)
{
	return (as->user ? USER_L1_SIZE + PAGE_SIZE : 0) + as->table_frames * PAGE_SIZE;
}

/*
 * Walk the present pages of [start, end) of a process's table: each is
 * unmapped (release given its frame) or, with release NULL, rewritten
 * with perm. Tables with nothing left are given back. TLB: by address for
 * a few pages, the address space's ASID beyond MMU_UNMAP_FULL_FLUSH_PAGES.
 */
static uint32_t user_walk(struct mmu_aspace *as, vaddr_t start, vaddr_t end, unsigned perm,
			  mmu_release_fn release, void *context)
{
	uint32_t attributes = descriptor_page(0, MEM_NORMAL, perm), changed = 0;
	/* A frame shared copy-on-write stays read-only: its first write copies it. */
	uint32_t shared_attributes = descriptor_page(0, MEM_NORMAL, perm & ~MEM_WRITE);
	bool emptied = false;
	struct span s;

	if (start >= end)
		return 0;
	span_first(&s, start, end);
	do {
		uint32_t *pte;

		if ((as->l1[s.index] & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
			continue;
		pte = span_ptes(as, &s);
		for (size_t i = 0; i < s.pages; i++) {
			if (!(pte[i] & L2_TYPE_SMALL))
				continue;
			if (release) {
				release(context, pte[i] & L2_PAGE_BASE_MASK);
				pte[i] = L2_TYPE_FAULT;
				emptied |= --*used_count(as, s.index) == 0;
			} else {
				paddr_t frame = pte[i] & L2_PAGE_BASE_MASK;

				pte[i] = frame |
					 (pmm_frame_refs(as->pmm, frame) > 1 ? shared_attributes
									     : attributes);
			}
			clean_descriptor(&pte[i]);
			changed++;
		}
	} while (span_next(&s, end));
	if (!changed)
		return 0;
	dsb();
	if ((changed > MMU_UNMAP_FULL_FLUSH_PAGES ||
	     (end - start) >> PAGE_SHIFT > MMU_UNMAP_FULL_FLUSH_PAGES) &&
	    context_asid(as)) {
		tlb_invalidate_asid_is(context_asid(as));
	} else {
		for (vaddr_t at = start; at < end; at += PAGE_SIZE)
			tlb_invalidate_va(at);
	}
	after_invalidate();
	if (emptied)
		release_empty_tables(as, start >> SECTION_SHIFT, (end - 1) >> SECTION_SHIFT);
	return changed;
}

uint32_t mmu_user_unmap(struct mmu_aspace *as, vaddr_t start, vaddr_t end, mmu_release_fn release,
			void *context)
{
	if (!as->user || !release || end > USER_SPACE_END || (start | end) & (PAGE_SIZE - 1))
		return 0;
	return user_walk(as, start, end, 0, release, context);
}

int mmu_user_protect(struct mmu_aspace *as, vaddr_t start, vaddr_t end, unsigned perm,
		     uint32_t *changed)
{
	if (!as->user || end > USER_SPACE_END || (start | end) & (PAGE_SIZE - 1) ||
	    !kind_and_perm_valid(MEM_NORMAL, perm) || !(perm & MEM_USER))
		return ERR_INVALID;
	*changed = user_walk(as, start, end, perm, NULL, NULL);
	return 0;
}

/*
 * Fork: every present page of parent's table appears at the same address
 * in child's, on the same frame, read-only in both, the frame with one
 * reference more. Tables are copied eagerly: a table walk at fork is a few
 * instructions a page, cheaper than a fault a page later. Only the
 * parent's writable entries change, and only in permission (writable to
 * read-only, same frame and attributes): no break-before-make is needed
 * for that (ARM ARM B3.10.1 asks for it when the output address or the
 * memory attributes change), only the TLB invalidate, done once for the
 * parent's ASID after all the writes and a DSB.
 */
int mmu_user_fork(struct mmu_aspace *child, struct mmu_aspace *parent, uint32_t *pages)
{
	uint32_t shared = 0;
	bool shared_any = false;
	struct pmm *pmm = parent->pmm;
	uint8_t *frames;
	uint32_t end;
	int error = 0;

	if (!child->user || !parent->user)
		return ERR_INVALID;
	frames = pmm->frames;
	end = pmm->end;
	for (unsigned index = 0; index < USER_L1_ENTRIES; index++) {
		uint32_t entry = parent->l1[index], *from, *to;
		unsigned left = *used_count(parent, index);

		if ((entry & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE || left == 0)
			continue;
		error = get_l2_table(child, index, &to);
		if (error)
			break;
		from = l2_table(entry);
		*used_count(child, index) = left;
		shared += left;
		for (unsigned i = 0; left; i++) {
			uint32_t pte = from[i];

			if (!(pte & L2_TYPE_SMALL))
				continue;
			left--;
			pte |= L2_PAGE_AP2; /* (stored whether it changes or not: a test costs more) */
			from[i] = pte;
			to[i] = pte;
			if (!pmm_frame_share_fast(frames, end, pte & L2_PAGE_BASE_MASK) &&
			    pmm_frame_share(pmm, pte & L2_PAGE_BASE_MASK))
				panic("fork: frame 0x%08lx of 0x%08lx cannot be shared (refs %u)",
				      (unsigned long)(pte & L2_PAGE_BASE_MASK),
				      (unsigned long)(index << SECTION_SHIFT | i << PAGE_SHIFT),
				      pmm_frame_refs(parent->pmm, pte & L2_PAGE_BASE_MASK));
		}
		clean_descriptors(to, L2_ENTRIES);
		clean_descriptors(from, L2_ENTRIES);
		shared_any = true;
	}
	dsb();
	if (shared_any) {
		if (context_asid(parent))
			tlb_invalidate_asid_is(context_asid(parent));
		after_invalidate();
	}
	*pages = shared;
	return error;
}

/* The L2 entry of va in a process's table, or NULL if there is no table. */
static uint32_t *user_pte(struct mmu_aspace *as, vaddr_t va)
{
	uint32_t entry = as->l1[va >> SECTION_SHIFT];

	if ((entry & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
		return NULL;
	return l2_table(entry) + ((va >> PAGE_SHIFT) & (L2_ENTRIES - 1));
}

/*
 * The fault path's map: a frame the PMM has just handed out, at a page of a
 * region. Neither can be one of the refused kinds (a frame of the PMM's is
 * not the image's and holds no table; a region lies in user space, away
 * from anything the boot stub set), so of mmu_map_page's checks only the
 * cheap ones stay: the permission, the address space and the empty entry.
 */
int mmu_user_map_new_frame(struct mmu_aspace *as, vaddr_t va, paddr_t frame, unsigned perm)
{
	uint32_t attributes, *pte;

	if (perm > MEM_PERM_MASK || !(perm & MEM_USER) || !as->user || va >= USER_SPACE_END ||
	    ((va | frame) & (PAGE_SIZE - 1)))
		return ERR_INVALID;
	attributes = descriptor_page_attributes(MEM_NORMAL, perm);
	if (!attributes)
		return ERR_INVALID;
	pte = user_pte(as, va);
	if (!pte)
		return mmu_map_page(as, va, frame, MEM_NORMAL, perm); /* (a table to hook in) */
	if (*pte & L2_TYPE_SMALL)
		return ERR_EXISTS;
	set_empty_pte(as, va >> SECTION_SHIFT, pte, frame | attributes, perm);
	return 0;
}

/* The TLB entry of one page of a process (its ASID on every core), then BPIALL, DSB, ISB. */
static void tlb_invalidate_user_page(struct mmu_aspace *as, vaddr_t va)
{
	if (context_asid(as))
		tlb_invalidate_page_asid_is((va & ~(PAGE_SIZE - 1)) | context_asid(as));
	after_invalidate();
}

int mmu_user_page(struct mmu_aspace *as, vaddr_t va, paddr_t *frame, bool *writable)
{
	uint32_t *pte = as->user && va < USER_SPACE_END ? user_pte(as, va) : NULL;

	if (!pte || !(*pte & L2_TYPE_SMALL))
		return ERR_NOT_FOUND;
	*frame = *pte & L2_PAGE_BASE_MASK;
	*writable = !(*pte & L2_PAGE_AP2);
	return 0;
}

int mmu_user_make_writable(struct mmu_aspace *as, vaddr_t va)
{
	uint32_t *pte = as->user && va < USER_SPACE_END ? user_pte(as, va) : NULL;

	if (!pte || !(*pte & L2_TYPE_SMALL) || !(*pte & L2_PAGE_XN))
		return ERR_INVALID;
	/* A permission change on the same frame: no break needed, only the TLB's old entry out. */
	*pte &= ~L2_PAGE_AP2;
	clean_descriptor(pte);
	dsb();
	tlb_invalidate_user_page(as, va);
	return 0;
}

int mmu_user_replace(struct mmu_aspace *as, vaddr_t va, paddr_t frame, unsigned perm)
{
	uint32_t *pte = as->user && va < USER_SPACE_END ? user_pte(as, va) : NULL;
	uint32_t attributes;

	if (!pte || !(*pte & L2_TYPE_SMALL) || (frame & (PAGE_SIZE - 1)) || !(perm & MEM_USER) ||
	    !kind_and_perm_valid(MEM_NORMAL, perm) || !frame_mappable(as, frame))
		return ERR_INVALID;
	attributes = descriptor_page(0, MEM_NORMAL, perm);
	/*
	 * A new output address for a valid entry: break-before-make (ARM ARM
	 * B3.10.1). The entry goes invalid, is made visible, the TLB forgets
	 * it on every core; only then does the new one appear.
	 */
	*pte = L2_TYPE_FAULT;
	clean_descriptor(pte);
	dsb();
	tlb_invalidate_user_page(as, va);
	*pte = frame | attributes;
	clean_descriptor(pte);
	dsb();
	isb();
	return 0;
}
