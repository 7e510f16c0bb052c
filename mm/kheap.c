/*
 * mm/kheap.c - the kernel heap allocator.
 *
 * Theory of operation
 * -------------------
 * Two-level segregated fit (the TLSF scheme of Masmano et al.): free blocks
 * sit in lists by size class, and two levels of bitmaps say which lists
 * are not empty, so finding a block is a couple of find-first-set
 * instructions, whatever the number of blocks: O(1). In front of the lists,
 * quick bins hand small blocks straight back; behind them, the top block is
 * cut up by bumping a pointer.
 *
 *   heap:  | hdr | payload | hdr | payload (free) | ... | top (free) | hdr (sentinel, size 0) |
 *          base                                                                         end
 *   hdr:   word 0: the previous block's address if it is free, else this
 *                  block's address, inverted (a check)
 *          word 1: payload size (a multiple of 8) | FREE | PREV_FREE | CANARY
 *   free payload: next free block of its class, and the pointer that points
 *                 at this block (a list head or the previous block's link)
 *
 *   size class: sizes below 128 in 16 linear classes of 8 bytes; above, the
 *   power of two (first level) cut into 16 (second level).
 *
 * Allocation, in the order it is tried:
 * - Quick bin: a freed block of up to KHEAP_QUICK_LIMIT bytes is first kept
 *   as it is, still looking used to its neighbours, in a bin for its exact
 *   size (a singly linked list through its payload). A request whose
 *   rounded size has a block there takes it in a few loads and stores; this
 *   is the whole of the inlined fast path, everything else is out of line.
 * - Free lists: the size is rounded up to the class above it, and the first
 *   block of the first non-empty list at or above that class fits. The
 *   rest, if big enough, becomes a free block in its list.
 * - Top: the free block that ends at the sentinel is in no list; when the
 *   lists have nothing, the request is cut from the top's front, which
 *   moves up. A heap that is being filled (nothing freed yet) takes every
 *   block this way.
 * - Growth: when the top is too small the backend maps more pages at the
 *   end (the window's break moves up), at least KHEAP_GROW_PAGES at a time,
 *   and the top grows by them.
 * kfree checks the header, then puts a small block in its bin (while the
 * bins hold fewer than KHEAP_QUICK_TOTAL blocks), else merges it with its
 * free neighbours (PREV_FREE and the next header say whether they are) and
 * lists it, or makes it part of the top. A top that spans more than
 * KHEAP_KEEP_PAGES pages goes back to the backend (the break moves down);
 * when the last live block is freed the bins are emptied into the lists,
 * the whole heap becomes the top and all of it goes. Every path is O(1)
 * but emptying the bins (at most KHEAP_QUICK_TOTAL blocks) and the
 * backend's page work.
 *
 * - Counts: used_blocks counts the blocks that are not free (handed out, or
 *   waiting in a bin), and changes only on the list and top paths;
 *   quick_total counts the blocks in the bins. So a quick-bin hit or free
 *   touches one counter, and the live blocks are the difference.
 * - Overhead: the 8-byte header (on the 32-bit kernel), nothing else on the
 *   fast path; the smallest block has 8 bytes of payload. The bins keep at
 *   most 512 blocks of at most 512 bytes: 256 KiB, in practice far less.
 * - Defence: kfree verifies the header before trusting it: word 0 must be
 *   the check value or point at a free block that ends here, the next
 *   header must agree on whether this block is free, and the size must stay
 *   inside the heap. The inlined fast path makes these tests without the
 *   reports; anything that fails one goes to validate(), which refuses a
 *   free of a free block (double free) or of anything the heap did not hand
 *   out and reports it with the address and what was expected; nothing
 *   changes. A block in a bin carries its check value as a mark in its
 *   second payload word; a free of a marked block that is in its bin is a
 *   double free (a mark that user data holds by chance costs a walk of
 *   that bin). kheap_check() walks everything.
 * - Links are checked before they are used (probes that forged them
 *   are among the tests): a quick bin hands a block out only if it is a block of the
 *   heap that carries the bin's mark and the bin's size, so a rewritten
 *   link, or a block whose mark a use after free erased before a double
 *   free put it back, is never handed out; the bin is cut there and
 *   reported. A listed block is unlinked only when its links agree
 *   (link_to_me points at a list head or a block's next_free that points
 *   back; next_free, if any, at a block that points back: glibc's safe
 *   unlinking), and its free neighbours' links are checked before a free
 *   merges with them; a damaged list is taken out of service and reported,
 *   a free next to a damaged neighbour is refused. The checker validates
 *   every link before it follows one. Damage is counted in corruptions.
 * - Debug mode (kheap_set_debug): each new block gets an 8-byte canary
 *   after its usable bytes, checked on free (an overwrite is refused and
 *   reported, naming the block); listed free blocks are poison (0x6B) but
 *   for their links, and a block taken from a list with its poison changed
 *   (a use after free) is reported with the first changed byte's offset
 *   and quarantined, never handed out; the bins are not used, and kfree's fast path is closed (its
 *   range is empty), so every free gets the full check. Each block
 *   remembers whether it has a canary, so the mode can change while blocks
 *   are live; switching empties the bins.
 * - Costs, in guest instructions with debug mode off (make bench,
 *   docs/memory.md): a quick-bin allocate about 40 (16 of them the checks of
 *   the block it hands out) and free about 60, counting the call; a list or
 *   top path about a hundred; the longest paths that map nothing under 240.
 *
 * Limits: single-threaded; blocks up to KHEAP_MAX_ALLOC; the heap must grow
 * contiguously (the window guarantees it).
 */
#include "mm/kheap.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lib/check.h"

#include "kernel/error.h"

#define KHEAP_CANARY     0xCA4A12E5U /* canary, mixed with the block's address */
#define KHEAP_POISON     0x6B        /* freed memory, in debug mode */
#define KHEAP_KEEP_PAGES 64          /* free pages kept at the top against thrashing */
#define KHEAP_GROW_PAGES 16          /* the heap grows by at least this much */

/* The hot paths are a handful of small steps: have them inlined. */
#define HOT static inline __attribute__((always_inline))

#define FLAG_FREE      1U
#define FLAG_PREV_FREE 2U
#define FLAG_CANARY    4U
#define FLAG_MASK      7U

#define SMALL_LIMIT  (KHEAP_SL_COUNT * KHEAP_ALIGN) /* 128: linear classes below */
#define CANARY_BYTES 8

struct kheap_block {
	uintptr_t link; /* previous block if PREV_FREE, else its address, inverted */
	uint32_t size_flags;
	/* Free blocks only: */
	struct kheap_block *next_free;
	struct kheap_block **link_to_me; /* the list head or the previous block's next_free */
};

#define HEADER      offsetof(struct kheap_block, next_free)
#define MIN_PAYLOAD (2 * sizeof(void *))

_Static_assert(HEADER % KHEAP_ALIGN == 0, "payloads must stay aligned");
_Static_assert(KHEAP_ALIGN == 8, "kfree's range check rotates by 3");
_Static_assert(offsetof(struct kheap, free_lists) == 0,
	       "unlinking takes a list's class from its offset");

HOT size_t block_size(const struct kheap_block *block)
{
	return block->size_flags & ~FLAG_MASK;
}

HOT void *payload(const struct kheap_block *block)
{
	return (char *)block + HEADER;
}

HOT struct kheap_block *next_block(const struct kheap_block *block)
{
	return (struct kheap_block *)((char *)payload(block) + block_size(block));
}

/* Word 0 of a block whose previous block is in use: its own address, inverted (one instruction). */
HOT uintptr_t check_value(const struct kheap_block *block)
{
	return ~(uintptr_t)block;
}

HOT void set_size(struct kheap_block *block, size_t size, uint32_t flags)
{
	block->size_flags = (uint32_t)size | flags;
}

HOT unsigned fls32(size_t value)
{
	return 31 - (unsigned)__builtin_clz((uint32_t)value);
}

HOT void mapping_insert(size_t size, unsigned *fl, unsigned *sl)
{
	if (size < SMALL_LIMIT) {
		*fl = 0;
		*sl = (unsigned)(size / KHEAP_ALIGN);
	} else {
		unsigned top = fls32(size);

		*fl = top - 6; /* 128 (bit 7) is first level 1 */
		*sl = (unsigned)(size >> (top - KHEAP_SL_LOG2)) ^ KHEAP_SL_COUNT;
	}
}

/* The class whose every block is at least size bytes. */
HOT void mapping_search(size_t size, unsigned *fl, unsigned *sl)
{
	if (size >= SMALL_LIMIT)
		size += ((size_t)1 << (fls32(size) - KHEAP_SL_LOG2)) - 1;
	mapping_insert(size, fl, sl);
}

HOT bool in_heap(const struct kheap *heap, uintptr_t address, uint32_t slots);

/* Whether p can be a block's header: in the heap, aligned, with room for a payload. */
HOT bool is_block_address(const struct kheap *heap, const void *p)
{
	return in_heap(heap, (uintptr_t)p + HEADER, heap->payload_slots);
}

/*
 * Whether a listed free block's links are whole, before anything is written
 * through them (safe unlinking, as glibc's): link_to_me points at a list
 * head or at a block's next_free, and finds the block there; next_free, if
 * set, is a block of the heap that points back. A link overwritten by a
 * use after free fails one of these instead of becoming a write anywhere.
 */
static bool free_links_ok(const struct kheap *heap, const struct kheap_block *block)
{
	struct kheap_block *const *link = block->link_to_me;
	const struct kheap_block *next = block->next_free;
	uintptr_t at = (uintptr_t)link;
	bool in_lists = at - (uintptr_t)heap->free_lists < sizeof(heap->free_lists) &&
			at % sizeof(void *) == 0;

	if (!in_lists && !in_heap(heap, at, heap->payload_slots))
		return false;
	if (*link != block)
		return false;
	return !next || (is_block_address(heap, next) && next->link_to_me == &block->next_free);
}

/*
 * A structure of the heap found damaged (what, at address, with the two
 * link values found there): say so, count it, and use none of it.
 */
static void __attribute__((noinline, cold))
corrupted(struct kheap *heap, const char *what, uintptr_t address, uintptr_t first,
	  uintptr_t second)
{
	char message[160];

	heap->corruptions++;
	snprintf(message, sizeof(message),
		 "kheap: corrupted %s at 0x%08lx (links 0x%08lx, 0x%08lx): left alone", what,
		 (unsigned long)address, (unsigned long)first, (unsigned long)second);
	if (heap->backend.report)
		heap->backend.report(heap->backend.context, message);
}

/* Put a free block in the list of class fl, sl (its class). */
HOT void insert_free_in(struct kheap *heap, struct kheap_block *block, unsigned fl, unsigned sl)
{
	struct kheap_block **list = &heap->free_lists[fl][sl];

	block->next_free = *list;
	block->link_to_me = list;
	if (*list)
		(*list)->link_to_me = &block->next_free;
	*list = block;
	heap->sl_bitmap[fl] |= 1U << sl;
	heap->fl_bitmap |= 1U << fl;
}

HOT void insert_free(struct kheap *heap, struct kheap_block *block)
{
	unsigned fl, sl;

	mapping_insert(block_size(block), &fl, &sl);
	insert_free_in(heap, block, fl, sl);
}

/*
 * Unlink without looking up the class: each free block knows the pointer
 * that points to it. Only when that is a list head and the list becomes
 * empty do the bitmaps change, and the head's place in the array says
 * which bits.
 */
HOT void remove_free(struct kheap *heap, struct kheap_block *block)
{
	struct kheap_block **link = block->link_to_me, *next = block->next_free;
	uintptr_t offset =
		(uintptr_t)link - (uintptr_t)heap->free_lists; /* (the lists come first) */

	*link = next;
	if (next)
		next->link_to_me = link;
	else if (offset < sizeof(heap->free_lists)) {
		unsigned fl = (unsigned)(offset / sizeof(heap->free_lists[0]));
		unsigned sl = (unsigned)(offset / sizeof(heap->free_lists[0][0])) % KHEAP_SL_COUNT;

		heap->sl_bitmap[fl] &= ~(1U << sl);
		if (!heap->sl_bitmap[fl])
			heap->fl_bitmap &= ~(1U << fl);
	}
}

/* The first block of the first non-empty list at class *fl, *sl or above, whose class it leaves there. */
HOT struct kheap_block *find_suitable(struct kheap *heap, unsigned *fl, unsigned *sl)
{
	uint32_t sl_map, fl_map;

	if (*fl >= KHEAP_FL_COUNT)
		return NULL;
	sl_map = heap->sl_bitmap[*fl] & (~0U << *sl);
	if (!sl_map) {
		fl_map = *fl + 1 < 32 ? heap->fl_bitmap & (~0U << (*fl + 1)) : 0;
		if (!fl_map)
			return NULL;
		*fl = (unsigned)__builtin_ctz(fl_map);
		sl_map = heap->sl_bitmap[*fl];
	}
	*sl = (unsigned)__builtin_ctz(sl_map);
	return heap->free_lists[*fl][*sl];
}

/*
 * The heap is now [base, end). kfree's range check works from what this
 * keeps: a pointer it takes is a payload, at or above base + a header and
 * below the sentinel's header, on an 8-byte boundary.
 */
static void set_bounds(struct kheap *heap, uintptr_t base, uintptr_t end)
{
	heap->base = base;
	heap->end = end;
	heap->first_payload = base + HEADER;
	/* From base + HEADER up to the last place a block of MIN_PAYLOAD fits below the sentinel. */
	heap->payload_slots =
		end > base ? (uint32_t)((end - base - 2 * HEADER - MIN_PAYLOAD) / KHEAP_ALIGN + 1)
			   : 0;
	heap->fast_slots =
		heap->debug ? 0 : heap->payload_slots; /* (debug mode: every free in full) */
	heap->last_payload_end = end - HEADER - MIN_PAYLOAD;
}

void kheap_init(struct kheap *heap, uintptr_t base, const struct kheap_backend *backend)
{
	memset(heap, 0, sizeof(*heap));
	set_bounds(heap, base, base);
	heap->backend = *backend;
}

static void __attribute__((noinline, cold))
report(struct kheap *heap, const char *fmt, unsigned long a, unsigned long b, unsigned long c)
{
	char message[160];

	heap->refused++;
	snprintf(message, sizeof(message), fmt, a, b, c);
	if (heap->backend.report)
		heap->backend.report(heap->backend.context, message);
}

HOT struct kheap_block *sentinel_of(const struct kheap *heap)
{
	return (struct kheap_block *)(heap->end - HEADER);
}

/* The top: the free block that ends at the sentinel, which no list holds; or NULL. */
HOT struct kheap_block *top_of(const struct kheap *heap)
{
	const struct kheap_block *sentinel = sentinel_of(heap);

	if (heap->end == heap->base || !(sentinel->size_flags & FLAG_PREV_FREE))
		return NULL;
	return (struct kheap_block *)sentinel->link;
}

/* Make top the free block that ends at new_end, the sentinel after it, the heap's end there. */
static void set_top_end(struct kheap *heap, struct kheap_block *top, uintptr_t new_end)
{
	struct kheap_block *sentinel = (struct kheap_block *)(new_end - HEADER);

	set_size(top, new_end - HEADER - (uintptr_t)payload(top), FLAG_FREE);
	sentinel->size_flags = FLAG_PREV_FREE;
	sentinel->link = (uintptr_t)top;
	set_bounds(heap, heap->base, new_end);
}

/* Make the top at least size bytes of payload: the backend maps pages at the end. */
static int grow(struct kheap *heap, size_t size)
{
	size_t page = heap->backend.page_size;
	struct kheap_block *top = top_of(heap), *block;
	/* The top takes in the old sentinel; a heap without a top makes one of it. */
	size_t need = top ? size - block_size(top)
			  : size + HEADER + (heap->end == heap->base ? HEADER : 0);
	uint32_t pages = (uint32_t)((need + page - 1) / page);
	uintptr_t start;

	if (!heap->backend.grow)
		return ERR_NO_MEMORY;
	/* A chunk at a time, or just what is needed when the window has no room for a chunk. */
	if (pages < KHEAP_GROW_PAGES &&
	    heap->backend.grow(heap->backend.context, KHEAP_GROW_PAGES, &start) == 0)
		pages = KHEAP_GROW_PAGES;
	else if (heap->backend.grow(heap->backend.context, pages, &start) != 0)
		return ERR_NO_MEMORY;
	if (heap->end == heap->base) {
		set_bounds(heap, start, start); /* an empty heap starts wherever it is given room */
		block = (struct kheap_block *)heap->base;
		block->link = check_value(block);
	} else if (start != heap->end) {
		if (heap->backend.shrink)
			heap->backend.shrink(heap->backend.context,
					     pages); /* not contiguous: cannot use */
		return ERR_NO_MEMORY;
	} else {
		block = top ? top : sentinel_of(heap); /* (the old sentinel's previous is in use) */
	}
	set_top_end(heap, block, heap->end + (uintptr_t)pages * page);
	return 0;
}

/* Give back what the top holds beyond KHEAP_KEEP_PAGES pages; all of it if it is the whole heap. */
static void __attribute__((noinline)) shrink(struct kheap *heap, struct kheap_block *top)
{
	size_t page = heap->backend.page_size;
	uintptr_t new_end;
	uint32_t pages;

	if (!heap->backend.shrink)
		return;
	if ((uintptr_t)top == heap->base) {
		pages = (uint32_t)((heap->end - heap->base) / page);
		set_bounds(heap, heap->base, heap->base);
		heap->backend.shrink(heap->backend.context, pages);
		return;
	}
	new_end = ((uintptr_t)payload(top) + MIN_PAYLOAD + HEADER + page - 1) &
		  ~(uintptr_t)(page - 1);
	if (new_end + KHEAP_KEEP_PAGES * page >= heap->end)
		return;
	new_end += KHEAP_KEEP_PAGES * page;
	pages = (uint32_t)((heap->end - new_end) / page);
	set_top_end(heap, top, new_end);
	heap->backend.shrink(heap->backend.context, pages);
}

/* The top has grown: give back its surplus, if it has any worth a look. */
HOT void top_grew(struct kheap *heap, struct kheap_block *top)
{
	if ((uintptr_t)top == heap->base ||
	    block_size(top) > (KHEAP_KEEP_PAGES + 1) * (size_t)heap->backend.page_size)
		shrink(heap, top);
}

/*
 * Cut the top down to size bytes of payload and make it used; the rest, if
 * big enough, is the new top. (The top's previous block is in use: free
 * neighbours are always merged.)
 */
HOT void take_from_top(struct kheap_block *top, size_t size)
{
	size_t total = block_size(top);
	struct kheap_block *sentinel = next_block(top), *rest;

	if (total >= size + HEADER + MIN_PAYLOAD) {
		top->size_flags = (uint32_t)size;
		rest = next_block(top);
		rest->size_flags = (uint32_t)(total - size - HEADER) | FLAG_FREE;
		rest->link = check_value(rest);
		sentinel->link = (uintptr_t)rest; /* (the sentinel's PREV_FREE stays) */
	} else {
		top->size_flags = (uint32_t)total;
		sentinel->link = check_value(sentinel);
		sentinel->size_flags = 0;
	}
}

/*
 * The list of class fl, sl holds block, whose links are damaged: report it
 * and take the whole list out of service (its blocks stay as they are, no
 * longer reachable), so that nothing is written through what it says.
 */
static void __attribute__((noinline, cold))
drop_list(struct kheap *heap, const struct kheap_block *block, unsigned fl, unsigned sl)
{
	corrupted(heap, "free list entry", (uintptr_t)block, (uintptr_t)block->next_free,
		  (uintptr_t)block->link_to_me);
	heap->free_lists[fl][sl] = NULL;
	heap->sl_bitmap[fl] &= ~(1U << sl);
	if (!heap->sl_bitmap[fl])
		heap->fl_bitmap &= ~(1U << fl);
}

/*
 * Debug mode poisons a freed block's payload (all but the two words its
 * links take); before the block is handed out again the poison must be
 * whole, or something wrote into freed memory: report the first changed
 * byte and leave the block where it is.
 */
/* The first byte of a free block's payload, past its links, that is not poison; or its size. */
static size_t first_unpoisoned(const struct kheap_block *block)
{
	static const unsigned char poison[256] = { [0 ... 255] = KHEAP_POISON };
	const unsigned char *bytes = (const unsigned char *)payload(block);
	size_t size = block_size(block), i = 2 * sizeof(uintptr_t);

	/* A chunk at a time (memcmp's speed), then the byte that differs. */
	while (i < size) {
		size_t chunk = size - i < sizeof(poison) ? size - i : sizeof(poison);

		if (memcmp(bytes + i, poison, chunk) != 0)
			break;
		i += chunk;
	}
	for (; i < size && bytes[i] == KHEAP_POISON; i++)
		;
	return i < size ? i : size;
}

static bool poison_whole(const struct kheap_block *block)
{
	return first_unpoisoned(block) == block_size(block);
}

static bool __attribute__((noinline))
poison_intact(struct kheap *heap, const struct kheap_block *block)
{
	const unsigned char *bytes = (const unsigned char *)payload(block);
	size_t size = block_size(block), i = first_unpoisoned(block);
	char message[160];

	if (i == size)
		return true;
	heap->corruptions++;
	snprintf(message, sizeof(message),
		 "kheap: use after free: block 0x%08lx, byte %lu of its %lu changed (0x%02x, "
		 "expected 0x%02x): left alone",
		 (unsigned long)(uintptr_t)payload(block), (unsigned long)i, (unsigned long)size,
		 bytes[i], KHEAP_POISON);
	if (heap->backend.report)
		heap->backend.report(heap->backend.context, message);
	return false;
}

/*
 * Take block, found in the list of class fl, sl, down to size bytes of
 * payload and make it used. The rest, if big enough, becomes a free block;
 * when it falls in the same class it simply takes the block's place in the
 * list, with no unlinking and no bitmap to update. (A listed block's
 * neighbours are both in use: free neighbours are always merged, and one
 * that ends at the sentinel is the top.)
 */
HOT bool take_listed(struct kheap *heap, struct kheap_block *block, size_t size, unsigned fl,
		     unsigned sl)
{
	size_t total = block_size(block);
	struct kheap_block *next = next_block(block), *rest;

	if (__builtin_expect(!free_links_ok(heap, block), 0)) {
		drop_list(heap, block, fl, sl);
		return false;
	}
	if (heap->debug && !poison_intact(heap, block)) {
		/* Quarantined: used from now on, never handed out. */
		remove_free(heap, block);
		block->size_flags = (uint32_t)total;
		next->link = check_value(next);
		next->size_flags &= ~FLAG_PREV_FREE;
		heap->used_blocks++;
		return false;
	}

	if (total >= size + HEADER + MIN_PAYLOAD) {
		size_t rest_size = total - size - HEADER;
		unsigned rest_fl, rest_sl;

		rest = (struct kheap_block *)((char *)payload(block) + size);
		rest->size_flags = (uint32_t)rest_size | FLAG_FREE;
		rest->link = check_value(rest);
		next->link = (uintptr_t)rest; /* (next's PREV_FREE stays) */
		block->size_flags = (uint32_t)size;
		mapping_insert(rest_size, &rest_fl, &rest_sl);
		if (rest_fl == fl && rest_sl == sl) {
			struct kheap_block **link = block->link_to_me, *after = block->next_free;

			rest->next_free = after;
			rest->link_to_me = link;
			*link = rest;
			if (after)
				after->link_to_me = &rest->next_free;
		} else {
			remove_free(heap, block);
			insert_free_in(heap, rest, rest_fl, rest_sl);
		}
	} else {
		remove_free(heap, block);
		block->size_flags = (uint32_t)total;
		next->link = check_value(next);
		next->size_flags &= ~FLAG_PREV_FREE;
	}
	return true;
}

/*
 * Make a used block free: merge it with its free neighbours, list it or
 * make it the top; returns the free block it became. The neighbours' links
 * are checked before anything changes; when one is damaged the block stays
 * used and NULL says so.
 */
HOT struct kheap_block *release(struct kheap *heap, struct kheap_block *block)
{
	uint32_t size_flags = block->size_flags;
	size_t size = size_flags & ~FLAG_MASK;
	struct kheap_block *next = next_block(block);
	uint32_t next_flags = next->size_flags;

	if (__builtin_expect(size_flags & FLAG_PREV_FREE, 0)) {
		const struct kheap_block *previous = (const struct kheap_block *)block->link;

		if (!is_block_address(heap, previous)) {
			corrupted(heap, "block header", (uintptr_t)block, block->link, size_flags);
			return NULL;
		}
		if (!free_links_ok(heap, previous)) {
			corrupted(heap, "free neighbour", block->link,
				  (uintptr_t)previous->next_free, (uintptr_t)previous->link_to_me);
			return NULL;
		}
	}
	if (__builtin_expect((next_flags & FLAG_FREE) && block_size(next_block(next)) != 0 &&
				     !free_links_ok(heap, next),
			     0)) {
		corrupted(heap, "free neighbour", (uintptr_t)next, (uintptr_t)next->next_free,
			  (uintptr_t)next->link_to_me);
		return NULL;
	}
	if (size_flags & FLAG_PREV_FREE) {
		struct kheap_block *previous = (struct kheap_block *)block->link;

		remove_free(heap, previous);
		size += block_size(previous) + HEADER;
		block = previous; /* (whose previous is in use: free neighbours are merged) */
	}
	if (next_flags & FLAG_FREE) {
		struct kheap_block *after = next_block(next);

		size += (next_flags & ~FLAG_MASK) + HEADER;
		block->size_flags = (uint32_t)size | FLAG_FREE;
		after->link = (uintptr_t)block;
		if (block_size(after) == 0) {
			top_grew(heap, block); /* next was the top: block is now */
			return block;
		}
		remove_free(heap, next);
	} else {
		block->size_flags = (uint32_t)size | FLAG_FREE;
		next->link = (uintptr_t)block;
		next->size_flags = next_flags | FLAG_PREV_FREE;
		if ((next_flags & ~FLAG_MASK) == 0) {
			top_grew(heap, block); /* block ends at the sentinel: it is the top */
			return block;
		}
	}
	/*
	 * Debug mode: a listed free block is poison but for its links (a merge
	 * brings headers and links into it, and a split leaves a part that
	 * never was), so that taking it out again can tell a use after free.
	 */
	if (__builtin_expect(heap->debug, 0))
		memset((char *)payload(block) + 2 * sizeof(uintptr_t), KHEAP_POISON,
		       block_size(block) - 2 * sizeof(uintptr_t));
	insert_free(heap, block);
	return block;
}

/*
 * A block in a quick bin is marked with its check value (already at hand
 * when kfree has checked word 0) in its second payload word. User data can
 * hold the same value by chance; then kfree walks the bin to be sure.
 */
HOT uintptr_t quick_mark(const struct kheap_block *block)
{
	return check_value(block);
}

/* The mark lives where a free block keeps link_to_me: the second payload word. */
HOT uintptr_t *quick_mark_slot(struct kheap_block *block)
{
	return (uintptr_t *)&block->link_to_me;
}

/*
 * Whether a bin's link can be followed: NULL (the bin's end), or a block of
 * the heap that carries a bin's mark and the bin's size. A link a use
 * after free overwrote fails this, and is never handed out or written
 * through; one that passes can only name a block of the same bin (a
 * popped block's mark is cleared), which reorders or leaks, never doubles.
 */
HOT bool quick_link_ok(const struct kheap *heap, const struct kheap_block *next, size_t size)
{
	return !next || (is_block_address(heap, next) &&
			 *quick_mark_slot((struct kheap_block *)next) == quick_mark(next) &&
			 block_size(next) == size);
}

/*
 * The blocks the bins still reach, counted again after a damaged link cut
 * one short; a bin is cut at its first link that is no cached block.
 */
static void quick_recount(struct kheap *heap)
{
	uint32_t total = 0;

	for (unsigned bin = 0; bin < KHEAP_QUICK_BINS; bin++) {
		struct kheap_block **link = &heap->quick[bin].head;

		while (*link && total <= KHEAP_QUICK_TOTAL) {
			if (!quick_link_ok(heap, *link, bin * KHEAP_ALIGN)) {
				*link = NULL;
				break;
			}
			total++;
			link = &(*link)->next_free;
		}
		if (total > KHEAP_QUICK_TOTAL)
			*link = NULL; /* (a cycle a damaged link made) */
	}
	heap->quick_total = total;
}

/*
 * A bin whose next entry (bad, reached from the bin's head or a cached
 * block) is not a cached block of the bin's size: report it, cut the bin
 * there (what lay behind stays used and unreachable: leaked rather than
 * trusted), and count the bins again.
 */
static void __attribute__((noinline, cold))
quick_cut(struct kheap *heap, struct kheap_bin *bin, const struct kheap_block *bad)
{
	corrupted(heap, "quick bin entry", (uintptr_t)bad, (uintptr_t)bin->head,
		  (uintptr_t)(bin - heap->quick) * KHEAP_ALIGN);
	quick_recount(heap);
}

/* Whether block is one of the blocks waiting in the quick bin for its size. */
static bool quick_contains(const struct kheap *heap, const struct kheap_block *block)
{
	size_t size = block_size(block);

	if (size > KHEAP_QUICK_LIMIT)
		return false;
	for (const struct kheap_block *entry = heap->quick[size / KHEAP_ALIGN].head; entry;
	     entry = entry->next_free) {
		if (entry == block)
			return true;
		if (!quick_link_ok(heap, entry->next_free, size))
			return false; /* (reported when the bin reaches that link) */
	}
	return false;
}

/* Return every cached block to the free lists. */
static void __attribute__((noinline)) quick_drain(struct kheap *heap)
{
	for (unsigned bin = 0; bin < KHEAP_QUICK_BINS; bin++) {
		while (heap->quick[bin].head) {
			struct kheap_block *block = heap->quick[bin].head;

			if (!quick_link_ok(heap, block, bin * KHEAP_ALIGN)) {
				quick_cut(heap, &heap->quick[bin], block);
				continue; /* (the cut emptied or shortened the bin) */
			}
			heap->quick[bin].head = block->next_free;
			*quick_mark_slot(block) =
				0; /* (else a block cut here later could look cached) */
			if (release(heap, block))
				heap->used_blocks--;
		}
	}
	heap->quick_total = 0;
}

void kheap_set_debug(struct kheap *heap, bool on)
{
	if (heap->quick_total)
		quick_drain(heap);
	/* Listed free blocks are poison in debug mode: make those that are already listed so. */
	if (on && !heap->debug) {
		for (unsigned fl = 0; fl < KHEAP_FL_COUNT; fl++)
			for (unsigned sl = 0; sl < KHEAP_SL_COUNT; sl++)
				for (struct kheap_block *entry = heap->free_lists[fl][sl];
				     entry && is_block_address(heap, entry);
				     entry = entry->next_free)
					memset((char *)payload(entry) + 2 * sizeof(uintptr_t),
					       KHEAP_POISON,
					       block_size(entry) - 2 * sizeof(uintptr_t));
	}
	heap->debug = on;
	set_bounds(heap, heap->base, heap->end);
}

/* A used block of at least size bytes from the lists or the top, without growing; or NULL. */
HOT struct kheap_block *take_existing(struct kheap *heap, size_t size)
{
	struct kheap_block *block;

	/*
	 * (A heap being filled has no free block but the top.) A block the
	 * lists cannot give (damaged links, broken poison) is taken out of
	 * service by take_listed, and the search goes on.
	 */
	while (heap->fl_bitmap) {
		unsigned fl, sl;

		mapping_search(size, &fl, &sl);
		block = find_suitable(heap, &fl, &sl);
		if (!block)
			break;
		if (take_listed(heap, block, size, fl, sl))
			return block;
	}
	block = top_of(heap);
	if (!block || block_size(block) < size)
		return NULL;
	take_from_top(block, size);
	return block;
}

/* Growth, and when the window has no room, the quick bins merged back; then the top. */
static struct kheap_block *__attribute__((noinline))
take_after_growth(struct kheap *heap, size_t size)
{
	struct kheap_block *block;

	if (grow(heap, size) != 0) {
		if (!heap->quick_total)
			return NULL;
		quick_drain(heap);
		block = take_existing(heap, size);
		if (block || grow(heap, size) != 0)
			return block;
	}
	block = top_of(heap);
	take_from_top(block, size);
	return block;
}

/* A used block of at least size bytes of payload, or NULL. */
HOT struct kheap_block *take_block(struct kheap *heap, size_t size)
{
	struct kheap_block *block = take_existing(heap, size);

	return block ? block : take_after_growth(heap, size);
}

HOT uintptr_t *canary_of(const struct kheap_block *block)
{
	return (uintptr_t *)((char *)payload(block) + block_size(block) - CANARY_BYTES);
}

HOT uintptr_t canary_value(const struct kheap_block *block)
{
	return (uintptr_t)block ^ KHEAP_CANARY;
}

size_t kheap_usable_size(const void *pointer)
{
	const struct kheap_block *block =
		(const struct kheap_block *)((const char *)pointer - HEADER);

	return block_size(block) - ((block->size_flags & FLAG_CANARY) ? CANARY_BYTES : 0);
}

/* Hand out a used block (with room for the canary in debug mode). */
HOT void *finish(struct kheap *heap, struct kheap_block *block)
{
	heap->used_blocks++;
	if (heap->debug) {
		block->size_flags |= FLAG_CANARY;
		*canary_of(block) = canary_value(block);
	}
	return payload(block);
}

/* Payload bytes to ask for to hand out size usable bytes. */
HOT size_t payload_for(const struct kheap *heap, size_t size)
{
	size = ((size + KHEAP_ALIGN - 1) & ~(size_t)(KHEAP_ALIGN - 1)) +
	       (heap->debug ? CANARY_BYTES : 0);
	return size < MIN_PAYLOAD ? MIN_PAYLOAD : size;
}

/*
 * The quick bin that serves size bytes: its blocks have size rounded up to
 * 8. Size 0 falls on bin 0, which no block ever enters (the smallest
 * payload is 8), so it takes the slow path. (In debug mode the bins are
 * empty.)
 */
HOT struct kheap_bin *quick_bin_for(struct kheap *heap, size_t size)
{
	return &heap->quick[(size + KHEAP_ALIGN - 1) / KHEAP_ALIGN];
}

bool kheap_quick_ready(const struct kheap *heap, size_t size)
{
	return size <= KHEAP_QUICK_LIMIT && quick_bin_for((struct kheap *)heap, size)->head != NULL;
}

static void *__attribute__((noinline)) alloc_slow(struct kheap *heap, size_t size)
{
	struct kheap_block *block;

	if (size > KHEAP_MAX_ALLOC)
		return NULL;
	block = take_block(heap, payload_for(heap, size));
	return block ? finish(heap, block) : NULL;
}

HOT void *heap_alloc(struct kheap *heap, size_t size)
{
	if (size <= KHEAP_QUICK_LIMIT) {
		struct kheap_bin *bin = quick_bin_for(heap, size);
		struct kheap_block *block = bin->head;

		/*
		 * The block is checked before it is handed out: a link that a use
		 * after free rewrote, or a block whose mark it erased (and which a
		 * double free then put in the bin again), is not a cached block of
		 * this size, and the bin is cut there instead.
		 */
		if (block && __builtin_expect(!quick_link_ok(heap, block,
							     (size + KHEAP_ALIGN - 1) &
								     ~(size_t)(KHEAP_ALIGN - 1)),
					      0)) {
			quick_cut(heap, bin, block);
			block = NULL;
		}
		if (block) {
			/* (It stays a used block: only the bins' count changes.) */
			bin->head = block->next_free;
			*quick_mark_slot(block) = 0;
			heap->quick_total--;
			return payload(block);
		}
	}
	return alloc_slow(heap, size);
}

void *kheap_alloc_aligned(struct kheap *heap, size_t size, size_t align)
{
	struct kheap_block *block, *front, *tail;
	uintptr_t start, aligned;
	size_t need;

	if (align == 0 || (align & (align - 1)) || align > KHEAP_MAX_ALLOC)
		return NULL;
	if (align <= KHEAP_ALIGN)
		return heap_alloc(heap, size);
	if (size > KHEAP_MAX_ALLOC)
		return NULL;
	need = payload_for(heap, size);
	block = take_block(heap, need + align + HEADER + MIN_PAYLOAD);
	if (!block)
		return NULL;
	start = (uintptr_t)payload(block);
	aligned = (start + align - 1) & ~(uintptr_t)(align - 1);
	if (aligned != start) {
		/* The bytes before become a block of their own, and go back free. */
		if (aligned - start < HEADER + MIN_PAYLOAD)
			aligned = (start + HEADER + MIN_PAYLOAD + align - 1) &
				  ~(uintptr_t)(align - 1);
		front = block;
		block = (struct kheap_block *)(aligned - HEADER);
		set_size(block, (uintptr_t)next_block(front) - aligned, 0);
		set_size(front, (uintptr_t)block - start, front->size_flags & FLAG_PREV_FREE);
		release(heap, front);
	}
	if (block_size(block) >= need + HEADER + MIN_PAYLOAD) {
		/* So do the bytes after. */
		tail = (struct kheap_block *)((char *)payload(block) + need);
		set_size(tail, block_size(block) - need - HEADER, 0);
		tail->link = check_value(tail);
		set_size(block, need, block->size_flags & FLAG_PREV_FREE);
		release(heap, tail);
	}
	return finish(heap, block);
}

/*
 * Whether address can be a payload: in the heap and aligned, in one
 * compare. The offset from the first payload, rotated right by 3, is the
 * slot number when the address is aligned; when it is not, a low bit
 * rotates to the top and the value is at least 2^29 on the 32-bit kernel
 * (2^61 on the host), more than a heap smaller than the address space has
 * slots.
 */
HOT bool in_heap(const struct kheap *heap, uintptr_t address, uint32_t slots)
{
	uintptr_t offset = address - heap->first_payload;

	return ((offset >> 3) | (offset << (sizeof(offset) * 8 - 3))) < slots;
}

/*
 * The full check of a free, with a report for whatever is wrong: the block
 * if it is one the heap handed out and still holds, else NULL.
 */
static struct kheap_block *__attribute__((noinline)) validate(struct kheap *heap, void *pointer)
{
	uintptr_t address = (uintptr_t)pointer;
	struct kheap_block *block = (struct kheap_block *)(address - HEADER), *next;
	uint32_t size_flags;
	size_t size;

	if (!in_heap(heap, address, heap->payload_slots)) {
		report(heap, "kheap: free of 0x%08lx refused: not in the heap 0x%08lx-0x%08lx",
		       address, heap->base, heap->end);
		return NULL;
	}
	size_flags = block->size_flags;
	size = size_flags & ~FLAG_MASK;
	if (size < MIN_PAYLOAD || size > heap->end - HEADER - address) {
		report(heap,
		       "kheap: free of 0x%08lx refused: not a block (size field 0x%08lx, heap ends "
		       "at 0x%08lx)",
		       address, size_flags, heap->end);
		return NULL;
	}
	if (size_flags & FLAG_PREV_FREE) {
		struct kheap_block *previous = (struct kheap_block *)block->link;

		if (block->link < heap->base || block->link >= (uintptr_t)block ||
		    block->link % KHEAP_ALIGN || !(previous->size_flags & FLAG_FREE) ||
		    next_block(previous) != block) {
			report(heap,
			       "kheap: free of 0x%08lx refused: not a block (its header at 0x%08lx "
			       "links to 0x%08lx, which is no free neighbour)",
			       address, (uintptr_t)block, block->link);
			return NULL;
		}
	} else if (block->link != check_value(block)) {
		report(heap,
		       "kheap: free of 0x%08lx refused: not a block the heap handed out "
		       "(header 0x%08lx, expected 0x%08lx)",
		       address, block->link, check_value(block));
		return NULL;
	}
	next = next_block(block);
	if (!!(next->size_flags & FLAG_PREV_FREE) != !!(size_flags & FLAG_FREE)) {
		report(heap,
		       "kheap: free of 0x%08lx refused: its neighbour at 0x%08lx disagrees (0x%08lx)",
		       address, (uintptr_t)next, next->size_flags);
		return NULL;
	}
	if (size_flags & FLAG_FREE) {
		report(heap,
		       "kheap: double free of 0x%08lx (a block of %lu bytes, already free at "
		       "0x%08lx)",
		       address, size, (uintptr_t)block);
		return NULL;
	}
	if (*quick_mark_slot(block) == quick_mark(block) && quick_contains(heap, block)) {
		report(heap,
		       "kheap: double free of 0x%08lx (a block of %lu bytes, already freed and "
		       "cached at 0x%08lx)",
		       address, size, (uintptr_t)block);
		return NULL;
	}
	if ((size_flags & FLAG_CANARY) && *canary_of(block) != canary_value(block)) {
		report(heap,
		       "kheap: canary after block 0x%08lx overwritten: 0x%08lx, expected 0x%08lx",
		       address, *canary_of(block), canary_value(block));
		return NULL;
	}
	return block;
}

/*
 * Whether a checked used block of size bytes goes to a quick bin (not in
 * debug mode, which uses none): one of that size, while the bins have
 * room, and not the last live block (whose free empties the heap).
 */
HOT bool quick_takes(const struct kheap *heap, size_t size)
{
	return size <= KHEAP_QUICK_LIMIT && heap->quick_total < KHEAP_QUICK_TOTAL &&
	       heap->used_blocks - heap->quick_total > 1;
}

/* Put a checked used block, whose check value is check, in the quick bin for its size. */
HOT void quick_put(struct kheap *heap, struct kheap_block *block, size_t size, uintptr_t check)
{
	struct kheap_bin *bin = &heap->quick[size / KHEAP_ALIGN];

	block->next_free = bin->head;
	*quick_mark_slot(block) = check;
	bin->head = block;
	heap->quick_total++;
}

/* A checked used block that no bin takes: to the lists or the top; the last one empties the bins. */
HOT void free_block(struct kheap *heap, struct kheap_block *block)
{
	if (!release(heap, block))
		return; /* (a neighbour's links are damaged: the block stays used, reported) */
	/* The last live block: everything goes back, and an empty heap gives back its pages. */
	if (--heap->used_blocks == heap->quick_total)
		quick_drain(heap); /* (which finds nothing to do if the heap is empty already) */
}

/*
 * kfree of NULL, of whatever the fast checks did not pass, and of every
 * block in debug mode: the full check and its report, then the poison.
 */
static void __attribute__((noinline)) free_checked(struct kheap *heap, void *pointer)
{
	struct kheap_block *block;
	size_t size;

	if (!pointer)
		return;
	block = validate(heap, pointer);
	if (!block)
		return;
	size = block_size(block);
	if (heap->debug) {
		memset(pointer, KHEAP_POISON, size);
		free_block(heap, block);
	} else if (quick_takes(heap, size)) {
		block->size_flags &=
			~FLAG_CANARY; /* (a block from debug mode: its canary is payload now) */
		quick_put(heap, block, size, check_value(block));
	} else {
		free_block(heap, block);
	}
}

/*
 * The fast path makes every check of validate() but the canary's, without
 * the reports: in the heap and aligned, used, a size that stays inside the
 * heap, a next block that agrees, word 0 holding the check value or a free
 * previous block that ends here, and no bin's mark. A block that passes
 * goes to its quick bin or to the lists. Anything else (a refusal and its
 * report, a mark that may be there by chance, a canary, debug mode) goes
 * through free_checked. So does NULL: in_heap() refuses it, since its
 * offset from the first payload is the distance to the top of the address
 * space, more than a heap below the top can span.
 */
HOT void heap_free(struct kheap *heap, void *pointer)
{
	uintptr_t address = (uintptr_t)pointer, check;
	struct kheap_block *block = (struct kheap_block *)(address - HEADER), *previous;
	uint32_t size_flags;
	size_t size;

	if (!in_heap(heap, address, heap->fast_slots)) /* (never, in debug mode) */
		goto checked;
	size_flags = block->size_flags;
	size = size_flags & ~FLAG_MASK;
	check = check_value(block);
	/* (The size: between MIN_PAYLOAD and what is left of the heap, in one unsigned compare.) */
	if ((size_flags & (FLAG_FREE | FLAG_CANARY)) ||
	    size - MIN_PAYLOAD > heap->last_payload_end - address ||
	    (next_block(block)->size_flags & FLAG_PREV_FREE) ||
	    (size <= KHEAP_QUICK_LIMIT && *quick_mark_slot(block) == check))
		goto checked; /* (only a block a bin can hold can carry a bin's mark) */
	if (size_flags & FLAG_PREV_FREE) {
		previous = (struct kheap_block *)block->link;
		if (block->link < heap->base || previous >= block || block->link % KHEAP_ALIGN ||
		    !(previous->size_flags & FLAG_FREE) || next_block(previous) != block)
			goto checked;
	} else if (block->link != check) {
		goto checked;
	}
	if (!quick_takes(heap, size)) {
		free_block(heap, block);
		return;
	}
	quick_put(heap, block, size, check);
	return;
checked:
	free_checked(heap, pointer);
}

/*
 * The allocation entry points need no frame of their own: the quick-bin
 * path calls nothing, and the rest is a jump to alloc_slow, which has one.
 * (A backtrace from the quick-bin path finds the caller in lr.)
 */
#if defined(__GNUC__) && !defined(__clang__)
#define FRAMELESS __attribute__((optimize("omit-frame-pointer")))
#else
#define FRAMELESS /* (the host's fuzz build, with clang) */
#endif

FRAMELESS void *kheap_alloc(struct kheap *heap, size_t size)
{
	return heap_alloc(heap, size);
}

void kheap_free(struct kheap *heap, void *pointer)
{
	heap_free(heap, pointer);
}

/*
 * The kernel's heap: its two hot entry points are built on it directly,
 * with no call between, under the lock that every core's use of it takes.
 */
struct kheap kernel_heap;
static const struct lock_class kernel_heap_class
	__attribute__((unused)) = { LOCK_RANK_HEAP, "kernel heap" };
mm_lock_t kernel_heap_lock = MM_LOCK_INIT(&kernel_heap_class);

void *kmalloc(size_t size)
{
	void *pointer;

	mm_lock(&kernel_heap_lock);
	pointer = heap_alloc(&kernel_heap, size);
	mm_unlock(&kernel_heap_lock);
	return pointer;
}

void kfree(void *pointer)
{
	mm_lock(&kernel_heap_lock);
	heap_free(&kernel_heap, pointer);
	mm_unlock(&kernel_heap_lock);
}

void *kheap_calloc(struct kheap *heap, size_t n, size_t size)
{
	void *pointer;

	if (size && n > KHEAP_MAX_ALLOC / size)
		return NULL;
	pointer = kheap_alloc(heap, n * size);
	if (pointer)
		memset(pointer, 0, n * size);
	return pointer;
}

void *kheap_realloc(struct kheap *heap, void *pointer, size_t size)
{
	void *moved;
	size_t usable;

	if (!pointer)
		return kheap_alloc(heap, size);
	if (size == 0) {
		kheap_free(heap, pointer);
		return NULL;
	}
	if (!validate(heap, pointer))
		return NULL;
	usable = kheap_usable_size(pointer);
	if (size <= usable)
		return pointer;
	moved = kheap_alloc(heap, size);
	if (!moved)
		return NULL;
	memcpy(moved, pointer, usable);
	kheap_free(heap, pointer);
	return moved;
}

void kheap_get_stats(const struct kheap *heap, struct kheap_stats *stats)
{
	memset(stats, 0, sizeof(*stats));
	stats->heap_bytes = heap->end - heap->base;
	stats->live_blocks = heap->used_blocks - heap->quick_total;
	if (heap->end == heap->base)
		return;
	for (unsigned bin = 0; bin < KHEAP_QUICK_BINS; bin++)
		for (const struct kheap_block *entry = heap->quick[bin].head; entry;
		     entry = entry->next_free) {
			stats->cached_blocks++;
			stats->cached_bytes += block_size(entry);
		}
	stats->live_bytes -= stats->cached_bytes; /* the walk below counts them as used */
	for (struct kheap_block *block = (struct kheap_block *)heap->base;
	     (uintptr_t)block < heap->end - HEADER; block = next_block(block)) {
		if (!(block->size_flags & FLAG_FREE))
			stats->live_bytes += kheap_usable_size(payload(block));
		if (block->size_flags & FLAG_FREE) {
			stats->free_blocks++;
			stats->free_bytes += block_size(block);
			if (block_size(block) > stats->largest_free)
				stats->largest_free = block_size(block);
		}
	}
}

unsigned kheap_check(const struct kheap *heap, char *report_text, size_t report_size)
{
	struct check_report report = { report_text, report_size, 0 };
	unsigned walked_free = 0, listed_free = 0, used = 0, cached = 0;
	const struct kheap_block *block, *previous = NULL;

	if (report_text && report_size)
		report_text[0] = '\0';
	if (heap->end == heap->base) {
		CHECK(&report, heap->fl_bitmap == 0, "empty heap, but free lists are marked");
		CHECK(&report, heap->used_blocks == 0, "empty heap, but %lu used blocks",
		      (unsigned long)heap->used_blocks);
		CHECK(&report, heap->quick_total == 0,
		      "empty heap, but %lu blocks in the quick bins",
		      (unsigned long)heap->quick_total);
		return report.problems;
	}
	for (unsigned bin = 0; bin < KHEAP_QUICK_BINS; bin++) {
		unsigned count = 0;

		for (const struct kheap_block *entry = heap->quick[bin].head;
		     entry && cached + count <= KHEAP_QUICK_TOTAL;
		     entry = entry->next_free, count++) {
			uintptr_t at = (uintptr_t)entry;

			CHECK(&report,
			      at >= heap->base && at < heap->end - HEADER && at % KHEAP_ALIGN == 0,
			      "quick bin %u: entry 0x%lx is not in the heap", bin,
			      (unsigned long)at);
			if (report.problems)
				return report.problems; /* cannot follow it */
			CHECK(&report,
			      !(entry->size_flags & FLAG_FREE) &&
				      block_size(entry) == bin * KHEAP_ALIGN &&
				      entry->link_to_me == (struct kheap_block **)quick_mark(entry),
			      "quick bin %u: block 0x%lx (size field 0x%lx) is not a cached block of its size",
			      bin, (unsigned long)at, (unsigned long)entry->size_flags);
		}
		cached += count;
	}
	for (block = (const struct kheap_block *)heap->base; (uintptr_t)block < heap->end - HEADER;
	     block = next_block(block)) {
		int is_free = (block->size_flags & FLAG_FREE) != 0;

		CHECK(&report,
		      block_size(block) >= MIN_PAYLOAD && block_size(block) % KHEAP_ALIGN == 0 &&
			      (uintptr_t)next_block(block) <= heap->end - HEADER,
		      "block 0x%lx: bad size 0x%lx", (unsigned long)(uintptr_t)block,
		      (unsigned long)block->size_flags);
		if (report.problems)
			return report.problems; /* cannot walk further */
		if (previous && (previous->size_flags & FLAG_FREE)) {
			CHECK(&report, block->size_flags & FLAG_PREV_FREE,
			      "block 0x%lx: previous is free, flag clear",
			      (unsigned long)(uintptr_t)block);
			CHECK(&report, block->link == (uintptr_t)previous,
			      "block 0x%lx: link 0x%lx, expected 0x%lx",
			      (unsigned long)(uintptr_t)block, (unsigned long)block->link,
			      (unsigned long)(uintptr_t)previous);
			CHECK(&report, !is_free, "blocks 0x%lx and 0x%lx are both free: not merged",
			      (unsigned long)(uintptr_t)previous, (unsigned long)(uintptr_t)block);
		} else {
			CHECK(&report, !(block->size_flags & FLAG_PREV_FREE),
			      "block 0x%lx: flag says previous free",
			      (unsigned long)(uintptr_t)block);
			CHECK(&report, block->link == check_value(block),
			      "block 0x%lx: check word 0x%lx", (unsigned long)(uintptr_t)block,
			      (unsigned long)block->link);
		}
		if (is_free) {
			unsigned fl, sl;
			const struct kheap_block *entry;
			int found = 0, top = (uintptr_t)next_block(block) == heap->end - HEADER;

			mapping_insert(block_size(block), &fl, &sl);
			/* (A damaged link ends the search: the walk of the lists below reports it.) */
			for (entry = heap->free_lists[fl][sl];
			     entry && !found && is_block_address(heap, entry);
			     entry = entry->next_free)
				found = entry == block;
			if (top) {
				CHECK(&report, !found, "the top block 0x%lx is in a list",
				      (unsigned long)(uintptr_t)block);
			} else {
				walked_free++;
				CHECK(&report, found,
				      "free block 0x%lx (%lu bytes) is not in its list",
				      (unsigned long)(uintptr_t)block,
				      (unsigned long)block_size(block));
			}
		} else {
			used++;
			if (block->size_flags & FLAG_CANARY)
				CHECK(&report, *canary_of(block) == canary_value(block),
				      "canary after block 0x%lx overwritten",
				      (unsigned long)(uintptr_t)payload(block));
		}
		previous = block;
	}
	CHECK(&report, (uintptr_t)block == heap->end - HEADER && block_size(block) == 0,
	      "the sentinel is not at the end (0x%lx)", (unsigned long)(uintptr_t)block);
	if (report.problems)
		return report.problems;
	if (previous && (previous->size_flags & FLAG_FREE))
		CHECK(&report,
		      (block->size_flags & FLAG_PREV_FREE) && block->link == (uintptr_t)previous,
		      "the sentinel does not link to the top 0x%lx (0x%lx, 0x%lx)",
		      (unsigned long)(uintptr_t)previous, (unsigned long)block->link,
		      (unsigned long)block->size_flags);
	else
		CHECK(&report,
		      !(block->size_flags & FLAG_PREV_FREE) && block->link == check_value(block),
		      "the sentinel's header is wrong (0x%lx, 0x%lx)", (unsigned long)block->link,
		      (unsigned long)block->size_flags);
	for (unsigned fl = 0; fl < KHEAP_FL_COUNT; fl++) {
		CHECK(&report, !!(heap->fl_bitmap & (1U << fl)) == !!heap->sl_bitmap[fl],
		      "first-level bit %u disagrees with its second level", fl);
		for (unsigned sl = 0; sl < KHEAP_SL_COUNT; sl++) {
			const struct kheap_block *entry = heap->free_lists[fl][sl];

			CHECK(&report, !!(heap->sl_bitmap[fl] & (1U << sl)) == !!entry,
			      "bitmap bit %u/%u disagrees with its list", fl, sl);
			for (; entry; entry = entry->next_free) {
				listed_free++;
				/* Each link checked before it is followed: a checker reports, never faults. */
				if (!is_block_address(heap, entry) || !free_links_ok(heap, entry)) {
					CHECK(&report, 0,
					      "free list %u/%u: 0x%lx is not a listed block, or its "
					      "links are damaged",
					      fl, sl, (unsigned long)(uintptr_t)entry);
					break;
				}
				CHECK(&report, entry->size_flags & FLAG_FREE,
				      "listed block 0x%lx is not free",
				      (unsigned long)(uintptr_t)entry);
				if (heap->debug)
					CHECK(&report, poison_whole(entry),
					      "free block 0x%lx: its poison is broken (a use after free)",
					      (unsigned long)(uintptr_t)payload(entry));
				if (listed_free > walked_free + 1)
					break;
			}
		}
	}
	CHECK(&report, listed_free == walked_free, "%u free blocks in the lists, %u in the heap",
	      listed_free, walked_free);
	CHECK(&report, cached == heap->quick_total && cached <= KHEAP_QUICK_TOTAL,
	      "%u blocks in the quick bins, counted %lu", cached, (unsigned long)heap->quick_total);
	CHECK(&report, used == heap->used_blocks, "%u used blocks, counted %lu", used,
	      (unsigned long)heap->used_blocks);
	return report.problems;
}
