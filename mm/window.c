/*
 * mm/window.c - the heap break and the MMIO floor, and the one check
 * between them (mm/window.h). The only code that moves either.
 *
 * Addresses are 64-bit here so that the top of the address space
 * (0x100000000) and "nothing mapped yet" need no special cases.
 */
#include "mm/window.h"

#include "kernel/error.h"

#define GUARD_BYTES ((uint64_t)WINDOW_GUARD_PAGES * PAGE_SIZE)

int window_init(struct window *window, uint64_t base, uint64_t top)
{
	/* Page-aligned, in order, inside a 32-bit address space and its top. */
	if (base > top || top - base < GUARD_BYTES || (base | top) % PAGE_SIZE ||
	    top > WINDOW_TOP_MAX)
		return ERR_INVALID;
	window->base = base;
	window->top = top;
	window->heap_break = base;
	window->mmio_floor = top;
	return 0;
}

/* (A difference, not a sum: heap_break + the guard could not wrap, but never has to be added.) */
int window_fits(const struct window *window, uint64_t heap_break, uint64_t mmio_floor)
{
	return heap_break >= window->base && mmio_floor <= window->top &&
	       heap_break <= mmio_floor && mmio_floor - heap_break >= GUARD_BYTES;
}

int window_heap_grow(struct window *window, uint32_t pages, uint64_t *start)
{
	uint64_t new_break = window->heap_break + (uint64_t)pages * PAGE_SIZE;

	if (pages == 0)
		return ERR_INVALID;
	if (!window_fits(window, new_break, window->mmio_floor))
		return ERR_NO_MEMORY;
	*start = window->heap_break;
	window->heap_break = new_break;
	return 0;
}

int window_heap_shrink(struct window *window, uint32_t pages)
{
	uint64_t bytes = (uint64_t)pages * PAGE_SIZE;

	if (pages == 0 || bytes > window->heap_break - window->base)
		return ERR_INVALID;
	window->heap_break -= bytes;
	return 0;
}

int window_mmio_grow(struct window *window, uint32_t pages, uint64_t *start)
{
	uint64_t bytes = (uint64_t)pages * PAGE_SIZE;

	if (pages == 0)
		return ERR_INVALID;
	if (bytes > window->mmio_floor ||
	    !window_fits(window, window->heap_break, window->mmio_floor - bytes))
		return ERR_NO_MEMORY;
	window->mmio_floor -= bytes;
	*start = window->mmio_floor;
	return 0;
}

int window_mmio_shrink(struct window *window, uint32_t pages)
{
	uint64_t bytes = (uint64_t)pages * PAGE_SIZE;

	if (pages == 0 || bytes > window->top - window->mmio_floor)
		return ERR_INVALID;
	window->mmio_floor += bytes;
	return 0;
}

void window_get_stats(const struct window *window, struct window_stats *stats)
{
	uint64_t gap = window->mmio_floor - window->heap_break;

	stats->heap_bytes = window->heap_break - window->base;
	stats->mmio_bytes = window->top - window->mmio_floor;
	stats->free_bytes = gap > GUARD_BYTES ? gap - GUARD_BYTES : 0;
}
