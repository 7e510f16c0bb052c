/*
 * tests/host/heap_host.h - the heap and the window on the host: a window over
 * an array, and a heap backend that grows through it, for the host tests
 * and the fuzz target.
 */
#ifndef BRAMBLE_TESTS_HEAP_HOST_H
#define BRAMBLE_TESTS_HEAP_HOST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mm/kheap.h"
#include "mm/window.h"

struct host_heap {
	unsigned char *arena; /* stands in for the window's memory */
	size_t arena_size;
	struct window window;
	struct kheap heap;
	unsigned reports;
	char last_report[200];
	int quiet;
};

static int host_grow(void *context, uint32_t pages, uintptr_t *start)
{
	struct host_heap *h = context;
	uint64_t at;
	int error = window_heap_grow(&h->window, pages, &at);

	if (error)
		return error;
	*start = (uintptr_t)at;
	return 0;
}

static void host_shrink(void *context, uint32_t pages)
{
	struct host_heap *h = context;

	/* What goes back is unreachable now: make a use of it visible (first bytes of each page). */
	for (uint32_t i = 1; i <= pages; i++)
		memset((void *)(uintptr_t)(h->window.heap_break - (uint64_t)i * PAGE_SIZE), 0xEE,
		       64);
	window_heap_shrink(&h->window, pages);
}

static void host_report(void *context, const char *message)
{
	struct host_heap *h = context;

	h->reports++;
	snprintf(h->last_report, sizeof(h->last_report), "%s", message);
	if (!h->quiet)
		printf("# %s\n", message);
}

/* An empty heap and window again, over the same arena. */
static inline void host_heap_reset(struct host_heap *h, int debug)
{
	struct kheap_backend backend = {
		.grow = host_grow,
		.shrink = host_shrink,
		.report = host_report,
		.context = h,
		.page_size = PAGE_SIZE,
	};

	h->reports = 0;
	h->last_report[0] = '\0';
	if (window_init(&h->window, (uintptr_t)h->arena, (uintptr_t)h->arena + h->arena_size))
		abort();
	kheap_init(&h->heap, (uintptr_t)h->arena, &backend);
	kheap_set_debug(&h->heap, debug);
}

/* A heap in a window of arena_size bytes (a multiple of PAGE_SIZE). */
static inline void host_heap_init(struct host_heap *h, size_t arena_size, int debug)
{
	memset(h, 0, sizeof(*h));
	h->arena = aligned_alloc(PAGE_SIZE, arena_size);
	if (!h->arena)
		abort();
	h->arena_size = arena_size;
	host_heap_reset(h, debug);
}

static inline void host_heap_destroy(struct host_heap *h)
{
	free(h->arena);
}

#endif /* BRAMBLE_TESTS_HEAP_HOST_H */
