/*
 * mm/kheap.c - the kernel heap allocator.
 *
 * Theory of operation
 * -------------------
 * Two-level segregated fit (the TLSF scheme of Masmano et al.): free blocks
 * sit in lists by size class, and two levels of bitmaps say which lists
 * are not empty, so finding a block is a couple of find-first-set
 * instructions, whatever the number of blocks: O(1).
 *
 *   heap:  | hdr | payload | hdr | payload (free) | ... | hdr (sentinel, size 0) |
 *          base                                                               end
 *   hdr:   word 0: the previous block's address if it is free, else this
 *                  block's address ^ KHEAP_MAGIC (a check)
 *          word 1: payload size (a multiple of 8) | FREE | PREV_FREE | CANARY
 *   free payload: next and previous free block of its class
 *
 *   size class: sizes below 128 in 16 linear classes of 8 bytes; above, the
 *   power of two (first level) cut into 16 (second level).
 *
 * - kmalloc rounds the size up to the class above it, takes the first block
 *   of the first non-empty list at or above it (so any block found fits),
 *   and splits off the rest as a free block. kfree merges the block with
 *   free neighbours (PREV_FREE and the next header say whether they are)
 *   and puts the result in its list. Both O(1).
 * - Overhead: the 8-byte header (on the 32-bit kernel), nothing else on the
 *   fast path; the smallest block has 8 bytes of payload.
 * - Defence: kfree verifies the header before trusting it: word 0 must be
 *   the check value or point at a free block that ends here, the next
 *   header must agree on whether this block is free, and the size must stay
 *   inside the heap. A free of a free block (double free) or of anything the
 *   heap did not hand out is refused and reported with the address and what
 *   was expected; nothing changes. In debug mode each new block gets an
 *   8-byte canary after its usable bytes, checked on free (an overwrite is
 *   refused and reported, naming the block), and freed payloads are
 *   poisoned with 0x6B bytes. Each block remembers whether it has a canary,
 *   so debug mode can be switched at any time. kheap_check() walks
 *   everything.
 * - Quick bins: a freed block of up to KHEAP_QUICK_LIMIT bytes is first
 *   kept as it is, still looking used to its neighbours, in a bin for its
 *   exact size (a singly linked list through its payload), and the next
 *   request for that size takes it back in a couple of loads and stores.
 *   A bin holds KHEAP_QUICK_DEPTH blocks at most, all bins KHEAP_QUICK_TOTAL,
 *   so the memory kept aside is bounded (at most 16 blocks of each size up to
 *   512 bytes, 266 KiB, and in practice far less) and so is the work of
 *   emptying them. They are emptied into the lists when the last live block
 *   is freed (so an empty heap gives back all its pages) and before a
 *   request is refused for want of room. A cached block carries a mark
 *   (its address ^ KHEAP_QUICK_MAGIC in its second payload word); a free
 *   of a marked block that is in its bin is a double free.
 * - Growth: when no block fits, the backend maps more pages at the end (the
 *   window's break moves up); the old sentinel becomes the header of the
 *   new free space. When the block under the sentinel is free and spans more
 *   than KHEAP_KEEP_PAGES pages beyond the minimum, the surplus goes back
 *   (the break moves down); when the whole heap is free, all of it goes.
 *
 * Limits: single-threaded; blocks up to KHEAP_MAX_ALLOC; the heap must grow
 * contiguously (the window guarantees it).
 */
#include "mm/kheap.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "kernel/error.h"

#define KHEAP_MAGIC             0x4B484550U     /* "KHEP": header check */
#define KHEAP_QUICK_MAGIC       0x51434B42U     /* "QCKB": marks a block in a quick bin */
#define KHEAP_CANARY            0xCA4A12E5U     /* canary, mixed with the block's address */
#define KHEAP_POISON            0x6B            /* freed memory, in debug mode */
#define KHEAP_KEEP_PAGES        16              /* free pages kept at the top against thrashing */
#define KHEAP_GROW_PAGES        16              /* the heap grows by at least this much */

/* The hot paths are a handful of small steps: have them inlined. */
#define HOT static inline __attribute__((always_inline))

#define FLAG_FREE               1U
#define FLAG_PREV_FREE          2U
#define FLAG_CANARY             4U
#define FLAG_MASK               7U

#define SMALL_LIMIT             (KHEAP_SL_COUNT * KHEAP_ALIGN)  /* 128: linear classes below */
#define CANARY_BYTES            8

struct kheap_block {
	uintptr_t link;                 /* previous block if PREV_FREE, else address ^ magic */
	uint32_t size_flags;
	/* Free blocks only: */
	struct kheap_block *next_free;
	struct kheap_block **link_to_me;        /* the list head or the previous block's next_free */
};

#define HEADER          offsetof(struct kheap_block, next_free)
#define MIN_PAYLOAD     (2 * sizeof(void *))

_Static_assert(HEADER % KHEAP_ALIGN == 0, "payloads must stay aligned");

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

HOT uintptr_t check_value(const struct kheap_block *block)
{
	return (uintptr_t)block ^ KHEAP_MAGIC;
}

HOT void set_size(struct kheap_block *block, size_t size, uint32_t flags)
{
	block->size_flags = (uint32_t)size | flags;
}

/* Tell next about its previous block: free (link to it) or not (check value). */
HOT void link_next(struct kheap_block *block)
{
	struct kheap_block *next = next_block(block);

	if (block->size_flags & FLAG_FREE) {
		next->link = (uintptr_t)block;
		next->size_flags |= FLAG_PREV_FREE;
	} else {
		next->link = check_value(next);
		next->size_flags &= ~FLAG_PREV_FREE;
	}
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

HOT void insert_free(struct kheap *heap, struct kheap_block *block)
{
	unsigned fl, sl;
	struct kheap_block **list;

	mapping_insert(block_size(block), &fl, &sl);
	list = &heap->free_lists[fl][sl];
	block->next_free = *list;
	block->link_to_me = list;
	if (*list)
		(*list)->link_to_me = &block->next_free;
	*list = block;
	heap->sl_bitmap[fl] |= 1U << sl;
	heap->fl_bitmap |= 1U << fl;
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
	uintptr_t index = (uintptr_t)(link - &heap->free_lists[0][0]);

	*link = next;
	if (next)
		next->link_to_me = link;
	else if (index < KHEAP_FL_COUNT * KHEAP_SL_COUNT && !*link) {
		unsigned fl = (unsigned)index / KHEAP_SL_COUNT, sl = (unsigned)index % KHEAP_SL_COUNT;

		heap->sl_bitmap[fl] &= ~(1U << sl);
		if (!heap->sl_bitmap[fl])
			heap->fl_bitmap &= ~(1U << fl);
	}
}

HOT struct kheap_block *find_suitable(struct kheap *heap, unsigned fl, unsigned sl)
{
	uint32_t sl_map, fl_map;

	if (fl >= KHEAP_FL_COUNT)
		return NULL;
	sl_map = heap->sl_bitmap[fl] & (~0U << sl);
	if (!sl_map) {
		fl_map = fl + 1 < 32 ? heap->fl_bitmap & (~0U << (fl + 1)) : 0;
		if (!fl_map)
			return NULL;
		fl = (unsigned)__builtin_ctz(fl_map);
		sl_map = heap->sl_bitmap[fl];
	}
	return heap->free_lists[fl][__builtin_ctz(sl_map)];
}

/* If the block before block is free, take it off its list and make it one with block. */
HOT struct kheap_block *merge_with_previous(struct kheap *heap, struct kheap_block *block)
{
	struct kheap_block *previous;

	if (!(block->size_flags & FLAG_PREV_FREE))
		return block;
	previous = (struct kheap_block *)block->link;
	remove_free(heap, previous);
	set_size(previous, block_size(previous) + HEADER + block_size(block),
		 previous->size_flags & FLAG_MASK);
	return previous;
}

void kheap_init(struct kheap *heap, uintptr_t base, const struct kheap_backend *backend)
{
	memset(heap, 0, sizeof(*heap));
	heap->base = heap->end = base;
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

/* Make a free block of at least size payload bytes at the end of the heap. */
static int grow(struct kheap *heap, size_t size)
{
	size_t page = heap->backend.page_size;
	/* Enough for the search to find it: a block of the class above size. */
	size_t need = size + (size >= SMALL_LIMIT ? ((size_t)1 << (fls32(size) - KHEAP_SL_LOG2)) : 0) +
		      2 * HEADER;
	uint32_t pages = (uint32_t)((need + page - 1) / page);
	struct kheap_block *block, *sentinel;
	uintptr_t start, new_end;

	if (!heap->backend.grow)
		return ERR_NO_MEMORY;
	/* A chunk at a time, or just what is needed when the window has no room for a chunk. */
	if (pages < KHEAP_GROW_PAGES &&
	    heap->backend.grow(heap->backend.context, KHEAP_GROW_PAGES, &start) == 0)
		pages = KHEAP_GROW_PAGES;
	else if (heap->backend.grow(heap->backend.context, pages, &start) != 0)
		return ERR_NO_MEMORY;
	if (heap->end == heap->base) {
		heap->base = heap->end = start; /* an empty heap starts wherever it is given room */
	} else if (start != heap->end) {
		heap->backend.shrink(heap->backend.context, pages); /* not contiguous: cannot use */
		return ERR_NO_MEMORY;
	}
	new_end = heap->end + (uintptr_t)pages * page;
	if (heap->end == heap->base) {
		block = (struct kheap_block *)heap->base;
		block->link = check_value(block);
		block->size_flags = 0;
	} else {
		block = (struct kheap_block *)(heap->end - HEADER); /* the old sentinel */
	}
	set_size(block, new_end - HEADER - (uintptr_t)payload(block),
		 FLAG_FREE | (block->size_flags & FLAG_PREV_FREE));
	block = merge_with_previous(heap, block);
	sentinel = (struct kheap_block *)(new_end - HEADER);
	sentinel->size_flags = 0;
	heap->end = new_end;
	link_next(block);
	insert_free(heap, block);
	return 0;
}

/* Give back what is free at the top beyond KHEAP_KEEP_PAGES; all of it if the heap is empty. */
static void maybe_shrink(struct kheap *heap)
{
	size_t page = heap->backend.page_size;
	struct kheap_block *sentinel, *last;
	uintptr_t new_end;

	if (heap->end == heap->base || !heap->backend.shrink)
		return;
	sentinel = (struct kheap_block *)(heap->end - HEADER);
	if (!(sentinel->size_flags & FLAG_PREV_FREE))
		return;
	last = (struct kheap_block *)sentinel->link;
	if ((uintptr_t)last == heap->base) {
		uint32_t pages = (uint32_t)((heap->end - heap->base) / page);

		remove_free(heap, last);
		heap->end = heap->base;
		heap->backend.shrink(heap->backend.context, pages);
		return;
	}
	new_end = ((uintptr_t)payload(last) + MIN_PAYLOAD + HEADER + page - 1) & ~(uintptr_t)(page - 1);
	if (new_end + KHEAP_KEEP_PAGES * page >= heap->end)
		return;
	new_end += KHEAP_KEEP_PAGES * page;
	remove_free(heap, last);
	set_size(last, new_end - HEADER - (uintptr_t)payload(last), last->size_flags & FLAG_MASK);
	sentinel = (struct kheap_block *)(new_end - HEADER);
	sentinel->size_flags = 0;
	link_next(last);
	insert_free(heap, last);
	heap->backend.shrink(heap->backend.context, (uint32_t)((heap->end - new_end) / page));
	heap->end = new_end;
}

/* Cut block down to size bytes of payload; the rest, if big enough, becomes a free block. */
/* Returns whether it split. */
HOT int split(struct kheap *heap, struct kheap_block *block, size_t size)
{
	size_t total = block_size(block);
	struct kheap_block *rest;

	if (total < size + HEADER + MIN_PAYLOAD)
		return 0;
	set_size(block, size, block->size_flags & FLAG_MASK);
	rest = next_block(block);
	set_size(rest, total - size - HEADER, FLAG_FREE);
	rest->link = check_value(rest); /* block is not free */
	if (next_block(rest)->size_flags & FLAG_FREE) {
		/* (only when block was cut out of the middle of a larger free area) */
		struct kheap_block *next = next_block(rest);

		remove_free(heap, next);
		set_size(rest, block_size(rest) + HEADER + block_size(next), FLAG_FREE);
	}
	link_next(rest);
	insert_free(heap, rest);
	return 1;
}

/* Make a used block free: merge it with its free neighbours, list it, give back a free top. */
static void release(struct kheap *heap, struct kheap_block *block)
{
	struct kheap_block *next;

	block->size_flags = (block->size_flags & ~FLAG_CANARY) | FLAG_FREE;
	block = merge_with_previous(heap, block);
	next = next_block(block);
	if (next->size_flags & FLAG_FREE) {
		remove_free(heap, next);
		set_size(block, block_size(block) + HEADER + block_size(next),
			 block->size_flags & FLAG_MASK);
	}
	link_next(block);
	insert_free(heap, block);
	if (block_size(next_block(block)) == 0)
		maybe_shrink(heap); /* the block ends at the sentinel: the top is free */
}

HOT uintptr_t quick_mark(const struct kheap_block *block)
{
	return (uintptr_t)block ^ KHEAP_QUICK_MAGIC;
}

/* The mark lives where a free block keeps link_to_me: the second payload word. */
HOT uintptr_t *quick_mark_slot(struct kheap_block *block)
{
	return (uintptr_t *)&block->link_to_me;
}

/* Whether block is one of the blocks waiting in the quick bin for its size. */
static bool quick_contains(const struct kheap *heap, const struct kheap_block *block)
{
	size_t size = block_size(block);

	if (size > KHEAP_QUICK_LIMIT)
		return false;
	for (const struct kheap_block *entry = heap->quick[size / KHEAP_ALIGN]; entry;
	     entry = entry->next_free)
		if (entry == block)
			return true;
	return false;
}

/* Return every cached block to the free lists. */
static void __attribute__((noinline)) quick_drain(struct kheap *heap)
{
	for (unsigned bin = 0; bin < KHEAP_QUICK_BINS; bin++) {
		while (heap->quick[bin]) {
			struct kheap_block *block = heap->quick[bin];

			heap->quick[bin] = block->next_free;
			release(heap, block);
		}
		heap->quick_count[bin] = 0;
	}
	heap->quick_total = 0;
}

/* A used block of at least size bytes of payload, or NULL. */
HOT struct kheap_block *take_block(struct kheap *heap, size_t size)
{
	unsigned fl, sl;
	struct kheap_block *block;

	mapping_search(size, &fl, &sl);
	block = find_suitable(heap, fl, sl);
	if (!block) {
		if (grow(heap, size) != 0) {
			/* Out of room: what the quick bins hold may be enough once merged. */
			if (!heap->quick_total)
				return NULL;
			quick_drain(heap);
			block = find_suitable(heap, fl, sl);
			if (!block && grow(heap, size) != 0)
				return NULL;
		}
		if (!block)
			block = find_suitable(heap, fl, sl);
		if (!block)
			return NULL;
	}
	remove_free(heap, block);
	block->size_flags &= ~FLAG_FREE;
	if (!split(heap, block, size))
		link_next(block); /* (a split has told the new neighbour already) */
	return block;
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
	const struct kheap_block *block = (const struct kheap_block *)((const char *)pointer - HEADER);

	return block_size(block) - ((block->size_flags & FLAG_CANARY) ? CANARY_BYTES : 0);
}

/* Hand out a block taken with room for the canary when in debug mode. */
HOT void *finish(struct kheap *heap, struct kheap_block *block)
{
	if (heap->debug) {
		block->size_flags |= FLAG_CANARY;
		*canary_of(block) = canary_value(block);
	}
	heap->live_blocks++;
	return payload(block);
}

/* Payload bytes to ask for to hand out size usable bytes. */
HOT size_t payload_for(const struct kheap *heap, size_t size)
{
	size = (size + KHEAP_ALIGN - 1) & ~(size_t)(KHEAP_ALIGN - 1);
	if (size < MIN_PAYLOAD)
		size = MIN_PAYLOAD;
	return size + (heap->debug ? CANARY_BYTES : 0);
}

void *kheap_alloc(struct kheap *heap, size_t size)
{
	struct kheap_block *block;

	if (size > KHEAP_MAX_ALLOC)
		return NULL;
	size = payload_for(heap, size);
	if (size <= KHEAP_QUICK_LIMIT && heap->quick[size / KHEAP_ALIGN]) {
		unsigned bin = size / KHEAP_ALIGN;

		block = heap->quick[bin];
		heap->quick[bin] = block->next_free;
		heap->quick_count[bin]--;
		heap->quick_total--;
		*quick_mark_slot(block) = 0;
		return finish(heap, block);
	}
	block = take_block(heap, size);
	return block ? finish(heap, block) : NULL;
}

void *kheap_alloc_aligned(struct kheap *heap, size_t size, size_t align)
{
	struct kheap_block *block, *aligned_block;
	uintptr_t start, aligned;
	size_t need;

	if (align == 0 || (align & (align - 1)) || align > KHEAP_MAX_ALLOC)
		return NULL;
	if (align <= KHEAP_ALIGN)
		return kheap_alloc(heap, size);
	if (size > KHEAP_MAX_ALLOC)
		return NULL;
	need = payload_for(heap, size);
	block = take_block(heap, need + align + HEADER + MIN_PAYLOAD);
	if (!block)
		return NULL;
	start = (uintptr_t)payload(block);
	aligned = (start + align - 1) & ~(uintptr_t)(align - 1);
	if (aligned != start) {
		/* The bytes before become a free block of their own. */
		if (aligned - start < HEADER + MIN_PAYLOAD)
			aligned = (start + HEADER + MIN_PAYLOAD + align - 1) & ~(uintptr_t)(align - 1);
		aligned_block = (struct kheap_block *)(aligned - HEADER);
		set_size(aligned_block, (uintptr_t)next_block(block) - aligned, 0);
		set_size(block, (uintptr_t)aligned_block - start, FLAG_FREE | (block->size_flags & FLAG_PREV_FREE));
		link_next(block);
		insert_free(heap, block);
		block = aligned_block;
		split(heap, block, need);
		link_next(block);
	}
	return finish(heap, block);
}

/* The block of pointer, if it is one the heap handed out and still holds; else NULL (reported). */
HOT struct kheap_block *validate(struct kheap *heap, void *pointer)
{
	uintptr_t address = (uintptr_t)pointer;
	struct kheap_block *block = (struct kheap_block *)(address - HEADER), *next;
	uintptr_t expected;

	if (address < heap->base + HEADER || address >= heap->end || address % KHEAP_ALIGN) {
		report(heap, "kheap: free of 0x%08lx refused: not in the heap 0x%08lx-0x%08lx", address,
		       heap->base, heap->end);
		return NULL;
	}
	if (block_size(block) < MIN_PAYLOAD ||
	    block_size(block) > heap->end - HEADER - address) {
		report(heap, "kheap: free of 0x%08lx refused: not a block (size field 0x%08lx, heap ends "
			     "at 0x%08lx)", address, block->size_flags, heap->end);
		return NULL;
	}
	if (block->size_flags & FLAG_PREV_FREE) {
		struct kheap_block *previous = (struct kheap_block *)block->link;

		if (block->link < heap->base || block->link >= (uintptr_t)block ||
		    !(previous->size_flags & FLAG_FREE) || next_block(previous) != block) {
			report(heap, "kheap: free of 0x%08lx refused: not a block (its header at 0x%08lx "
				     "links to 0x%08lx, which is no free neighbour)", address,
			       (uintptr_t)block, block->link);
			return NULL;
		}
	} else if (block->link != (expected = check_value(block))) {
		report(heap, "kheap: free of 0x%08lx refused: not a block the heap handed out "
			     "(header 0x%08lx, expected 0x%08lx)", address, block->link, expected);
		return NULL;
	}
	next = next_block(block);
	if (!!(next->size_flags & FLAG_PREV_FREE) != !!(block->size_flags & FLAG_FREE)) {
		report(heap, "kheap: free of 0x%08lx refused: its neighbour at 0x%08lx disagrees (0x%08lx)",
		       address, (uintptr_t)next, next->size_flags);
		return NULL;
	}
	if (block->size_flags & FLAG_FREE) {
		report(heap, "kheap: double free of 0x%08lx (a block of %lu bytes, already free at "
			     "0x%08lx)", address, block_size(block), (uintptr_t)block);
		return NULL;
	}
	if (*quick_mark_slot(block) == quick_mark(block) && quick_contains(heap, block)) {
		report(heap, "kheap: double free of 0x%08lx (a block of %lu bytes, already freed and "
			     "cached at 0x%08lx)", address, block_size(block), (uintptr_t)block);
		return NULL;
	}
	if ((block->size_flags & FLAG_CANARY) && *canary_of(block) != canary_value(block)) {
		report(heap, "kheap: canary after block 0x%08lx overwritten: 0x%08lx, expected 0x%08lx",
		       address, *canary_of(block), canary_value(block));
		return NULL;
	}
	return block;
}

void kheap_free(struct kheap *heap, void *pointer)
{
	struct kheap_block *block;
	size_t size;

	if (!pointer)
		return;
	block = validate(heap, pointer);
	if (!block)
		return;
	size = block_size(block);
	if (heap->debug)
		memset(pointer, KHEAP_POISON, size);
	if (--heap->live_blocks == 0) {
		/* The last live block: everything goes back, and an empty heap gives back its pages. */
		release(heap, block);
		if (heap->quick_total)
			quick_drain(heap);
		return;
	}
	if (size <= KHEAP_QUICK_LIMIT && heap->quick_count[size / KHEAP_ALIGN] < KHEAP_QUICK_DEPTH &&
	    heap->quick_total < KHEAP_QUICK_TOTAL) {
		unsigned bin = size / KHEAP_ALIGN;

		block->size_flags &= ~FLAG_CANARY;
		block->next_free = heap->quick[bin];
		*quick_mark_slot(block) = quick_mark(block);
		heap->quick[bin] = block;
		heap->quick_count[bin]++;
		heap->quick_total++;
		return;
	}
	release(heap, block);
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
	stats->live_blocks = heap->live_blocks;
	if (heap->end == heap->base)
		return;
	for (unsigned bin = 0; bin < KHEAP_QUICK_BINS; bin++)
		for (const struct kheap_block *entry = heap->quick[bin]; entry; entry = entry->next_free) {
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

#define CHECK(condition, ...)                                                   \
	do {                                                                    \
		if (!(condition)) {                                             \
			if (problems++ == 0 && report_text)                     \
				snprintf(report_text, report_size, __VA_ARGS__); \
		}                                                               \
	} while (0)

unsigned kheap_check(const struct kheap *heap, char *report_text, size_t report_size)
{
	unsigned problems = 0, walked_free = 0, listed_free = 0, used = 0, cached = 0;
	const struct kheap_block *block, *previous = NULL;

	if (report_text && report_size)
		report_text[0] = '\0';
	if (heap->end == heap->base) {
		CHECK(heap->fl_bitmap == 0, "empty heap, but free lists are marked");
		CHECK(heap->live_blocks == 0, "empty heap, but %lu live blocks", (unsigned long)heap->live_blocks);
		CHECK(heap->quick_total == 0, "empty heap, but %lu cached blocks",
		      (unsigned long)heap->quick_total);
		return problems;
	}
	for (unsigned bin = 0; bin < KHEAP_QUICK_BINS; bin++) {
		unsigned count = 0;

		for (const struct kheap_block *entry = heap->quick[bin]; entry && count <= KHEAP_QUICK_DEPTH;
		     entry = entry->next_free, count++) {
			uintptr_t at = (uintptr_t)entry;

			CHECK(at >= heap->base && at < heap->end - HEADER && at % KHEAP_ALIGN == 0,
			      "quick bin %u: entry 0x%lx is not in the heap", bin, (unsigned long)at);
			if (problems)
				return problems; /* cannot follow it */
			CHECK(!(entry->size_flags & FLAG_FREE) && block_size(entry) == bin * KHEAP_ALIGN &&
			      entry->link_to_me == (struct kheap_block **)quick_mark(entry),
			      "quick bin %u: block 0x%lx (size field 0x%lx) is not a cached block of its size",
			      bin, (unsigned long)at, (unsigned long)entry->size_flags);
		}
		CHECK(count == heap->quick_count[bin] && count <= KHEAP_QUICK_DEPTH,
		      "quick bin %u holds %u blocks, counted %u", bin, count, heap->quick_count[bin]);
		cached += count;
	}
	CHECK(cached == heap->quick_total, "%u blocks in the quick bins, counted %lu", cached,
	      (unsigned long)heap->quick_total);
	for (block = (const struct kheap_block *)heap->base; (uintptr_t)block < heap->end - HEADER;
	     block = next_block(block)) {
		int is_free = (block->size_flags & FLAG_FREE) != 0;

		CHECK(block_size(block) >= MIN_PAYLOAD && block_size(block) % KHEAP_ALIGN == 0 &&
		      (uintptr_t)next_block(block) <= heap->end - HEADER,
		      "block 0x%lx: bad size 0x%lx", (unsigned long)(uintptr_t)block,
		      (unsigned long)block->size_flags);
		if (problems)
			return problems; /* cannot walk further */
		if (previous && (previous->size_flags & FLAG_FREE)) {
			CHECK(block->size_flags & FLAG_PREV_FREE, "block 0x%lx: previous is free, flag clear",
			      (unsigned long)(uintptr_t)block);
			CHECK(block->link == (uintptr_t)previous, "block 0x%lx: link 0x%lx, expected 0x%lx",
			      (unsigned long)(uintptr_t)block, (unsigned long)block->link,
			      (unsigned long)(uintptr_t)previous);
			CHECK(!is_free, "blocks 0x%lx and 0x%lx are both free: not merged",
			      (unsigned long)(uintptr_t)previous, (unsigned long)(uintptr_t)block);
		} else {
			CHECK(!(block->size_flags & FLAG_PREV_FREE), "block 0x%lx: flag says previous free",
			      (unsigned long)(uintptr_t)block);
			CHECK(block->link == check_value(block), "block 0x%lx: check word 0x%lx",
			      (unsigned long)(uintptr_t)block, (unsigned long)block->link);
		}
		if (is_free) {
			unsigned fl, sl;
			const struct kheap_block *entry;
			int found = 0;

			walked_free++;
			mapping_insert(block_size(block), &fl, &sl);
			for (entry = heap->free_lists[fl][sl]; entry && !found; entry = entry->next_free)
				found = entry == block;
			CHECK(found, "free block 0x%lx (%lu bytes) is not in its list",
			      (unsigned long)(uintptr_t)block, (unsigned long)block_size(block));
		} else {
			used++;
			if (block->size_flags & FLAG_CANARY)
				CHECK(*canary_of(block) == canary_value(block),
				      "canary after block 0x%lx overwritten",
				      (unsigned long)(uintptr_t)payload(block));
		}
		previous = block;
	}
	CHECK((uintptr_t)block == heap->end - HEADER && block_size(block) == 0,
	      "the sentinel is not at the end (0x%lx)", (unsigned long)(uintptr_t)block);
	for (unsigned fl = 0; fl < KHEAP_FL_COUNT; fl++) {
		CHECK(!!(heap->fl_bitmap & (1U << fl)) == !!heap->sl_bitmap[fl],
		      "first-level bit %u disagrees with its second level", fl);
		for (unsigned sl = 0; sl < KHEAP_SL_COUNT; sl++) {
			const struct kheap_block *entry = heap->free_lists[fl][sl];

			CHECK(!!(heap->sl_bitmap[fl] & (1U << sl)) == !!entry,
			      "bitmap bit %u/%u disagrees with its list", fl, sl);
			for (; entry; entry = entry->next_free) {
				listed_free++;
				CHECK(entry->size_flags & FLAG_FREE, "listed block 0x%lx is not free",
				      (unsigned long)(uintptr_t)entry);
				if (listed_free > walked_free + 1)
					break;
			}
		}
	}
	CHECK(listed_free == walked_free, "%u free blocks in the lists, %u in the heap", listed_free,
	      walked_free);
	CHECK(used == heap->live_blocks + cached, "%u used blocks, %lu counted live and %u cached", used,
	      (unsigned long)heap->live_blocks, cached);
	return problems;
}
