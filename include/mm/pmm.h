/*
 * mm/pmm.h - the physical memory manager: 4 KiB frames of RAM.
 *
 * See the theory of operation at the top of mm/pmm.c. The PMM reaches
 * frames through a window where physical address 0 appears at virtual
 * address phys_window (the kernel's linear map; in the host tests, an
 * array standing in for RAM), so the same code runs in both.
 */
#ifndef BRAMBLE_MM_PMM_H
#define BRAMBLE_MM_PMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/error.h"
#include "layout.h"
#include "mm/mm_lock.h"

#define PMM_MAX_RESERVED 8 /* reserved ranges inside managed RAM */

/*
 * A frame's byte in the frame table: free, reserved, or allocated with
 * its number of references (a frame shared copy-on-write by several
 * address spaces has one each), or free in a core's cache.
 */
#define PMM_FRAME_FREE     0
#define PMM_REFS_MAX       252
#define PMM_FRAME_CACHED   253 /* free, in a core's cache (struct pmm_cache) */
#define PMM_FRAME_TABLE    254 /* allocated, and holding translation tables */
#define PMM_FRAME_RESERVED 255

/*
 * Each core keeps up to PMM_CACHE_SIZE free frames of its own: its frame
 * allocations and frees take and put them there without a lock, and
 * PMM_CACHE_BATCH frames move between it and the shared pool (under the
 * PMM's lock) when it runs empty or full.
 */
#define PMM_CACHE_SIZE  31 /* with its count, 128 bytes: a core's cache is a shift away */
#define PMM_CACHE_BATCH 16

/*
 * The frames first and the count after them, and the caches at the start
 * of struct pmm: core c's cache is at pmm + c * 128, and its frame i at
 * that address + 4 i, one shifted-register load (the fast paths' address
 * arithmetic is one add). Each cache fills two whole 64-byte lines, so
 * two cores never write the same line.
 */
struct pmm_cache {
	paddr_t frames[PMM_CACHE_SIZE]; /* physical addresses, the last freed on top */
	uint32_t count;
} __attribute__((aligned(64)));

_Static_assert(sizeof(struct pmm_cache) == 128, "a core's cache is 128 bytes, a shift away");

/* A run of frames, by frame number (physical address >> PAGE_SHIFT). */
struct pmm_range {
	uint32_t first;
	uint32_t count;
};

/* A range of physical bytes to keep: what a loader passed (ATAGs, a device tree, an initrd). */
struct phys_range {
	paddr_t start;
	uint32_t size;
};

/*
 * A free frame on the freed list holds its links in its first two words
 * (virtual addresses, 0 at either end): the next frame, and the one before
 * it, so that a frame anywhere in the list leaves it in O(1) (a run that
 * pmm_alloc_contiguous takes, or one frame of it).
 */
#define PMM_LINK_NEXT 0
#define PMM_LINK_PREV 1

struct pmm {
	struct pmm_cache cache[MM_CORES]; /* first: see struct pmm_cache */
	uintptr_t phys_window;            /* virtual address of physical 0 */
	uint8_t *frames;                  /* the frame table: a byte a frame, from frame 0 */
	uint32_t first;                   /* first frame that can be handed out */
	uint32_t end;                     /* one past the last frame of RAM */
	uintptr_t free_head;      /* freed frames, doubly linked through themselves by virtual
					   address; 0 ends the list */
	uint32_t wild_low;        /* the wilderness: [wild_low, wild_high) never handed out, */
	uint32_t wild_high;       /* free, and not on the list */
	uint32_t ram_frames;      /* frames of RAM, from physical 0 */
	uint32_t metadata_frames; /* the frame table's frames, at KERNEL_END */
	uint32_t reserved_count;
	struct pmm_range reserved[PMM_MAX_RESERVED];
	uint32_t reserved_frames; /* frames of the reserved ranges */
	mm_lock_t lock;           /* the shared pool: the list, the wilderness, the table's runs */
};

struct pmm_stats {
	uint32_t total; /* frames of RAM */
	uint32_t free;
	uint32_t reserved;         /* never handed out: below first, metadata, ranges */
	uint32_t allocated;        /* handed out and not freed */
	uint32_t shared;           /* of those, with more than one reference */
	uint32_t largest_free_run; /* longest run of physically contiguous free frames */
	uint32_t metadata_bytes;   /* the frame table, rounded up to whole frames */
};

/*
 * Set up over RAM [0, ram_end): frames below kernel_end (vectors, L1 table,
 * image, stacks) and the metadata placed at kernel_end are reserved, and so
 * are the ranges given (physical bytes, rounded out to whole frames; they
 * may overlap, nest or repeat: each frame is counted once). Everything
 * else is free. O(F/32). Returns 0, or
 *   ERR_INVALID    the layout makes no sense (misaligned, no room, more
 *                  than PMM_MAX_RESERVED ranges after merging);
 *   ERR_RESERVED   a range lies where the metadata goes, at
 *                  [kernel_end, kernel_end + pmm_metadata_bytes()): the
 *                  caller must move what is there first;
 * and then the PMM must not be used.
 */
int pmm_init(struct pmm *pmm, uintptr_t phys_window, paddr_t kernel_end, paddr_t ram_end,
	     const struct phys_range *reserved, unsigned reserved_count);

/* How many bytes of metadata pmm_init() will write at kernel_end (whole frames). */
uint32_t pmm_metadata_bytes(paddr_t kernel_end, paddr_t ram_end);

/*
 * count frames, one by one as pmm_alloc_frame would give them (not
 * contiguous), into frames[]: O(count). All or nothing: ERR_NO_MEMORY when
 * fewer are free, and nothing changes then.
 */
int pmm_alloc_frames(struct pmm *pmm, uint32_t count, paddr_t *frames);

/* The uncommon cases of the two hot paths below, out of line. */
int pmm_free_frame_checked(struct pmm *pmm, paddr_t frame);
int pmm_free_spill(struct pmm *pmm, paddr_t frame);

/*
 * One frame, with one reference: O(1). ERR_NO_MEMORY when none is free;
 * nothing changes then. Inline: the common case is a pop from this core's
 * cache and a store into the frame table; an empty cache is filled from
 * the shared pool out of line.
 */
int pmm_alloc_refill(struct pmm *pmm, paddr_t *frame);

static inline int pmm_alloc_frame(struct pmm *pmm, paddr_t *frame)
{
	struct pmm_cache *cache = &pmm->cache[mm_core()];
	int32_t n = (int32_t)cache->count - 1; /* the top; below 0 when empty, one subs */
	paddr_t address;

	if (__builtin_expect(n < 0, 0))
		return pmm_alloc_refill(pmm, frame);
	address = cache->frames[n];
	cache->count = (uint32_t)n;
	pmm->frames[address >> PAGE_SHIFT] = 1;
	*frame = address;
	return 0;
}

/*
 * Drop a reference to a frame; the last one gives the frame back: O(1).
 * Refused, changing nothing, with ERR_INVALID (not frame-aligned),
 * ERR_RANGE (not RAM), ERR_RESERVED, or ERR_NOT_ALLOCATED (a double free).
 */
static inline int pmm_free_frame(struct pmm *pmm, paddr_t address)
{
	/*
	 * The common case, an aligned frame of RAM with one reference, in one
	 * compare and one load: the address rotated right by 12 is the frame
	 * number when aligned, and at least 2^20 (more than any RAM) when not.
	 */
	uint32_t index = (address >> PAGE_SHIFT) | (address << (32 - PAGE_SHIFT));
	struct pmm_cache *cache;
	uint32_t n;
	uint8_t refs;

	if (__builtin_expect(index >= pmm->end, 0))
		return pmm_free_frame_checked(pmm, address);
	refs = pmm->frames[index];
	if (__builtin_expect(refs != 1, 0)) {
		if (refs - 2U < PMM_REFS_MAX - 1U) { /* shared: one reference fewer */
			pmm->frames[index] = refs - 1;
			return 0;
		}
		return pmm_free_frame_checked(pmm, address);
	}
	cache = &pmm->cache[mm_core()];
	n = cache->count;
	if (__builtin_expect(n == PMM_CACHE_SIZE, 0))
		return pmm_free_spill(pmm, address);
	pmm->frames[index] = PMM_FRAME_CACHED;
	cache->frames[n] = address;
	cache->count = n + 1;
	return 0;
}

/*
 * One more reference to an allocated frame (a page shared copy-on-write).
 * ERR_NOT_ALLOCATED for a free frame, ERR_RESERVED, ERR_RANGE, ERR_INVALID
 * as for pmm_free_frame; ERR_NO_MEMORY at PMM_REFS_MAX references (the
 * caller copies the page instead of sharing it).
 */
int pmm_frame_share_checked(struct pmm *pmm, paddr_t frame);

/*
 * The fast path of pmm_frame_share on the frame table's fields, for a loop
 * that has them in registers (fork's): true when it took the reference;
 * false leaves the case to pmm_frame_share.
 */
static inline bool pmm_frame_share_fast(uint8_t *frames, uint32_t end, paddr_t address)
{
	uint32_t index = address >> PAGE_SHIFT;
	uint8_t refs;

	if (__builtin_expect(index >= end, 0))
		return false;
	refs = frames[index];
	if (__builtin_expect(refs - 1U >= PMM_REFS_MAX - 1U, 0))
		return false;
	frames[index] = refs + 1;
	return true;
}

/*
 * The same for dropping a reference to a frame that has others (a page
 * shared copy-on-write): true when it did; false leaves the case (the last
 * reference, or anything odd) to pmm_free_frame.
 */
static inline bool pmm_frame_unshare_fast(uint8_t *frames, uint32_t end, paddr_t address)
{
	uint32_t index = address >> PAGE_SHIFT;
	uint8_t refs;

	if (__builtin_expect(index >= end, 0))
		return false;
	refs = frames[index];
	if (refs - 2U >= PMM_REFS_MAX - 1U)
		return false;
	frames[index] = refs - 1;
	return true;
}

static inline int pmm_frame_share(struct pmm *pmm, paddr_t address)
{
	uint32_t index = (address >> PAGE_SHIFT) | (address << (32 - PAGE_SHIFT));
	uint8_t refs;

	if (__builtin_expect(index >= pmm->end, 0))
		return pmm_frame_share_checked(pmm, address);
	refs = pmm->frames[index];
	if (__builtin_expect(refs - 1U >= PMM_REFS_MAX - 1U, 0))
		return pmm_frame_share_checked(pmm, address);
	pmm->frames[index] = refs + 1;
	return 0;
}

/* The references to a frame: 0 when free, reserved or not RAM (1 for a table frame). */
unsigned pmm_frame_refs(const struct pmm *pmm, paddr_t frame);

/*
 * Mark an allocated frame (one reference) as holding translation tables,
 * or take the mark off again. A table frame cannot be freed, shared or
 * mapped (mm/mmu.h refuses it) until it is unmarked: only the page-table
 * code that owns it touches it. ERR_INVALID for a frame in another state.
 */
int pmm_frame_set_table(struct pmm *pmm, paddr_t frame, bool table);

/* Whether the frame holds translation tables (pmm_frame_set_table). */
static inline bool pmm_frame_is_table(const struct pmm *pmm, paddr_t frame)
{
	return (frame >> PAGE_SHIFT) < pmm->end &&
	       pmm->frames[frame >> PAGE_SHIFT] == PMM_FRAME_TABLE;
}

/*
 * count physically contiguous frames whose first frame's number is a
 * multiple of align (a power of two, in frames: 4 for a 16 KiB-aligned L1
 * table). From the top of the wilderness when it has room: O(count +
 * align). Otherwise a scan of the frame table and one walk of the freed list:
 * O(F + freed frames) for F frames of RAM. ERR_INVALID for a zero count
 * or a bad alignment, ERR_NO_MEMORY when no such run is free.
 */
int pmm_alloc_contiguous(struct pmm *pmm, uint32_t count, uint32_t align, paddr_t *first);

/* Give back count frames from first: refused as a whole, with the errors of pmm_free_frame. */
int pmm_free_contiguous(struct pmm *pmm, paddr_t first, uint32_t count);

/* Whether the PMM considers this frame handed out (not free, not reserved), to anyone. */
int pmm_frame_is_allocated(const struct pmm *pmm, paddr_t frame);

/*
 * This core's cache back to the shared pool (a core that goes idle, a
 * test that wants every frame where any core can take it).
 */
void pmm_cache_drain(struct pmm *pmm);

/* Free frames, counted in the frame table (four frames a word) and the caches: O(F). */
uint32_t pmm_free_count(const struct pmm *pmm);

/* All the figures, with the largest free run: O(F). */
void pmm_get_stats(const struct pmm *pmm, struct pmm_stats *stats);

/*
 * Walk the metadata and check every invariant: the free list and the frame table
 * agree, counts match, reserved frames are never free. Returns the number of
 * problems found; each is described into report (if not NULL) by the first
 * one only: a person reads one problem at a time.
 */
unsigned pmm_check(const struct pmm *pmm, char *report_text, size_t report_size);

#endif /* BRAMBLE_MM_PMM_H */
