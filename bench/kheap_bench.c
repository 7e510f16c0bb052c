/*
 * bench/kheap_bench.c - kmalloc/kfree against newlib's malloc/free, nano's
 * and the full (dlmalloc-derived) one, on the same fixed traces (make bench).
 *
 * A trace, for a live set of L blocks: L allocations; then 8 L operations
 * that free a random live block and allocate a new one in its place; then
 * freeing everything. Sizes follow a small-object mix: 60 % 8-64 bytes,
 * 25 % 65-512, 10 % 513-4096, 4 % 4-32 KiB, 1 % 32-256 KiB. The generator
 * is seeded per L, so both allocators see exactly the same calls.
 *
 * kmalloc runs as it ships: its debug mode (canaries, poison, no quick
 * bins; kheap.debug on the command line) off. Calls during which the heap grew or shrank (the
 * window's break moved, pages were mapped or unmapped) are counted in the
 * averages; the worst case is given with and without them, and for
 * kmalloc where its figures come from (quick bins, growth). Each newlib
 * gets an arena of its own through _sbrk, already mapped, which never
 * gives memory back. Footprint: the most memory the allocator held (heap size, or
 * newlib's arena use) over the most bytes live at once.
 *
 * Then the longest paths through kmalloc and kfree, set up on purpose, and
 * what the heap's backend costs for a batch of pages.
 */
#include "lib/xorshift.h"
#include <stdlib.h>
#include <string.h>

#include "bench/newlib_full.h"
#include "kernel/bench.h"
#include "kernel/newlib_glue.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "mm/kheap.h"
#include "mm/mm.h"

#define NEWLIB_ARENA_FRAMES (64u << 20 >> PAGE_SHIFT) /* 64 MiB */

struct timing {
	uint64_t alloc_sum, free_sum;
	uint32_t allocs, frees;
	uint64_t alloc_sum_steady, free_sum_steady;
	uint32_t allocs_steady, frees_steady;
	uint32_t alloc_worst, free_worst;               /* every call */
	uint32_t alloc_worst_steady, free_worst_steady; /* calls that did not map or unmap pages */
	size_t peak_live, peak_held;
	/* kmalloc only: where the figures come from. */
	uint64_t grow_cost, shrink_cost; /* calls that moved pages: their instructions */
	size_t grown, shrunk;            /* bytes the heap grew and shrank by, in all */
	uint32_t hits, hit_sum;          /* allocations a quick bin served */
	uint32_t cached, cached_sum;     /* frees that went into a quick bin */
};

struct allocator {
	const char *name;
	void *(*alloc)(size_t size);
	void (*free)(void *pointer);
	size_t (*held)(void);
	bool is_kheap; /* (whose quick bins can be looked at) */
};

static size_t kheap_held(void)
{
	return (size_t)(kernel_window.heap_break - kernel_window.base);
}

static size_t newlib_held(void)
{
	return newlib_arena_used();
}

static void *newlib_malloc(size_t size)
{
	return malloc(size);
}

static void newlib_free(void *pointer)
{
	free(pointer);
}

static const struct allocator allocators[] = {
	{ "kmalloc", kmalloc, kfree, kheap_held, true },
	{ "nano", newlib_malloc, newlib_free, newlib_held, false },
	{ "full", newlib_full_malloc, newlib_full_free, newlib_full_arena_used, false },
};

static uint32_t __attribute__((noinline))
time_alloc(const struct allocator *a, size_t size, void **pointer)
{
	uint32_t start = bench_now();

	*pointer = a->alloc(size);
	return bench_now() - start;
}

static uint32_t __attribute__((noinline)) time_free(const struct allocator *a, void *pointer)
{
	uint32_t start = bench_now();

	a->free(pointer);
	return bench_now() - start;
}

static uint32_t seed;

static uint32_t next_random(void)
{
	return xorshift32(&seed);
}

static size_t trace_size(void)
{
	uint32_t r = next_random() % 100;

	if (r < 60)
		return 8 + next_random() % 57;
	if (r < 85)
		return 65 + next_random() % 448;
	if (r < 95)
		return 513 + next_random() % 3584;
	if (r < 99)
		return 4097 + next_random() % 28672;
	return 32769 + next_random() % (224u << 10);
}

static void record(struct timing *t, int is_alloc, uint32_t cost, int moved_pages)
{
	if (is_alloc) {
		t->allocs++;
		t->alloc_sum += cost;
		if (cost > t->alloc_worst)
			t->alloc_worst = cost;
		if (!moved_pages) {
			t->allocs_steady++;
			t->alloc_sum_steady += cost;
			if (cost > t->alloc_worst_steady)
				t->alloc_worst_steady = cost;
		}
	} else {
		t->frees++;
		t->free_sum += cost;
		if (cost > t->free_worst)
			t->free_worst = cost;
		if (!moved_pages) {
			t->frees_steady++;
			t->free_sum_steady += cost;
			if (cost > t->free_worst_steady)
				t->free_worst_steady = cost;
		}
	}
}

/* Run the trace for live set live through a; slots and sizes have room for live entries. */
static void run_trace(const struct allocator *a, unsigned live, void **slots, size_t *sizes,
		      struct timing *t)
{
	uint32_t overhead = bench_overhead();
	size_t live_bytes = 0;

	memset(t, 0, sizeof(*t));
	seed = 0xB5AD4ECE ^ live;
	for (unsigned op = 0; op < 10 * live; op++) {
		unsigned slot = op < live ? op : next_random() % live;
		int freeing = op >= live && (op >= 9 * live || slots[slot]);
		size_t held = a->held();
		uint32_t cost;
		bool hit;

		if (freeing) {
			uint32_t cached_before = kernel_heap.quick_total;

			if (!slots[slot])
				continue;
			cost = time_free(a, slots[slot]) - overhead;
			record(t, 0, cost, a->held() != held);
			if (a->is_kheap && kernel_heap.quick_total > cached_before) {
				t->cached++;
				t->cached_sum += cost;
			}
			if (a->held() != held) {
				t->shrink_cost += cost;
				t->shrunk += held - a->held();
			}
			live_bytes -= sizes[slot];
			slots[slot] = NULL;
			if (op >= 9 * live)
				continue; /* the last phase only frees */
			held = a->held();
		}
		sizes[slot] = trace_size();
		hit = a->is_kheap && kheap_quick_ready(&kernel_heap, sizes[slot]);
		cost = time_alloc(a, sizes[slot], &slots[slot]) - overhead;
		if (hit) {
			t->hits++;
			t->hit_sum += cost;
		}
		if (a->held() != held) {
			t->grow_cost += cost;
			t->grown += a->held() - held;
		}
		if (!slots[slot])
			panic("bench: %s could not allocate %lu bytes", a->name,
			      (unsigned long)sizes[slot]);
		record(t, 1, cost, a->held() != held);
		live_bytes += sizes[slot];
		if (live_bytes > t->peak_live)
			t->peak_live = live_bytes;
		if (a->held() > t->peak_held)
			t->peak_held = a->held();
	}
	for (unsigned i = 0; i < live; i++) {
		if (slots[i]) {
			a->free(slots[i]);
			slots[i] = NULL;
		}
	}
}

static void print_timing(const char *name, unsigned live, const struct timing *t)
{
	unsigned ratio = (unsigned)(t->peak_held * 100 / (t->peak_live ? t->peak_live : 1));

	kprintf("bench: %-7s %4u live: alloc avg %4lu worst %5lu | without page mapping: avg %4lu "
		"worst %4lu (%u%% of calls)\n",
		name, live, (unsigned long)(t->alloc_sum / t->allocs),
		(unsigned long)t->alloc_worst,
		(unsigned long)(t->alloc_sum_steady / (t->allocs_steady ? t->allocs_steady : 1)),
		(unsigned long)t->alloc_worst_steady,
		(unsigned)(t->allocs_steady * 100ULL / t->allocs));
	kprintf("bench: %-7s %4u live: free  avg %4lu worst %5lu | without page mapping: avg %4lu "
		"worst %4lu (%u%% of calls)  footprint %u.%02ux\n",
		name, live, (unsigned long)(t->free_sum / t->frees), (unsigned long)t->free_worst,
		(unsigned long)(t->free_sum_steady / (t->frees_steady ? t->frees_steady : 1)),
		(unsigned long)t->free_worst_steady,
		(unsigned)(t->frees_steady * 100ULL / t->frees), ratio / 100, ratio % 100);
	if (t->hits + t->cached == 0)
		return;
	kprintf("bench: %-7s %4u live: quick bins served %lu allocations (avg %lu) and took %lu frees "
		"(avg %lu)\n",
		name, live, (unsigned long)t->hits, (unsigned long)(t->hit_sum / t->hits),
		(unsigned long)t->cached, (unsigned long)(t->cached_sum / t->cached));
	kprintf("bench: %-7s %4u live: growth mapped %lu KiB in %lu instructions (%lu a page), "
		"shrinking unmapped %lu KiB in %lu\n",
		name, live, (unsigned long)(t->grown >> 10), (unsigned long)t->grow_cost,
		(unsigned long)(t->grown ? t->grow_cost / (t->grown >> 12) : 0),
		(unsigned long)(t->shrunk >> 10), (unsigned long)t->shrink_cost);
}

/* a's average as a percentage of b's, to a tenth: "9.5%". */
static void print_ratio(unsigned live, const char *what, uint64_t a, uint64_t b, const char *of)
{
	unsigned long permille = (unsigned long)(a * 1000 / (b ? b : 1));

	kprintf("bench: %4u live: kmalloc's %s average is %lu.%lu%% of %s's\n", live, what,
		permille / 10, permille % 10, of);
}

KBENCH(kmalloc_vs_newlib)
{
	static const unsigned live_sets[] = { 64, 256, 1024, 4096 };
	paddr_t arena, full_arena, scratch;
	uint32_t scratch_frames =
		(4096 * (sizeof(void *) + sizeof(size_t)) + PAGE_SIZE - 1) / PAGE_SIZE;
	bool debug = kernel_heap.debug;
	void **slots;
	size_t *sizes;

	if (pmm_alloc_contiguous(&kernel_pmm, NEWLIB_ARENA_FRAMES, 1, &arena) ||
	    pmm_alloc_contiguous(&kernel_pmm, NEWLIB_ARENA_FRAMES, 1, &full_arena) ||
	    pmm_alloc_contiguous(&kernel_pmm, scratch_frames, 1, &scratch))
		panic("bench: no room for newlib's arenas and the trace");
	newlib_set_arena((void *)phys_to_virt(arena), (size_t)NEWLIB_ARENA_FRAMES * PAGE_SIZE);
	newlib_full_set_arena((void *)phys_to_virt(full_arena),
			      (size_t)NEWLIB_ARENA_FRAMES * PAGE_SIZE);
	slots = (void **)phys_to_virt(scratch);
	sizes = (size_t *)(slots + 4096);
	memset(slots, 0, 4096 * sizeof(*slots));
	kheap_set_debug(&kernel_heap, false); /* as it ships, whatever the command line said */
	for (unsigned i = 0; i < sizeof(live_sets) / sizeof(live_sets[0]); i++) {
		struct timing t[3];

		for (unsigned a = 0; a < 3; a++) {
			run_trace(&allocators[a], live_sets[i], slots, sizes, &t[a]);
			print_timing(allocators[a].name, live_sets[i], &t[a]);
		}
		for (unsigned a = 1; a < 3; a++) {
			print_ratio(live_sets[i], "alloc", t[0].alloc_sum / t[0].allocs,
				    t[a].alloc_sum / t[a].allocs, allocators[a].name);
			print_ratio(live_sets[i], "free ", t[0].free_sum / t[0].frees,
				    t[a].free_sum / t[a].frees, allocators[a].name);
		}
	}
	kheap_set_debug(&kernel_heap, debug);
	if (kheap_check(&kernel_heap, NULL, 0) || kernel_window.heap_break != kernel_window.base)
		panic("bench: the kernel heap is not empty and clean after the traces");
}

/* One call, measured alone (the same harness as the traces). */
static uint32_t __attribute__((noinline)) cost_of_kmalloc(size_t size, void **pointer)
{
	return time_alloc(&allocators[0], size, pointer) - bench_overhead();
}

static uint32_t __attribute__((noinline)) cost_of_kfree(void *pointer)
{
	return time_free(&allocators[0], pointer) - bench_overhead();
}

/*
 * The longest paths through kmalloc and kfree that map or unmap nothing,
 * set up on purpose rather than met by chance: every list touched is the
 * only one of its first level (so unlinking clears both bitmap levels and
 * listing sets them), and kfree merges with a free block on each side.
 */
KBENCH(kmalloc_worst_paths)
{
	enum { SMALL = 16, CACHE = KHEAP_QUICK_TOTAL };
	static void *cached[CACHE];
	void *keep, *guard, *a, *x, *b, *p;
	uint32_t cost;
	bool debug = kernel_heap.debug;

	kheap_set_debug(&kernel_heap, false);
	/* A heap with room, so that nothing below grows it. */
	p = kmalloc(512 << 10);
	keep = kmalloc(8);
	kfree(p);

	/*
	 * kmalloc of a size with an empty bin, above the linear classes: the
	 * only fitting free block (1040 bytes) is alone in a first level
	 * above, and what is left of it (632 bytes) goes to a first level of
	 * its own.
	 */
	a = kmalloc(1040);
	guard = kmalloc(8);
	kfree(a);
	cost = cost_of_kmalloc(400, &p);
	kprintf("bench: worst kmalloc, 400 bytes cut from the only free block of its level, "
		"the rest listed in another: %lu\n",
		(unsigned long)cost);
	kfree(p);

	/* kmalloc that searches the lists in vain and cuts the top. */
	cost = cost_of_kmalloc(200000, &p);
	kprintf("bench: worst kmalloc from the top, after a search of the lists: %lu\n",
		(unsigned long)cost);
	kfree(p);

	/* kfree of a large block between two free ones, each alone in its first level. */
	a = kmalloc(20000);
	x = kmalloc(1000);
	b = kmalloc(70000);
	p = kmalloc(8);
	kfree(a);
	kfree(b);
	cost = cost_of_kfree(x);
	kprintf("bench: worst kfree, a 1000-byte block merged with free blocks on both sides: %lu\n",
		(unsigned long)cost);
	kfree(p);

	/* kfree of a small block with the bins full, between two free blocks. */
	for (unsigned i = 0; i < CACHE; i++)
		cached[i] = kmalloc(SMALL);
	a = kmalloc(20000);
	x = kmalloc(200);
	b = kmalloc(70000);
	p = kmalloc(8);
	for (unsigned i = 0; i < CACHE; i++)
		kfree(cached[i]);
	kfree(a);
	kfree(b);
	cost = cost_of_kfree(x);
	kprintf("bench: worst kfree, a 200-byte block with the bins full, merged on both sides: %lu\n",
		(unsigned long)cost);
	kfree(p);
	kfree(guard);
	kfree(keep);
	kheap_set_debug(&kernel_heap, debug);
	if (kheap_check(&kernel_heap, NULL, 0) || kernel_window.heap_break != kernel_window.base)
		panic("bench: the kernel heap is not empty and clean after the worst paths");
}

/* What growth costs: the backend's work for a number of pages, mapped and unmapped. */
KBENCH(heap_growth_pages)
{
	uintptr_t start;

	for (uint32_t pages = 16; pages <= 64; pages *= 4) {
		uint32_t t0 = bench_now(), t1, t2;

		if (kernel_heap.backend.grow(kernel_heap.backend.context, pages, &start))
			panic("bench: the heap's backend could not grow by %lu pages",
			      (unsigned long)pages);
		t1 = bench_now();
		kernel_heap.backend.shrink(kernel_heap.backend.context, pages);
		t2 = bench_now();
		kprintf("bench: heap backend: map %2lu fresh pages %5lu, unmap and free them %5lu\n",
			(unsigned long)pages, (unsigned long)(t1 - t0), (unsigned long)(t2 - t1));
	}
}
