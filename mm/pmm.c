/*
 * mm/pmm.c - the physical memory manager.
 *
 * Theory of operation
 * -------------------
 * RAM is cut into 4 KiB frames, numbered by physical address >> 12. Two
 * structures describe them:
 *
 *   bitmap (at KERNEL_END, 1 bit a frame)      free list (inside the free frames)
 *   bit = 1: allocated or reserved             head -> [next|prev] <-> [next|prev] -> NONE
 *   bit = 0: free                              each free frame's first 8 bytes
 *
 *   physical: | vectors, L1, kernel, stacks | bitmap | frames ...    | dtb | ...  |
 *             0                  KERNEL_END ^        ^ first                      end
 *             '---- below first: reserved --------'   reserved ranges: a small table
 *
 * - The bitmap covers the frames from KERNEL_END to the end of RAM; it is
 *   the only metadata that grows with RAM: 1 bit a frame, 32 KiB per GiB,
 *   plus this struct (a constant, with room for PMM_MAX_RESERVED ranges).
 *   It starts at a multiple of 32 frames (the few frames below KERNEL_END
 *   that this adds are marked not free), so a frame's word is frame / 32
 *   from a biased base, without a subtraction.
 * - The free list is linked through the free frames themselves (reached
 *   through the linear map), so it costs no metadata at all: allocating
 *   takes the head, freeing pushes on the head: O(1) whatever the fill
 *   level. It is doubly linked so that a contiguous allocation can take
 *   frames out of the middle in O(1) each, but the head's back link is
 *   never read (a frame is the head when pmm->free_head says so), which
 *   spares allocation from writing it: every frame but the head has a
 *   valid back link.
 * - The free count is not kept: the hot paths do not pay for a counter
 *   that only statistics read; pmm_free_count() counts the bitmap.
 * - The bitmap tells a frame's state in O(1): a free of a free frame (double
 *   free) is refused before it can corrupt the list. A frame with bit 1 is
 *   either allocated or reserved; reserved frames are those below `first`
 *   (one compare) or inside one of the few reserved ranges (a short loop).
 * - Contiguous allocation scans the bitmap a word (32 frames) at a time for
 *   a free run at the requested alignment: O(F/32 + count) for F frames,
 *   about 7 700 words for 960 MiB, then unlinks each frame of the run.
 *
 * Measured (make bench, guest instructions, QEMU): see docs/memory.md.
 *
 * Limits: one zone, frames only (no sizes between 4 KiB and a contiguous
 * run); not safe against concurrent callers (one core runs the kernel).
 * A freed frame's first 8 bytes are overwritten by the list.
 */
#include "mm/pmm.h"

#include <stdio.h>
#include <string.h>

#include "kernel/error.h"

#define BITS_PER_WORD PMM_BITS_PER_WORD

static struct free_node *node(const struct pmm *pmm, uint32_t frame)
{
	return pmm_free_node(pmm, frame);
}

static uint32_t *bit_word(const struct pmm *pmm, uint32_t frame)
{
	return pmm_bit_word(pmm, frame);
}

static uint32_t bit_mask(uint32_t frame)
{
	return pmm_bit_mask(frame);
}

static int bit_test(const struct pmm *pmm, uint32_t frame)
{
	return (*bit_word(pmm, frame) & bit_mask(frame)) != 0;
}

static void bit_set(struct pmm *pmm, uint32_t frame)
{
	*bit_word(pmm, frame) |= bit_mask(frame);
}

static void bit_clear(struct pmm *pmm, uint32_t frame)
{
	*bit_word(pmm, frame) &= ~bit_mask(frame);
}

static int in_reserved_range(const struct pmm *pmm, uint32_t frame)
{
	for (uint32_t i = 0; i < pmm->reserved_count; i++) {
		if (frame - pmm->reserved[i].first < pmm->reserved[i].count)
			return 1;
	}
	return 0;
}

static void list_push(struct pmm *pmm, uint32_t frame)
{
	pmm_list_push(pmm, frame);
}

static void list_unlink(struct pmm *pmm, uint32_t frame)
{
	struct free_node *n = node(pmm, frame);

	if (pmm->free_head == frame) {
		pmm->free_head = n->next; /* the new head's back link is not used */
		return;
	}
	node(pmm, n->prev)->next = n->next;
	if (n->next != PMM_NONE)
		node(pmm, n->next)->prev = n->prev;
}

/*
 * pmm_free_frame's fast path checks one window of frames that holds no
 * reserved range: the longest such run. Frames outside it take the slow,
 * fully checked path; with no reserved ranges the window is everything.
 */
static void choose_fast_window(struct pmm *pmm)
{
	pmm->fast_first = pmm->first;
	pmm->fast_count = 0;
	for (uint32_t i = 0; i <= pmm->reserved_count; i++) {
		uint32_t start = i == 0 ? pmm->first
					: pmm->reserved[i - 1].first + pmm->reserved[i - 1].count;
		uint32_t stop = pmm->end;

		for (uint32_t j = 0; j < pmm->reserved_count; j++) {
			if (pmm->reserved[j].first >= start && pmm->reserved[j].first < stop)
				stop = pmm->reserved[j].first;
		}
		if (stop > start && stop - start > pmm->fast_count) {
			pmm->fast_first = start;
			pmm->fast_count = stop - start;
		}
	}
}

int pmm_init(struct pmm *pmm, uintptr_t phys_window, paddr_t kernel_end, paddr_t ram_end,
	     const struct pmm_range *reserved_bytes, unsigned reserved_count)
{
	uint32_t covered, words, metadata_frames;

	memset(pmm, 0, sizeof(*pmm));
	pmm->phys_window = phys_window;
	if ((kernel_end | ram_end) & (PAGE_SIZE - 1) || kernel_end >= ram_end ||
	    reserved_count > PMM_MAX_RESERVED || phys_window != PMM_WINDOW(pmm))
		return ERR_INVALID;
	pmm->bitmap_base = (kernel_end >> PAGE_SHIFT) & ~(uint32_t)(BITS_PER_WORD - 1);
	pmm->end = ram_end >> PAGE_SHIFT;
	pmm->ram_frames = pmm->end;
	covered = pmm->end - pmm->bitmap_base;
	words = (covered + BITS_PER_WORD - 1) / BITS_PER_WORD;
	metadata_frames = (words * 4 + PAGE_SIZE - 1) / PAGE_SIZE;
	if ((kernel_end >> PAGE_SHIFT) + metadata_frames >= pmm->end)
		return ERR_INVALID;
	pmm->bitmap = (uint32_t *)(phys_window + kernel_end);
	pmm->bitmap_bias = (uintptr_t)pmm->bitmap - (uintptr_t)(pmm->bitmap_base / BITS_PER_WORD) * 4;
	pmm->first = (kernel_end >> PAGE_SHIFT) + metadata_frames;
	pmm->metadata_frames = metadata_frames;
	pmm->managed = pmm->end - pmm->first;
	pmm->free_head = PMM_NONE;

	/* Reserved ranges, rounded out to frames and clipped to what is handed out. */
	for (unsigned i = 0; i < reserved_count; i++) {
		uint64_t start = reserved_bytes[i].first >> PAGE_SHIFT;
		uint64_t stop = ((uint64_t)reserved_bytes[i].first + reserved_bytes[i].count +
				 PAGE_SIZE - 1) >> PAGE_SHIFT;

		if (start < pmm->first)
			start = pmm->first;
		if (stop > pmm->end)
			stop = pmm->end;
		if (start >= stop)
			continue;
		pmm->reserved[pmm->reserved_count].first = (uint32_t)start;
		pmm->reserved[pmm->reserved_count].count = (uint32_t)(stop - start);
		pmm->reserved_frames += (uint32_t)(stop - start);
		pmm->reserved_count++;
	}

	choose_fast_window(pmm);

	/* Everything starts "not free"; then the free frames go on the list, highest first. */
	memset(pmm->bitmap, 0xFF, words * 4);
	for (uint32_t frame = pmm->end; frame-- > pmm->first;) {
		if (pmm->reserved_count && in_reserved_range(pmm, frame))
			continue;
		bit_clear(pmm, frame);
		list_push(pmm, frame);
	}
	return 0;
}

/* Why a frame may not be freed, or 0 if it may. */
static int check_freeable(const struct pmm *pmm, paddr_t address)
{
	uint32_t frame = address >> PAGE_SHIFT;

	if (address & (PAGE_SIZE - 1))
		return ERR_INVALID;
	if (frame >= pmm->end)
		return ERR_RANGE;
	if (frame - pmm->first >= pmm->managed || in_reserved_range(pmm, frame))
		return ERR_RESERVED;
	if (!bit_test(pmm, frame))
		return ERR_NOT_ALLOCATED;
	return 0;
}

int pmm_free_frame_checked(struct pmm *pmm, paddr_t address)
{
	int error = check_freeable(pmm, address);

	if (error)
		return error;
	bit_clear(pmm, address >> PAGE_SHIFT);
	list_push(pmm, address >> PAGE_SHIFT);
	return 0;
}

int pmm_frame_is_allocated(const struct pmm *pmm, paddr_t frame)
{
	return check_freeable(pmm, frame) == 0;
}

/* First frame in [from, to) whose bit is 1, or to. A word (32 frames) at a time. */
static uint32_t find_not_free(const struct pmm *pmm, uint32_t from, uint32_t to)
{
	uint32_t frame = from;

	while (frame < to) {
		uint32_t word = *bit_word(pmm, frame) >> (frame % BITS_PER_WORD);

		if (word) {
			frame += (uint32_t)__builtin_ctz(word);
			return frame < to ? frame : to;
		}
		frame += BITS_PER_WORD - frame % BITS_PER_WORD;
	}
	return to;
}

/* First frame in [from, to) whose bit is 0, or to. */
static uint32_t find_free(const struct pmm *pmm, uint32_t from, uint32_t to)
{
	uint32_t frame = from;

	while (frame < to) {
		uint32_t word = ~*bit_word(pmm, frame) >> (frame % BITS_PER_WORD);

		if (word) {
			frame += (uint32_t)__builtin_ctz(word);
			return frame < to ? frame : to;
		}
		frame += BITS_PER_WORD - frame % BITS_PER_WORD;
	}
	return to;
}

int pmm_alloc_contiguous(struct pmm *pmm, uint32_t count, uint32_t align, paddr_t *first)
{
	uint32_t start;

	if (count == 0 || align == 0 || (align & (align - 1)))
		return ERR_INVALID;
	start = pmm->first;
	for (;;) {
		uint32_t busy;

		start = find_free(pmm, start, pmm->end);
		start = (start + align - 1) & ~(align - 1);
		if (start >= pmm->end || count > pmm->end - start)
			return ERR_NO_MEMORY;
		busy = find_not_free(pmm, start, start + count);
		if (busy == start + count)
			break;
		start = busy + 1;
	}
	for (uint32_t frame = start; frame < start + count; frame++) {
		list_unlink(pmm, frame);
		bit_set(pmm, frame);
	}
	*first = (paddr_t)start << PAGE_SHIFT;
	return 0;
}

int pmm_free_contiguous(struct pmm *pmm, paddr_t first, uint32_t count)
{
	uint32_t start = first >> PAGE_SHIFT;

	if (count == 0)
		return ERR_INVALID;
	if (first & (PAGE_SIZE - 1))
		return ERR_INVALID;
	if (start >= pmm->end || count > pmm->end - start)
		return ERR_RANGE;
	for (uint32_t frame = start; frame < start + count; frame++) {
		int error = check_freeable(pmm, (paddr_t)frame << PAGE_SHIFT);

		if (error)
			return error;
	}
	for (uint32_t frame = start; frame < start + count; frame++) {
		bit_clear(pmm, frame);
		list_push(pmm, frame);
	}
	return 0;
}

uint32_t pmm_free_count(const struct pmm *pmm)
{
	uint32_t count = 0;

	for (uint32_t frame = pmm->first; frame < pmm->end;) {
		uint32_t start = find_free(pmm, frame, pmm->end);

		frame = find_not_free(pmm, start, pmm->end);
		count += frame - start;
	}
	return count;
}

void pmm_get_stats(const struct pmm *pmm, struct pmm_stats *stats)
{
	uint32_t frame = pmm->first, largest = 0, free = 0;

	while (frame < pmm->end) {
		uint32_t start = find_free(pmm, frame, pmm->end);
		uint32_t stop = find_not_free(pmm, start, pmm->end);

		if (stop - start > largest)
			largest = stop - start;
		free += stop - start;
		frame = stop;
	}
	stats->total = pmm->ram_frames;
	stats->free = free;
	stats->reserved = pmm->first + pmm->reserved_frames;
	stats->allocated = stats->total - stats->free - stats->reserved;
	stats->largest_free_run = largest;
	stats->metadata_bytes = pmm->metadata_frames * PAGE_SIZE;
}

#define CHECK(condition, ...)                                                   \
	do {                                                                    \
		if (!(condition)) {                                             \
			if (problems++ == 0 && report)                          \
				snprintf(report, report_size, __VA_ARGS__);     \
		}                                                               \
	} while (0)

unsigned pmm_check(const struct pmm *pmm, char *report, size_t report_size)
{
	unsigned problems = 0;
	uint32_t listed = 0, previous = PMM_NONE, free = pmm_free_count(pmm);

	if (report && report_size)
		report[0] = '\0';
	for (uint32_t frame = pmm->free_head; frame != PMM_NONE; frame = node(pmm, frame)->next) {
		if (frame - pmm->first >= pmm->managed) {
			CHECK(0, "free list holds frame 0x%lx outside 0x%lx-0x%lx", (unsigned long)frame,
			      (unsigned long)pmm->first, (unsigned long)pmm->end);
			break; /* cannot follow it further */
		}
		CHECK(!bit_test(pmm, frame), "frame 0x%lx is on the free list but marked not free",
		      (unsigned long)frame);
		CHECK(!in_reserved_range(pmm, frame), "reserved frame 0x%lx is on the free list",
		      (unsigned long)frame);
		/* Every back link but the head's is valid. */
		CHECK(previous == PMM_NONE || node(pmm, frame)->prev == previous,
		      "frame 0x%lx: back link 0x%lx, expected 0x%lx", (unsigned long)frame,
		      (unsigned long)node(pmm, frame)->prev, (unsigned long)previous);
		previous = frame;
		if (++listed > free) {
			CHECK(0, "free list longer than the %lu free frames in the bitmap (a cycle?)",
			      (unsigned long)free);
			break;
		}
	}
	CHECK(listed == free, "free list has %lu frames, the bitmap %lu", (unsigned long)listed,
	      (unsigned long)free);
	for (uint32_t frame = pmm->bitmap_base; frame < pmm->end; frame++) {
		if (!bit_test(pmm, frame))
			CHECK(frame >= pmm->first && !in_reserved_range(pmm, frame),
			      "reserved frame 0x%lx is marked free", (unsigned long)frame);
	}
	return problems;
}
