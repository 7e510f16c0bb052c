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

#include <stddef.h>
#include <stdint.h>

#include "kernel/error.h"
#include "layout.h"

#define PMM_NONE                0xFFFFFFFFU /* no frame: end of the free list */
#define PMM_MAX_RESERVED        8           /* reserved ranges inside managed RAM */

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

struct pmm {
	uintptr_t phys_window;          /* virtual address of physical 0 */
	uint32_t *bitmap;               /* 1 bit a frame from bitmap_base: 1 = not free */
	uintptr_t bitmap_bias;          /* bitmap - bitmap_base / 8: frame f's word is at + f / 32 * 4 */
	uint32_t bitmap_base;           /* first frame the bitmap covers: KERNEL_END, rounded down to 32 */
	uint32_t first;                 /* first frame that can be handed out */
	uint32_t end;                   /* one past the last frame of RAM */
	paddr_t fast_base;              /* the fast free path's window, with no reserved */
	uint32_t fast_count;            /* frame in it: its address and its frames */
	uint32_t free_head;             /* freed frames, linked through themselves; PMM_NONE ends */
	uint32_t wild_low;              /* the wilderness: [wild_low, wild_high) never handed out, */
	uint32_t wild_high;             /* free, and not on the list */
	uint32_t ram_frames;            /* frames of RAM, from physical 0 */
	uint32_t metadata_frames;       /* the bitmap's frames, at KERNEL_END */
	uint32_t reserved_count;
	struct pmm_range reserved[PMM_MAX_RESERVED];
	uint32_t reserved_frames;       /* frames of the reserved ranges */
};

struct pmm_stats {
	uint32_t total;                 /* frames of RAM */
	uint32_t free;
	uint32_t reserved;              /* never handed out: below first, metadata, ranges */
	uint32_t allocated;             /* handed out and not freed */
	uint32_t largest_free_run;      /* longest run of physically contiguous free frames */
	uint32_t metadata_bytes;        /* the bitmap, rounded up to whole frames */
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
 * The two hot paths are inline (no call, no frame): their common case is a
 * handful of instructions, and the rest goes to an out-of-line function.
 * The helpers below are theirs; other code should not need them.
 */
#define PMM_BITS_PER_WORD       32

/* A freed frame's first word: the next freed frame, or PMM_NONE. */
static inline uint32_t *pmm_next_link(const struct pmm *pmm, uint32_t frame)
{
	return (uint32_t *)(pmm->phys_window + ((uintptr_t)frame << PAGE_SHIFT));
}

/* The bitmap word holding a frame's bit, and the bit. */
static inline uint32_t *pmm_bit_word(const struct pmm *pmm, uint32_t frame)
{
	return (uint32_t *)(pmm->bitmap_bias + (uintptr_t)(frame / PMM_BITS_PER_WORD) * 4);
}

static inline uint32_t pmm_bit_mask(uint32_t frame)
{
	return 1U << (frame % PMM_BITS_PER_WORD);
}

/*
 * count frames, one by one as pmm_alloc_frame would give them (not
 * contiguous), into frames[]: O(count). All or nothing: ERR_NO_MEMORY when
 * fewer are free, and nothing changes then.
 */
int pmm_alloc_frames(struct pmm *pmm, uint32_t count, paddr_t *frames);

/* The uncommon cases, out of line. */
int pmm_alloc_from_wilderness(struct pmm *pmm, paddr_t *frame);
int pmm_free_frame_checked(struct pmm *pmm, paddr_t frame);

/* One frame: O(1). ERR_NO_MEMORY when none is free; nothing changes then. */
static inline int pmm_alloc_frame(struct pmm *pmm, paddr_t *frame)
{
	uint32_t head = pmm->free_head;

	if (__builtin_expect(head == PMM_NONE, 0))
		return pmm_alloc_from_wilderness(pmm, frame);
	pmm->free_head = *pmm_next_link(pmm, head);
	*pmm_bit_word(pmm, head) |= pmm_bit_mask(head);
	*frame = (paddr_t)head << PAGE_SHIFT;
	return 0;
}

/*
 * Give a frame back: O(1). Refused, changing nothing, with ERR_INVALID
 * (not frame-aligned), ERR_RANGE (not RAM the PMM hands out),
 * ERR_RESERVED, or ERR_NOT_ALLOCATED (a double free).
 */
static inline int pmm_free_frame(struct pmm *pmm, paddr_t address)
{
	uint32_t frame = address >> PAGE_SHIFT;
	uint32_t *word = pmm_bit_word(pmm, frame), mask = pmm_bit_mask(frame);
	/*
	 * The common case: aligned, in the window with no reserved frames,
	 * allocated. One compare does the first two: the offset into the
	 * window, rotated right by 12, is the frame index when aligned, and at
	 * least 2^20 (more than any window) when not.
	 */
	uint32_t offset = address - pmm->fast_base;
	uint32_t index = (offset >> PAGE_SHIFT) | (offset << (32 - PAGE_SHIFT));

	if (__builtin_expect(index >= pmm->fast_count || !(*word & mask), 0))
		return pmm_free_frame_checked(pmm, address);
	*word &= ~mask;
	/* pmm_next_link(pmm, frame), from the address known to be aligned here. */
	*(uint32_t *)(pmm->phys_window + address) = pmm->free_head;
	pmm->free_head = frame;
	return 0;
}

/*
 * count physically contiguous frames whose first frame's number is a
 * multiple of align (a power of two, in frames: 4 for a 16 KiB-aligned L1
 * table). From the top of the wilderness when it has room: O(count +
 * align). Otherwise a scan of the bitmap and one walk of the freed list:
 * O(F/32 + freed frames) for F frames of RAM. ERR_INVALID for a zero count
 * or a bad alignment, ERR_NO_MEMORY when no such run is free.
 */
int pmm_alloc_contiguous(struct pmm *pmm, uint32_t count, uint32_t align, paddr_t *first);

/* Give back count frames from first: refused as a whole, with the errors of pmm_free_frame. */
int pmm_free_contiguous(struct pmm *pmm, paddr_t first, uint32_t count);

/* Whether the PMM considers this frame handed out (not free, not reserved). */
int pmm_frame_is_allocated(const struct pmm *pmm, paddr_t frame);

/* Free frames, counted in the bitmap: O(F/32). */
uint32_t pmm_free_count(const struct pmm *pmm);

/* All the figures, with the largest free run: O(F/32). */
void pmm_get_stats(const struct pmm *pmm, struct pmm_stats *stats);

/*
 * Walk the metadata and check every invariant: the free list and the bitmap
 * agree, counts match, reserved frames are never free. Returns the number of
 * problems found; each is described into report (if not NULL) by the first
 * one only: a person reads one problem at a time.
 */
unsigned pmm_check(const struct pmm *pmm, char *report, size_t report_size);

#endif /* BRAMBLE_MM_PMM_H */
