/*
 * mm/window.h - the last gigabyte: the kernel heap grows up from its base,
 * MMIO mappings grow down from its top, and one check decides every request
 * of either side.
 *
 *   base (0xC0000000)                                        top (0x100000000)
 *   | heap ... | break | guard page | free gap ... | floor | ... MMIO |
 *
 * The window is bookkeeping only: it hands out and takes back virtual
 * address ranges, in pages; the heap and the MMIO allocator map them.
 * Pure: compiled into the kernel and into the host tests.
 */
#ifndef BRAMBLE_MM_WINDOW_H
#define BRAMBLE_MM_WINDOW_H

#include <stdint.h>

#include "layout.h"

/* Pages kept unmapped between the heap break and the MMIO floor. */
#define WINDOW_GUARD_PAGES 1

struct window {
	uint64_t base;       /* lowest address of the window: the heap starts here */
	uint64_t top;        /* one past its highest address: MMIO ends here */
	uint64_t heap_break; /* one past the heap's last byte */
	uint64_t mmio_floor; /* the lowest MMIO byte (top when there is none) */
};

struct window_stats {
	uint64_t heap_bytes;
	uint64_t mmio_bytes;
	uint64_t free_bytes; /* the gap, not counting the guard page */
};

/* Where a window may end at most: the top of a 64-bit host's usable space. */
#define WINDOW_TOP_MAX (1ULL << 48)

/*
 * A window over [base, top), empty. ERR_INVALID (and nothing set) unless
 * both are page-aligned, base <= top with room for the guard, and top is
 * at most WINDOW_TOP_MAX.
 */
int window_init(struct window *window, uint64_t base, uint64_t top);

/*
 * The one check: may the heap break and the MMIO floor move to these?
 * They may not meet: at least WINDOW_GUARD_PAGES unmapped pages stay
 * between them, and both stay inside the window.
 */
int window_fits(const struct window *window, uint64_t heap_break, uint64_t mmio_floor);

/*
 * Move the break up by pages (the new range starts at *start) or down by
 * pages. Fail with ERR_NO_MEMORY (up: it does not fit) or ERR_INVALID (zero
 * pages; down: more than the heap has), moving nothing.
 */
int window_heap_grow(struct window *window, uint32_t pages, uint64_t *start);
int window_heap_shrink(struct window *window, uint32_t pages);

/* Move the floor down by pages (the new range starts at *start) or up; the same errors. */
int window_mmio_grow(struct window *window, uint32_t pages, uint64_t *start);
int window_mmio_shrink(struct window *window, uint32_t pages);

void window_get_stats(const struct window *window, struct window_stats *stats);

#endif /* BRAMBLE_MM_WINDOW_H */
