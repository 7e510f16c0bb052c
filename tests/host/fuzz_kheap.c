/*
 * tests/host/fuzz_kheap.c - libFuzzer target for the heap and the window.
 *
 * Each input is a sequence of operations, 4 bytes each: allocate, free,
 * realloc, aligned allocate, a refused free (double or foreign), MMIO
 * growing or shrinking the window's other side, debug mode switched on or
 * off with blocks live, and a use after free: a block freed and its first
 * words overwritten with the input's bytes. A model remembers every
 * live block with its size and fill pattern. After every operation:
 * kheap_check() is clean, every live block's pattern is intact, the window
 * keeps its guard page, and a refused free changed nothing. After a use
 * after free the heap is damaged: from then on kheap_check() must report
 * it without crashing, the heap must report what it will not follow, and
 * no live block may ever be handed out again (the patterns stay intact). Any breach
 * aborts, which libFuzzer reports with the input that did it.
 * Built with AddressSanitizer and UBSan (make fuzz; make test runs it briefly).
 */
#include "heap_host.h"

#define ARENA    (2u << 20)
#define MAX_LIVE 128

struct live_block {
	unsigned char *pointer;
	size_t size;
	unsigned char pattern;
};

static void fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_kheap: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

/* Every byte of a small block; the first and last 256 bytes of a large one (speed). */
static int sampled(size_t i, size_t size)
{
	return size <= 4096 || i < 256 || i >= size - 256;
}

static void fill(struct live_block *b)
{
	for (size_t i = 0; i < b->size; i = sampled(i + 1, b->size) ? i + 1 : b->size - 256)
		b->pointer[i] = (unsigned char)(b->pattern + i * 7);
}

static void verify(const struct live_block *b)
{
	for (size_t i = 0; i < b->size; i = sampled(i + 1, b->size) ? i + 1 : b->size - 256)
		if (b->pointer[i] != (unsigned char)(b->pattern + i * 7))
			fail("a live block's contents changed", NULL);
}

static void check_all(struct host_heap *h, const struct live_block *live, unsigned n, int damaged)
{
	char report[200];

	if (kheap_check(&h->heap, report, sizeof(report)) && !damaged)
		fail("kheap_check", report);
	if (h->window.heap_break + WINDOW_GUARD_PAGES * PAGE_SIZE > h->window.mmio_floor)
		fail("heap and MMIO met", NULL);
	if (h->heap.end != h->window.heap_break)
		fail("the heap's end is not the window's break", NULL);
	for (unsigned i = 0; i < n; i++)
		verify(&live[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length)
{
	static struct host_heap h;
	struct live_block live[MAX_LIVE];
	unsigned n = 0, mmio_pages = 0;
	int damaged = 0;

	if (!h.arena)
		host_heap_init(&h, ARENA, 0);
	host_heap_reset(&h, length ? data[0] & 1 : 0);
	h.quiet = 1;
	for (size_t at = 0; at + 4 <= length; at += 4) {
		unsigned op = data[at] % 10;
		size_t size = ((size_t)data[at + 1] << 8 | data[at + 2]) << (data[at + 3] % 6);
		unsigned pick = data[at + 3];
		unsigned refused = h.heap.refused;

		switch (op) {
		case 0:
		case 1:
		case 2: /* allocate, aligned when op is 2 */
			if (n < MAX_LIVE) {
				size_t align = (size_t)8 << (pick % 10);
				unsigned char *p =
					op == 2 ? kheap_alloc_aligned(&h.heap, size, align)
						: kheap_alloc(&h.heap, size);

				if (p) {
					if ((uintptr_t)p % (op == 2 ? align : 8))
						fail("misaligned block", NULL);
					if (kheap_usable_size(p) < size)
						fail("usable size below the request", NULL);
					live[n] =
						(struct live_block){ p, size, (unsigned char)pick };
					fill(&live[n++]);
				}
			}
			break;
		case 3:
		case 4: /* free */
			if (n) {
				unsigned i = pick % n;

				kheap_free(&h.heap, live[i].pointer);
				if (h.heap.refused != refused && !damaged)
					fail("a valid free was refused", h.last_report);
				if (op == 4) {
					/*
					 * At once again: a double free, refused (once a use
					 * after free has erased the marks it is caught when
					 * the bin hands the block out, not here).
					 */
					kheap_free(&h.heap, live[i].pointer);
					if (h.heap.refused != refused + 1 && !damaged)
						fail("a double free was not refused", NULL);
				}
				live[i] = live[--n];
			}
			break;
		case 5: /* realloc */
			if (n) {
				unsigned i = pick % n;
				unsigned char *p = kheap_realloc(&h.heap, live[i].pointer, size);

				if (size == 0) {
					live[i] = live[--n];
				} else if (p) {
					/* The bytes both sizes sampled: the first 256 (or fewer). */
					size_t kept = live[i].size < size ? live[i].size : size;
					struct live_block moved = { p, kept < 256 ? kept : 256,
								    live[i].pattern };

					verify(&moved);
					live[i].pointer = p;
					live[i].size = size;
					fill(&live[i]);
				}
			}
			break;
		case 6: /* a foreign pointer: inside a live block */
			if (n && live[pick % n].size >= 16) {
				kheap_free(&h.heap, live[pick % n].pointer + 8);
				if (h.heap.refused != refused + 1)
					fail("a pointer into a block was not refused", NULL);
			}
			break;
		case 7: { /* MMIO side of the window */
			uint64_t start;

			if (pick & 1) {
				uint32_t pages = 1 + size % 64;

				if (window_mmio_grow(&h.window, pages, &start) == 0)
					mmio_pages += pages;
			} else if (mmio_pages) {
				uint32_t pages = 1 + size % mmio_pages;

				window_mmio_shrink(&h.window, pages);
				mmio_pages -= pages;
			}
			break;
		}
		case 8: /* debug mode on or off, whatever is live */
			kheap_set_debug(&h.heap, !h.heap.debug);
			break;
		case 9: /* a use after free: the first words of a freed block overwritten */
			if (n) {
				unsigned i = pick % n;
				unsigned char *p = live[i].pointer;
				size_t usable = kheap_usable_size(p);

				kheap_free(&h.heap, p);
				live[i] = live[--n];
				/* Only while the memory is still the heap's (not given back). */
				if ((uintptr_t)p + 16 <= h.heap.end && usable >= 16) {
					for (unsigned b = 0; b < 16; b++)
						p[b] = data[(at + 1 + b) % length] ^
						       (unsigned char)b;
					damaged = 1;
				}
			}
			break;
		}
		check_all(&h, live, n, damaged);
	}
	while (n)
		kheap_free(&h.heap, live[--n].pointer);
	check_all(&h, live, 0, damaged);
	if (!damaged && h.window.heap_break != h.window.base)
		fail("everything freed, but the break is not back at the base", NULL);
	return 0;
}
