/*
 * mm/mmio.c - the MMIO allocator (mm/mmio.h).
 *
 * A small table of mappings, in the order they were made: each new one sits
 * right below the previous one, at the window's floor. When a mapping goes,
 * its pages are unmapped at once; the floor moves back up over it when it
 * is the lowest (and over any others already gone that it uncovers).
 * Space in the middle is not reused: device mappings are few and live long.
 */
#include "mm/mmio.h"

#include "mm/kernel_map.h"

#include <stdbool.h>

#include "kernel/error.h"
#include "mm/mm.h"
#include "mm/mmu.h"

struct mmio_region {
	paddr_t phys;
	vaddr_t virt;
	uint32_t pages; /* 0: slot unused */
	enum mem_kind kind;
	uint32_t references; /* 0 with pages != 0: unmapped, still holding window space */
};

static struct mmio_region regions[MMIO_MAX_MAPPINGS];

/*
 * Every address mmio_map handed out, with its mapping: mmio_unmap takes
 * exactly these, so that a pointer into a mapping (or one past its end)
 * cannot drop another user's reference.
 */
static struct {
	vaddr_t virt;
	struct mmio_region *region; /* NULL: slot unused */
} handles[MMIO_MAX_HANDLES];

/* Record a handed-out address; false when the table is full. */
static bool hand_out(struct mmio_region *region, vaddr_t virt)
{
	for (unsigned i = 0; i < MMIO_MAX_HANDLES; i++) {
		if (!handles[i].region) {
			handles[i].virt = virt;
			handles[i].region = region;
			region->references++;
			return true;
		}
	}
	return false;
}

/* Whether a live mapping of another kind covers any of [first, end) (ARM ARM A3.5.7). */
static bool other_kind_overlaps(uint64_t first, uint64_t end, enum mem_kind kind)
{
	for (unsigned i = 0; i < MMIO_MAX_MAPPINGS; i++) {
		const struct mmio_region *r = &regions[i];

		if (r->references && r->kind != kind &&
		    first < (uint64_t)r->phys + (uint64_t)r->pages * PAGE_SIZE && end > r->phys)
			return true;
	}
	return false;
}

static int kind_is_for_devices(enum mem_kind kind)
{
	return kind == MEM_DEVICE || kind == MEM_STRONGLY_ORDERED || kind == MEM_NORMAL_UNCACHED;
}

static bool handles_free(void)
{
	for (unsigned i = 0; i < MMIO_MAX_HANDLES; i++)
		if (!handles[i].region)
			return true;
	return false;
}

static struct mmio_region *free_slot(void)
{
	for (unsigned i = 0; i < MMIO_MAX_MAPPINGS; i++)
		if (regions[i].pages == 0)
			return &regions[i];
	return NULL;
}

static int map_locked(paddr_t phys, size_t size, enum mem_kind kind, vaddr_t *virt)
{
	uint64_t first = phys & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t end = ((uint64_t)phys + size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	uint32_t pages = (uint32_t)((end - first) / PAGE_SIZE);
	struct mmio_region *region;
	uint64_t at;
	int error;

	if (size == 0 || (uint64_t)phys + size > 0x100000000ULL || !kind_is_for_devices(kind))
		return ERR_INVALID;
	if (first < mm_ram_end())
		return ERR_INVALID; /* RAM: the linear map already has it, cacheable */

	/*
	 * One location, one memory type: a range that a mapping of another kind
	 * already reaches is refused (mismatched attributes, ARM ARM A3.5.7).
	 */
	if (other_kind_overlaps(first, end, kind))
		return ERR_EXISTS;
	/* Already mapped with this kind: share it. */
	for (unsigned i = 0; i < MMIO_MAX_MAPPINGS; i++) {
		struct mmio_region *r = &regions[i];

		if (r->references && r->kind == kind && first >= r->phys &&
		    end <= (uint64_t)r->phys + (uint64_t)r->pages * PAGE_SIZE) {
			if (!hand_out(r, r->virt + (phys - r->phys)))
				return ERR_NO_MEMORY;
			*virt = r->virt + (phys - r->phys);
			return 0;
		}
	}
	region = free_slot();
	if (!region || !handles_free())
		return ERR_NO_MEMORY;
	error = window_mmio_grow(&kernel_window, pages, &at);
	if (error)
		return error;
	for (uint32_t i = 0; i < pages; i++) {
		error = mmu_map_page(&kernel_aspace, (vaddr_t)at + i * PAGE_SIZE,
				     (paddr_t)first + i * PAGE_SIZE, kind, MEM_WRITE);
		if (error) {
			if (i)
				mmu_unmap_range(&kernel_aspace, (vaddr_t)at, i);
			window_mmio_shrink(&kernel_window, pages);
			return error;
		}
	}
	region->phys = (paddr_t)first;
	region->virt = (vaddr_t)at;
	region->pages = pages;
	region->kind = kind;
	region->references = 0;
	hand_out(region, region->virt + (phys - region->phys)); /* (room checked above) */
	*virt = region->virt + (phys - region->phys);
	return 0;
}

/* Move the floor up over released regions at the bottom. */
static void raise_floor(void)
{
	for (;;) {
		struct mmio_region *lowest = NULL;

		for (unsigned i = 0; i < MMIO_MAX_MAPPINGS; i++)
			if (regions[i].pages && regions[i].virt == kernel_window.mmio_floor)
				lowest = &regions[i];
		if (!lowest || lowest->references)
			return;
		window_mmio_shrink(&kernel_window, lowest->pages);
		lowest->pages = 0;
	}
}

static int unmap_locked(vaddr_t virt)
{
	for (unsigned i = 0; i < MMIO_MAX_HANDLES; i++) {
		struct mmio_region *r = handles[i].region;

		if (!r || handles[i].virt != virt)
			continue;
		handles[i].region = NULL;
		if (--r->references == 0) {
			mmu_unmap_range(&kernel_aspace, r->virt, r->pages);
			raise_floor();
		}
		return 0;
	}
	return ERR_NOT_FOUND;
}

int mmio_map(paddr_t phys, size_t size, enum mem_kind kind, vaddr_t *virt)
{
	int error;

	kernel_map_lock();
	error = map_locked(phys, size, kind, virt);
	kernel_map_unlock();
	return error;
}

int mmio_unmap(vaddr_t virt)
{
	int error;

	kernel_map_lock();
	error = unmap_locked(virt);
	kernel_map_unlock();
	return error;
}

unsigned mmio_list(struct mmio_mapping_info *out, unsigned max)
{
	unsigned count = 0;

	for (unsigned i = 0; i < MMIO_MAX_MAPPINGS && count < max; i++) {
		if (!regions[i].references)
			continue;
		out[count].phys = regions[i].phys;
		out[count].virt = regions[i].virt;
		out[count].pages = regions[i].pages;
		out[count].kind = regions[i].kind;
		out[count].references = regions[i].references;
		count++;
	}
	return count;
}
