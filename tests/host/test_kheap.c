/*
 * tests/host/test_kheap.c - the heap allocator and the window, on the host,
 * under ASan/UBSan: fixed cases, then a random sequence of allocate, free
 * and realloc (sizes from 1 byte to 1 MiB) with every block filled with a
 * pattern checked before it is freed, and kheap_check() after every step.
 */
#include "lib/xorshift.h"
#include "heap_host.h"
#include "kernel/error.h"
#include "tap.h"

#define ARENA (64u << 20)

static int heap_ok(struct host_heap *h)
{
	char report[200];
	unsigned problems = kheap_check(&h->heap, report, sizeof(report));

	if (problems)
		printf("# kheap_check: %u problems, first: %s\n", problems, report);
	return problems == 0;
}

static void test_window(void)
{
	struct window w;
	struct window_stats s;
	uint64_t at;

	window_init(&w, 0xC0000000ULL, 0x100000000ULL);
	TAP_EQ_U32(0, window_mmio_grow(&w, 1, &at), "window: first MMIO page");
	TAP_EQ_U32(0xFFFFF000, at, "window: the first MMIO mapping ends at 0xFFFFFFFF");
	TAP_EQ_U32(0, window_mmio_grow(&w, 2, &at), "window: second MMIO mapping");
	TAP_EQ_U32(0xFFFFD000, at, "window: each one below the previous");
	TAP_EQ_U32(0, window_heap_grow(&w, 3, &at), "window: heap grows");
	TAP_EQ_U32(0xC0000000, at, "window: the heap starts at its base");
	window_get_stats(&w, &s);
	TAP_EQ_U32(3 * PAGE_SIZE, s.heap_bytes, "window: heap bytes");
	TAP_EQ_U32(3 * PAGE_SIZE, s.mmio_bytes, "window: MMIO bytes");
	TAP_EQ_U32(0x40000000 - 6 * PAGE_SIZE - PAGE_SIZE, s.free_bytes,
		   "window: gap less the guard");
	/* Fill the gap but for the guard page: then neither side may take one more page. */
	uint32_t gap_pages = (uint32_t)(s.free_bytes / PAGE_SIZE);
	TAP_EQ_U32(0, window_heap_grow(&w, gap_pages, &at), "window: heap takes the whole gap");
	TAP_EQ_U32(ERR_NO_MEMORY, window_heap_grow(&w, 1, &at),
		   "window: heap refused at the guard");
	TAP_EQ_U32(ERR_NO_MEMORY, window_mmio_grow(&w, 1, &at),
		   "window: MMIO refused at the guard");
	TAP_EQ_U32(w.mmio_floor - PAGE_SIZE, w.heap_break,
		   "window: exactly one guard page between");
	TAP_EQ_U32(0, window_heap_shrink(&w, 1), "window: heap shrinks");
	TAP_EQ_U32(0, window_mmio_grow(&w, 1, &at), "window: then MMIO fits again");
	TAP_EQ_U32(ERR_INVALID, window_heap_shrink(&w, 0x100000),
		   "window: cannot shrink below base");
	TAP_OK(!window_fits(&w, w.heap_break + PAGE_SIZE, w.mmio_floor), "window_fits: no meeting");

	/* The edges: zero pages, a window upside down, a break past the floor. */
	struct window before = w;
	at = 0x5A5A;
	TAP_EQ_U32(ERR_INVALID, window_heap_grow(&w, 0, &at),
		   "window: a zero-page heap grow refused");
	TAP_EQ_U32(ERR_INVALID, window_mmio_grow(&w, 0, &at),
		   "window: a zero-page MMIO grow refused");
	TAP_EQ_U32(ERR_INVALID, window_heap_shrink(&w, 0), "window: a zero-page shrink refused");
	TAP_EQ_U32(ERR_INVALID, window_mmio_shrink(&w, 0),
		   "window: a zero-page MMIO shrink refused");
	TAP_OK(memcmp(&before, &w, sizeof(w)) == 0 && at == 0x5A5A, "window: and nothing moved");
	struct window bad = { 1, 2, 3, 4 };
	TAP_EQ_U32(ERR_INVALID, window_init(&bad, 0xF0000000ULL, 0xC0000000ULL),
		   "window: base above top refused");
	TAP_EQ_U32(ERR_INVALID, window_init(&bad, 0xC0000800ULL, 0x100000000ULL),
		   "window: a misaligned base refused");
	TAP_EQ_U32(ERR_INVALID, window_init(&bad, 0xC0000000ULL, 0xC0000000ULL),
		   "window: no room for the guard refused");
	TAP_OK(bad.base == 1 && bad.mmio_floor == 4, "window: a refused init sets nothing");
	TAP_OK(!window_fits(&w, w.mmio_floor + PAGE_SIZE, w.mmio_floor),
	       "window_fits: a break above the floor never fits");
	TAP_OK(!window_fits(&w, 0xFFFFFFFFFFFFF000ULL, w.mmio_floor),
	       "window_fits: a break near 2^64 cannot wrap into fitting");
}

/*
 * Forged headers inside a live block: a previous-free link that is
 * misaligned, one that points past the block, and a size that runs past
 * the heap. Each free is refused without reading through the forgery
 * (UBSan would stop a misaligned read) and changes nothing.
 */
static unsigned forged_frees(struct host_heap *h)
{
	uintptr_t *inside = (uintptr_t *)kheap_alloc(&h->heap, 256);
	unsigned refused = h->heap.refused, ok;
	size_t header = 2 * sizeof(uintptr_t); /* (a block header: link and size, padded) */

	memset(inside, 0, 256);
	inside[8] = (uintptr_t)inside + 3; /* link: misaligned */
	inside[9] = 16 | 2;                /* size 16, PREV_FREE */
	kheap_free(&h->heap, (char *)&inside[8] + header);
	inside[8] = (uintptr_t)inside + 200; /* link: after the block */
	kheap_free(&h->heap, (char *)&inside[8] + header);
	inside[8] = ~(uintptr_t)&inside[8]; /* a right check word... */
	inside[9] = 0x7FFFFFF8;             /* ...and a size past the heap */
	kheap_free(&h->heap, (char *)&inside[8] + header);
	ok = h->heap.refused == refused + 3 && heap_ok(h);
	kheap_free(&h->heap, inside);
	return ok && h->heap.refused == refused + 3;
}

static void test_fixed(void)
{
	struct host_heap h;
	struct kheap_stats stats;
	unsigned char *a, *b, *c;

	host_heap_init(&h, ARENA, 1);
	h.quiet = 1;
	a = kheap_alloc(&h.heap, 0);
	b = kheap_alloc(&h.heap, 0);
	TAP_OK(a && b && a != b, "kmalloc(0): a unique block each time");
	TAP_EQ_U32((uintptr_t)h.arena + 8 * (sizeof(void *) == 8 ? 2 : 1), (uintptr_t)a,
		   "the first block is just above the base");
	kheap_free(&h.heap, a);
	kheap_free(&h.heap, b);
	kheap_free(&h.heap, NULL);
	TAP_EQ_U32(0, h.reports, "kfree(NULL) and kmalloc(0) frees: no report");
	TAP_OK(kheap_alloc(&h.heap, KHEAP_MAX_ALLOC + 1) == NULL, "kmalloc(huge): NULL");
	TAP_OK(kheap_alloc(&h.heap, (size_t)-1) == NULL, "kmalloc(SIZE_MAX): NULL");
	TAP_OK(kheap_calloc(&h.heap, (size_t)1 << 31, 4) == NULL, "kcalloc overflow: NULL");
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(0, stats.heap_bytes, "everything freed: the break is back at the base");

	int aligned = 1;
	for (size_t size = 1; size < 300; size++) {
		void *p = kheap_alloc(&h.heap, size);

		aligned &= p && (uintptr_t)p % 8 == 0 && kheap_usable_size(p) >= size;
		kheap_free(&h.heap, p);
	}
	TAP_OK(aligned, "sizes 1-299: 8-byte aligned, usable size at least the request");

	/* Double free and foreign pointers: refused, reported, nothing changed. */
	a = kheap_alloc(&h.heap, 100);
	b = kheap_alloc(&h.heap, 100);
	kheap_free(&h.heap, a);
	kheap_free(&h.heap, a);
	TAP_EQ_U32(1, h.heap.refused, "double free refused");
	TAP_OK(strstr(h.last_report, "double free") != NULL, "double free reported as such");
	kheap_free(&h.heap, b + 16);
	TAP_EQ_U32(2, h.heap.refused, "pointer into a block refused");
	int local;
	kheap_free(&h.heap, &local);
	TAP_EQ_U32(3, h.heap.refused, "pointer outside the heap refused");
	TAP_OK(heap_ok(&h), "heap intact after the refusals");
	TAP_OK(forged_frees(&h), "forged headers inside a block refused, nothing changed");

	/* Canary: one byte past the usable size. */
	c = kheap_alloc(&h.heap, 40);
	c[kheap_usable_size(c)] ^= 0x55;
	TAP_OK(!heap_ok(&h), "kheap_check sees the overwritten canary");
	kheap_free(&h.heap, c);
	TAP_EQ_U32(3 + 3 + 1, h.heap.refused, "free with an overwritten canary refused");
	TAP_OK(strstr(h.last_report, "canary after block") != NULL,
	       "canary report names the block");
	c[kheap_usable_size(c)] ^= 0x55;
	kheap_free(&h.heap, c);
	TAP_EQ_U32(3 + 3 + 1, h.heap.refused, "after repair the free works");

	/* Poison and calloc. */
	a = kheap_alloc(&h.heap, 256);
	c = kheap_alloc(&h.heap, 16); /* keeps a from merging with the top */
	memset(a, 0x11, 256);
	kheap_free(&h.heap, a);
	TAP_EQ_U32(0x6B, a[128], "freed memory is poisoned");
	a = kheap_calloc(&h.heap, 64, 4);
	int zero = 1;
	for (int i = 0; i < 256; i++)
		zero &= a[i] == 0;
	TAP_OK(zero, "kcalloc zeroes");

	/* realloc keeps the contents. */
	for (int i = 0; i < 256; i++)
		a[i] = (unsigned char)i;
	a = kheap_realloc(&h.heap, a, 5000);
	int kept = a != NULL;
	for (int i = 0; kept && i < 256; i++)
		kept &= a[i] == (unsigned char)i;
	TAP_OK(kept, "krealloc grows and keeps the bytes");
	TAP_OK(kheap_realloc(&h.heap, a, 0) == NULL, "krealloc to 0 frees");
	a = kheap_realloc(&h.heap, NULL, 10);
	TAP_OK(a != NULL, "krealloc(NULL) allocates");
	kheap_free(&h.heap, a);
	kheap_free(&h.heap, b);
	kheap_free(&h.heap, c);

	/* Aligned allocations. */
	int ok = 1;
	void *keep[12];
	for (unsigned i = 0; i < 12; i++) {
		size_t align = (size_t)16 << i;

		keep[i] = kheap_alloc_aligned(&h.heap, 24 + i, align);
		ok &= keep[i] && (uintptr_t)keep[i] % align == 0;
	}
	TAP_OK(ok && heap_ok(&h), "aligned allocations 16 B-32 KiB are aligned, heap intact");
	for (unsigned i = 0; i < 12; i++)
		kheap_free(&h.heap, keep[i]);
	TAP_OK(kheap_alloc_aligned(&h.heap, 8, 24) == NULL, "alignment not a power of two: NULL");
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(0, stats.heap_bytes, "all freed again: break at the base");
	TAP_EQ_U32(h.window.base, h.window.heap_break, "and the window's break too");
	TAP_OK(heap_ok(&h), "empty heap consistent");
	host_heap_destroy(&h);
}

static void test_window_full(void)
{
	struct host_heap h;
	void *blocks[4096];
	unsigned count = 0;
	uint64_t at;

	host_heap_init(&h, 4u << 20, 1);
	h.quiet = 1;
	/* MMIO takes all but 1 MiB of the window. */
	window_mmio_grow(&h.window, (3u << 20) / PAGE_SIZE, &at);
	while (count < 4096 && (blocks[count] = kheap_alloc(&h.heap, 3000)) != NULL)
		count++;
	TAP_OK(count > 200 && count < 4096, "window full: kmalloc returns NULL in the end");
	/* Refused with less room left than the request's growth (2 pages), the guard kept. */
	TAP_OK(h.window.heap_break + PAGE_SIZE <= h.window.mmio_floor &&
		       h.window.mmio_floor - h.window.heap_break < 3 * PAGE_SIZE,
	       "window full: the guard page is left between heap and MMIO, and no more");
	TAP_OK(heap_ok(&h), "window full: heap intact");
	while (window_mmio_grow(&h.window, 1, &at) == 0)
		;
	TAP_EQ_U32(h.window.mmio_floor - PAGE_SIZE, h.window.heap_break,
		   "window full: MMIO fills the rest up to the guard page");
	for (unsigned i = 0; i < count; i++)
		kheap_free(&h.heap, blocks[i]);
	TAP_EQ_U32(h.window.base, h.window.heap_break, "window full: all freed, break at base");
	uint32_t extra = (uint32_t)((h.window.top - h.window.mmio_floor) / PAGE_SIZE) -
			 (3u << 20) / PAGE_SIZE;
	TAP_OK(extra == 0 || window_mmio_shrink(&h.window, extra) == 0,
	       "window full: MMIO gives its extra pages back");
	TAP_OK(kheap_alloc(&h.heap, 3000) != NULL, "window full: and kmalloc works again");
	host_heap_destroy(&h);
}

/* The quick bins: exact-size reuse, bounds, double frees, emptied when it matters. */
static void test_quick(void)
{
	unsigned refused_before;
	struct host_heap h;
	struct kheap_stats stats;
	static void *blocks[KHEAP_QUICK_TOTAL + 100];
	void *keeper, *again;
	unsigned count = 0;
	uint64_t at;

	host_heap_init(&h, ARENA, 0);
	h.quiet = 1;
	keeper = kheap_alloc(&h.heap, 8);
	blocks[0] = kheap_alloc(&h.heap, 48);
	blocks[1] = kheap_alloc(&h.heap, 48);
	kheap_free(&h.heap, blocks[0]);
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(1, stats.cached_blocks, "quick: a freed small block is cached");
	TAP_EQ_U32(0, stats.free_blocks - 1, "quick: and not merged into the free top");
	TAP_OK(heap_ok(&h), "quick: heap consistent with a cached block");
	again = kheap_alloc(&h.heap, 41); /* the same payload size, 48 */
	TAP_OK(again == blocks[0], "quick: the next request of that size takes it back");
	kheap_free(&h.heap, again);
	kheap_free(&h.heap, again);
	TAP_EQ_U32(1, h.heap.refused, "quick: a double free of a cached block is refused");
	TAP_OK(strstr(h.last_report, "double free") != NULL,
	       "quick: and reported as a double free");
	TAP_OK(forged_frees(&h), "quick: forged headers refused on the fast path too");
	refused_before = h.heap.refused;
	kheap_free(&h.heap, NULL);
	TAP_OK(h.heap.refused == refused_before && heap_ok(&h),
	       "quick: kfree(NULL) does nothing on the fast path");
	kheap_free(&h.heap, blocks[1]);

	/* Bounds: the bins hold KHEAP_QUICK_TOTAL blocks in all; the rest go to the lists. */
	for (count = 0; count < KHEAP_QUICK_TOTAL + 100; count++)
		blocks[count] = kheap_alloc(&h.heap, 16 + 8 * (count % 60));
	for (unsigned i = 0; i < KHEAP_QUICK_TOTAL + 100; i++)
		kheap_free(&h.heap, blocks[i]);
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(KHEAP_QUICK_TOTAL, stats.cached_blocks,
		   "quick: the bins hold at most their total");
	TAP_OK(stats.free_bytes >= 100 * 16, "quick: and the blocks beyond it are free");
	TAP_OK(heap_ok(&h), "quick: heap consistent with full bins");
	kheap_free(&h.heap, keeper);
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(0, stats.heap_bytes + stats.cached_blocks,
		   "quick: the last free empties the bins and the break goes back to the base");

	/*
	 * A full window: blocks waiting in the bins are merged before a request
	 * is refused. Eight neighbours of 64 bytes are cached; 400 bytes fit
	 * only once they are one free block.
	 */
	window_mmio_grow(&h.window, (uint32_t)((h.window.top - h.window.base) / PAGE_SIZE) - 64,
			 &at);
	for (count = 0; count < 200; count++)
		blocks[count] = kheap_alloc(&h.heap, 64);
	while ((keeper = kheap_alloc(&h.heap, 64)) != NULL)
		;
	for (unsigned i = 100; i < 108; i++)
		kheap_free(&h.heap, blocks[i]);
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(8, stats.cached_blocks, "quick, window full: eight neighbours cached");
	again = kheap_alloc(&h.heap, 400);
	TAP_OK(again == blocks[100],
	       "quick, window full: merged to serve a larger request, not refused");
	TAP_OK(heap_ok(&h), "quick, window full: heap consistent");
	host_heap_destroy(&h);

	/* Debug mode: no bins, so every free is checked in full; switching empties them. */
	host_heap_init(&h, ARENA, 0);
	keeper = kheap_alloc(&h.heap, 8);
	blocks[0] = kheap_alloc(&h.heap, 48);
	kheap_free(&h.heap, blocks[0]);
	kheap_set_debug(&h.heap, true);
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(0, stats.cached_blocks, "quick, debug: switching on empties the bins");
	blocks[0] = kheap_alloc(&h.heap, 48);
	kheap_free(&h.heap, blocks[0]);
	kheap_get_stats(&h.heap, &stats);
	TAP_EQ_U32(0, stats.cached_blocks, "quick, debug: a freed block is not cached");
	TAP_OK(heap_ok(&h), "quick, debug: heap consistent");
	kheap_free(&h.heap, keeper);
	host_heap_destroy(&h);
}

struct live {
	unsigned char *pointer;
	size_t size;
	unsigned char pattern;
};

static uint32_t rng = 0x1234567;

static uint32_t rnd(void)
{
	return xorshift32(&rng);
}

static size_t random_size(void)
{
	uint32_t r = rnd() % 100;

	if (r < 60)
		return 1 + rnd() % 64;
	if (r < 90)
		return 1 + rnd() % 1024;
	if (r < 98)
		return 1 + rnd() % 65536;
	return 1 + rnd() % (1u << 20);
}

static int pattern_intact(const struct live *l)
{
	for (size_t i = 0; i < l->size; i++)
		if (l->pointer[i] != (unsigned char)(l->pattern + i))
			return 0;
	return 1;
}

static void fill(struct live *l)
{
	for (size_t i = 0; i < l->size; i++)
		l->pointer[i] = (unsigned char)(l->pattern + i);
}

static void test_random(int debug, unsigned steps)
{
	struct host_heap h;
	static struct live live[512];
	unsigned n = 0, failures = 0, step;
	char what[100];

	host_heap_init(&h, ARENA, debug);
	for (step = 0; step < steps && !failures; step++) {
		uint32_t op = rnd() % 100;

		if (op < 45 && n < 512) {
			struct live l = { NULL, random_size(), (unsigned char)rnd() };

			l.pointer = kheap_alloc(&h.heap, l.size);
			if (!l.pointer || (uintptr_t)l.pointer % 8) {
				printf("# kmalloc(%zu) gave %p\n", l.size, (void *)l.pointer);
				failures++;
				break;
			}
			fill(&l);
			live[n++] = l;
		} else if (op < 85 && n) {
			unsigned i = rnd() % n;

			failures += !pattern_intact(&live[i]);
			kheap_free(&h.heap, live[i].pointer);
			live[i] = live[--n];
		} else if (n) {
			unsigned i = rnd() % n;
			size_t size = random_size();
			size_t keep = size < live[i].size ? size : live[i].size;

			failures += !pattern_intact(&live[i]);
			unsigned char *p = kheap_realloc(&h.heap, live[i].pointer, size);
			if (!p) {
				printf("# krealloc(%zu) gave NULL\n", size);
				failures++;
				break;
			}
			live[i].pointer = p;
			live[i].size = keep;
			failures += !pattern_intact(&live[i]);
			live[i].size = size;
			fill(&live[i]);
		}
		if (!heap_ok(&h) || h.heap.refused) {
			printf("# refused %u\n", h.heap.refused);
			failures++;
		}
	}
	if (failures)
		printf("# step %u went wrong\n", step);
	snprintf(what, sizeof(what), "random (%s): %u steps, patterns intact, kheap_check clean",
		 debug ? "debug" : "no debug", steps);
	TAP_EQ_U32(0, failures, what);
	while (n)
		kheap_free(&h.heap, live[--n].pointer);
	TAP_EQ_U32(h.window.base, h.window.heap_break,
		   "random: all freed, the break is back at the base");
	host_heap_destroy(&h);
}

/*
 * Bad input and corrupted memory (what adversarial probes found): the
 * checker reports damaged links without following them; a forged bin or
 * list link is reported, never handed out nor written through; in debug
 * mode a write into freed memory is found when the block would be handed
 * out again, with the offset of the first changed byte.
 */
static void test_corruption(void)
{
	struct host_heap h;
	uintptr_t target = 0x1234; /* what a forged link points at */
	unsigned char *a, *b, *keep, *again;
	unsigned corruptions;

	host_heap_init(&h, 4u << 20, 0);
	h.quiet = 1;

	/* 1. Both link words of a listed free block overwritten, then the checker. */
	keep = kheap_alloc(&h.heap, 2000);
	a = kheap_alloc(&h.heap, 2000); /* too big for a bin: it goes to a list */
	b = kheap_alloc(&h.heap, 2000);
	kheap_free(&h.heap, a);
	((uintptr_t *)a)[0] = 0xDEADBEE8;
	((uintptr_t *)a)[1] = (uintptr_t)&target;
	TAP_OK(kheap_check(&h.heap, NULL, 0) != 0,
	       "corrupt: the checker reports damaged links (and did not fault)");
	/* 2. A list path over that block: the damage is reported, nothing written through it. */
	corruptions = h.heap.corruptions;
	again = kheap_alloc(&h.heap, 1200); /* a smaller class: the search finds a's list */
	TAP_OK(again != a, "corrupt: a listed block with damaged links is not handed out");
	TAP_EQ_U32(0x1234, target, "corrupt: nothing was written through the forged link");
	TAP_OK(h.heap.corruptions > corruptions, "corrupt: the damage is counted");
	TAP_OK(strstr(h.last_report, "corrupted free list entry") != NULL,
	       "corrupt: and reported, with its address");
	kheap_free(&h.heap, again);
	kheap_free(&h.heap, b);
	kheap_free(&h.heap, keep);
	host_heap_destroy(&h);

	/* 3. A quick bin's link forged to point outside the heap: never handed out. */
	host_heap_init(&h, 4u << 20, 0);
	h.quiet = 1;
	keep = kheap_alloc(&h.heap, 64);
	a = kheap_alloc(&h.heap, 48);
	b = kheap_alloc(&h.heap, 48);
	kheap_free(&h.heap, b);
	kheap_free(&h.heap, a);                   /* the bin: a -> b */
	((uintptr_t *)a)[0] = (uintptr_t)&target; /* a's link, rewritten after the free */
	corruptions = h.heap.corruptions;
	again = kheap_alloc(&h.heap, 48);
	TAP_OK(again == a, "corrupt: the bin's head is still a cached block: handed out");
	again = kheap_alloc(&h.heap, 48);
	TAP_OK(again != (unsigned char *)&target + 8 && again != (unsigned char *)&target,
	       "corrupt: the forged link is not handed out");
	TAP_OK(again != NULL, "corrupt: the allocation is served another way");
	TAP_OK(h.heap.corruptions > corruptions && strstr(h.last_report, "quick bin") != NULL,
	       "corrupt: the forged bin link is reported");
	TAP_OK(kheap_check(&h.heap, NULL, 0) == 0,
	       "corrupt: the bin was cut: the heap checks clean");
	host_heap_destroy(&h);

	/* 4. Debug mode: a byte written into freed memory is found on reuse. */
	host_heap_init(&h, 4u << 20, 1);
	h.quiet = 1;
	keep = kheap_alloc(&h.heap, 64);
	a = kheap_alloc(&h.heap, 1000);
	b = kheap_alloc(&h.heap, 64);
	kheap_free(&h.heap, a);
	a[100] = 0x42;
	TAP_OK(kheap_check(&h.heap, NULL, 0) != 0, "poison: the checker sees the write");
	again = kheap_alloc(&h.heap, 600); /* a smaller class: the search finds a's list */
	TAP_OK(again != a, "poison: the damaged block is not handed out");
	TAP_OK(strstr(h.last_report, "use after free") && strstr(h.last_report, "byte 100 of"),
	       "poison: reported with the offset of the first changed byte");
	kheap_free(&h.heap, again);
	kheap_free(&h.heap, b);
	kheap_free(&h.heap, keep);
	host_heap_destroy(&h);
}

int main(void)
{
	tap_plan(18 + 11 + 26 + 8 + 18 + 4 + 13);
	test_window();
	test_fixed();
	test_window_full();
	test_quick();
	test_corruption();
	test_random(1, 6000);
	test_random(0, 6000);
	return tap_done();
}
