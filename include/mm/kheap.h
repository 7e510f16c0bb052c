/*
 * mm/kheap.h - the kernel heap: kmalloc and friends.
 *
 * The allocator (struct kheap, kheap_*) works on any range of memory that a
 * backend grows and shrinks at its end, so that the host tests can run it
 * on an array; the kernel's heap (kmalloc, kfree, ...) is one of them, grown
 * through the window (mm/window.h) with fresh PMM frames.
 * Theory of operation: the top of mm/kheap.c.
 */
#ifndef BRAMBLE_MM_KHEAP_H
#define BRAMBLE_MM_KHEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/mm_lock.h"

#define KHEAP_ALIGN       8 /* every block's alignment */
#define KHEAP_SL_LOG2     4 /* 16 size classes per power of two */
#define KHEAP_SL_COUNT    (1 << KHEAP_SL_LOG2)
#define KHEAP_FL_COUNT    25           /* up to blocks of 1 GiB */
#define KHEAP_MAX_ALLOC   (256U << 20) /* larger requests fail at once */
#define KHEAP_QUICK_LIMIT 512          /* freed blocks up to this size are cached */
#define KHEAP_QUICK_BINS  (KHEAP_QUICK_LIMIT / KHEAP_ALIGN + 1)
#define KHEAP_QUICK_TOTAL 512 /* blocks cached in all the bins at most */

struct kheap_block;

/* Where the heap's memory comes from: more pages at the end, or fewer. */
struct kheap_backend {
	int (*grow)(void *context, uint32_t pages, uintptr_t *start);
	void (*shrink)(void *context, uint32_t pages);
	void (*report)(void *context, const char *message); /* a refused free, a bad canary */
	void *context;
	uint32_t page_size;
};

/* Recently freed blocks of one exact size, kept used-looking (mm/kheap.c). */
struct kheap_bin {
	struct kheap_block *head; /* linked through their first payload word */
};

struct kheap {
	/*
	 * The free lists (two-level segregated fit) first: a list's byte
	 * offset in the struct is then its class, which unlinking uses.
	 */
	struct kheap_block *free_lists[KHEAP_FL_COUNT][KHEAP_SL_COUNT];
	uint32_t fl_bitmap; /* bit f: some list of first level f is not empty */
	uint32_t sl_bitmap[KHEAP_FL_COUNT];
	/* What the fast paths touch, together (every offset stays within a load's reach). */
	uintptr_t base; /* the heap is [base, end) */
	uintptr_t end;
	uintptr_t first_payload;    /* base + the header: the lowest pointer kfree takes */
	uint32_t payload_slots;     /* how many 8-byte places a pointer kfree takes can be at */
	uint32_t fast_slots;        /* the same for kfree's fast path: 0 in debug mode */
	uintptr_t last_payload_end; /* end - a header - the smallest payload */
	uint32_t used_blocks;       /* not free: handed out, or waiting in a quick bin */
	uint32_t quick_total;       /* waiting in the quick bins */
	bool debug;                 /* canaries, poison, no quick bins (kheap_set_debug) */
	struct kheap_bin quick[KHEAP_QUICK_BINS]; /* bin = payload size / 8 */
	uint32_t refused;                         /* frees refused: double, foreign, bad canary */
	uint32_t corruptions; /* damaged links or poison found (and not followed) */
	struct kheap_backend backend;
};

struct kheap_stats {
	size_t heap_bytes; /* end - base */
	size_t live_bytes;
	uint32_t live_blocks;
	size_t free_bytes; /* in free blocks */
	uint32_t free_blocks;
	size_t largest_free;
	uint32_t cached_blocks; /* freed, waiting in the quick bins */
	size_t cached_bytes;
};

void kheap_init(struct kheap *heap, uintptr_t base, const struct kheap_backend *backend);

/*
 * Debug mode: each new block gets a canary after its usable bytes, checked
 * when it is freed; freed memory is poisoned; the quick bins are not used,
 * so that every free gets the full check. Switching empties the bins.
 */
void kheap_set_debug(struct kheap *heap, bool on);

/*
 * size bytes, 8-byte aligned, or NULL (nothing fits, or size is larger than
 * KHEAP_MAX_ALLOC). A size of 0 gets a block of the smallest size: a unique
 * pointer that must be freed like any other.
 */
void *kheap_alloc(struct kheap *heap, size_t size);

/* size bytes aligned to align (a power of two), or NULL. */
void *kheap_alloc_aligned(struct kheap *heap, size_t size, size_t align);

/*
 * Give a block back. NULL does nothing. A pointer the heap did not hand out,
 * a block already free, or one whose canary was overwritten is refused:
 * reported through the backend, counted in heap->refused, nothing changed.
 */
void kheap_free(struct kheap *heap, void *pointer);

/* n * size bytes, zeroed; NULL if the product overflows. */
void *kheap_calloc(struct kheap *heap, size_t n, size_t size);

/*
 * Resize, keeping the contents (up to the smaller size). NULL pointer:
 * kheap_alloc. Size 0: frees and returns NULL. On failure: NULL, and the
 * old block is untouched.
 */
void *kheap_realloc(struct kheap *heap, void *pointer, size_t size);

/* Whether a request of size bytes would be served from a quick bin now (for measurements). */
bool kheap_quick_ready(const struct kheap *heap, size_t size);

/* The usable size of a block the heap handed out (at least what was asked). */
size_t kheap_usable_size(const void *pointer);

void kheap_get_stats(const struct kheap *heap, struct kheap_stats *stats);

/*
 * Walk every block and check every invariant. Returns the number of
 * problems; the first is described into report (if not NULL).
 */
unsigned kheap_check(const struct kheap *heap, char *report, size_t report_size);

/*
 * The kernel's heap, in the window: kmalloc and kfree are the allocator's
 * own entry points on it (mm/kheap.c), the rest and the backend are in
 * mm/kheap_kernel.c. One lock, kernel_heap_lock, is taken by each of them
 * (docs/smp.md); code that reads the heap itself goes through the
 * kheap_kernel_ forms, which take it too.
 */
extern struct kheap kernel_heap;
extern mm_lock_t kernel_heap_lock;
void kheap_kernel_stats(struct kheap_stats *stats);
unsigned kheap_kernel_check(char *report, size_t report_size);
void kheap_kernel_init(void);
void *kmalloc(size_t size);
void *kmalloc_aligned(size_t size, size_t align);
void *kcalloc(size_t n, size_t size);
void *krealloc(void *pointer, size_t size);
void kfree(void *pointer);

#endif /* BRAMBLE_MM_KHEAP_H */
