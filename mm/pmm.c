/*
 * mm/pmm.c - the physical memory manager.
 *
 * Theory of operation
 * -------------------
 * RAM is cut into 4 KiB frames, numbered by physical address >> 12. Three
 * things describe the free ones:
 *
 *   physical: | vectors, L1, kernel, stacks | bitmap | freed, allocated ... | wilderness  |
 *             0                  KERNEL_END ^        ^ first     wild_low ^             ^ wild_high
 *
 *   bitmap  1 bit a frame, at KERNEL_END: 1 = allocated or reserved, 0 = free
 *   freed   a singly linked list of frames that were freed, linked through
 *           their own first word: head -> [next] -> [next] -> PMM_NONE
 *   wilderness  one run of frames never handed out since boot (at first,
 *           all of free RAM): free, but on no list
 *
 * - Allocating a frame pops the freed list; when it is empty, the lowest
 *   frame of the wilderness is taken. Freeing pushes on the list. Both are
 *   O(1) whatever the fill level, and inline (include/mm/pmm.h).
 * - A contiguous run is cut from the top of the wilderness: O(count +
 *   align), the frames skipped for alignment going to the freed list. When
 *   the wilderness has no room, the bitmap is scanned a word (32 frames)
 *   at a time for a free run, the wilderness is dissolved into the list and
 *   one walk of the list takes the run's frames out of it: O(F/32 + freed
 *   frames). A contiguous free that borders the wilderness grows it back.
 * - The bitmap tells a frame's state in O(1): a free of a free frame (a
 *   double free) is refused before it can corrupt the list. A frame with
 *   bit 1 is allocated or reserved; reserved frames are those below `first`
 *   or inside one of the few reserved ranges. The fast free path checks one
 *   compare against a window that holds no reserved frame; anything else
 *   takes the fully checked path.
 * - Metadata: the bitmap is the only part that grows with RAM, 1 bit a
 *   frame, 32 KiB per GiB (rounded up to whole frames), plus this struct, a
 *   constant with room for PMM_MAX_RESERVED ranges. The bitmap starts at a
 *   multiple of 32 frames (the few frames below KERNEL_END this adds are
 *   marked not free), so a frame's word is frame / 32 from a biased base.
 * - Setup marks the bitmap a word at a time: O(F/32), nothing is linked.
 * - No free count is kept: the hot paths do not pay for a counter that only
 *   statistics read; pmm_free_count() counts the bitmap.
 *
 * Costs measured by make bench are in docs/memory.md.
 *
 * Limits: one zone, frames only (no sizes between 4 KiB and a contiguous
 * run); not safe against concurrent callers (one core runs the kernel). A
 * freed frame's first word is overwritten by the list.
 */
#include "mm/pmm.h"

#include <stdio.h>
#include <string.h>

#include "lib/check.h"

#include "kernel/error.h"

#define BITS_PER_WORD PMM_BITS_PER_WORD

static uint32_t *next_link(const struct pmm *pmm, uint32_t frame)
{
	return pmm_next_link(pmm, frame);
}

static int bit_test(const struct pmm *pmm, uint32_t frame)
{
	return (*pmm_bit_word(pmm, frame) & pmm_bit_mask(frame)) != 0;
}

static void bit_set(struct pmm *pmm, uint32_t frame)
{
	*pmm_bit_word(pmm, frame) |= pmm_bit_mask(frame);
}

static void bit_clear(struct pmm *pmm, uint32_t frame)
{
	*pmm_bit_word(pmm, frame) &= ~pmm_bit_mask(frame);
}

/* Set or clear the bits of frames [from, to), a word at a time where it can. */
static void bits_fill(struct pmm *pmm, uint32_t from, uint32_t to, int value)
{
	while (from < to) {
		if (from % BITS_PER_WORD == 0 && to - from >= BITS_PER_WORD) {
			*pmm_bit_word(pmm, from) = value ? 0xFFFFFFFF : 0;
			from += BITS_PER_WORD;
		} else {
			if (value)
				bit_set(pmm, from);
			else
				bit_clear(pmm, from);
			from++;
		}
	}
}

static int in_reserved_range(const struct pmm *pmm, uint32_t frame)
{
	for (uint32_t i = 0; i < pmm->reserved_count; i++) {
		if (frame - pmm->reserved[i].first < pmm->reserved[i].count)
			return 1;
	}
	return 0;
}

static int in_wilderness(const struct pmm *pmm, uint32_t frame)
{
	return frame >= pmm->wild_low && frame < pmm->wild_high;
}

static void list_push(struct pmm *pmm, uint32_t frame)
{
	*next_link(pmm, frame) = pmm->free_head;
	pmm->free_head = frame;
}

/*
 * The longest run of handed-out frames with no reserved frame in it: the
 * first wilderness, and the window of the fast free path.
 */
static void choose_fast_window(struct pmm *pmm)
{
	uint32_t fast_first = pmm->first;

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
			fast_first = start;
			pmm->fast_count = stop - start;
		}
	}
	pmm->fast_base = (paddr_t)fast_first << PAGE_SHIFT;
}

/* Bitmap words covering [kernel_end, ram_end): from kernel_end's frame rounded down to 32. */
static uint32_t bitmap_words(paddr_t kernel_end, paddr_t ram_end)
{
	uint32_t base = (kernel_end >> PAGE_SHIFT) & ~(uint32_t)(BITS_PER_WORD - 1);

	return ((ram_end >> PAGE_SHIFT) - base + BITS_PER_WORD - 1) / BITS_PER_WORD;
}

uint32_t pmm_metadata_bytes(paddr_t kernel_end, paddr_t ram_end)
{
	if (kernel_end >= ram_end)
		return 0;
	return (bitmap_words(kernel_end, ram_end) * 4 + PAGE_SIZE - 1) & ~(uint32_t)(PAGE_SIZE - 1);
}

/*
 * The reserved byte ranges as frame ranges, clipped to what can be handed
 * out, sorted and merged (overlapping, nested, repeated or adjacent ranges
 * become one), so that each frame is in at most one range and counted once.
 * Returns the number of merged ranges, or -1 if there are more than
 * PMM_MAX_RESERVED.
 */
static int merge_reserved(struct pmm *pmm, const struct phys_range *reserved, unsigned count)
{
	struct pmm_range *out = pmm->reserved;
	unsigned n = 0;

	for (unsigned i = 0; i < count; i++) {
		uint64_t start = reserved[i].start >> PAGE_SHIFT;
		uint64_t stop = ((uint64_t)reserved[i].start + reserved[i].size + PAGE_SIZE - 1) >>
				PAGE_SHIFT;
		unsigned at;

		if (start < pmm->first)
			start = pmm->first;
		if (stop > pmm->end)
			stop = pmm->end;
		if (start >= stop)
			continue;
		/* Insert in order of first frame, then merge with the neighbours it touches. */
		for (at = n; at > 0 && out[at - 1].first > start; at--)
			;
		if (at > 0 && out[at - 1].first + out[at - 1].count >= start) {
			at--;
			if (stop > out[at].first + out[at].count)
				out[at].count = (uint32_t)(stop - out[at].first);
		} else {
			if (n == PMM_MAX_RESERVED)
				return -1;
			for (unsigned j = n++; j > at; j--)
				out[j] = out[j - 1];
			out[at].first = (uint32_t)start;
			out[at].count = (uint32_t)(stop - start);
		}
		while (at + 1 < n && out[at].first + out[at].count >= out[at + 1].first) {
			uint32_t end = out[at + 1].first + out[at + 1].count;

			if (end > out[at].first + out[at].count)
				out[at].count = end - out[at].first;
			for (unsigned j = at + 1; j + 1 < n; j++)
				out[j] = out[j + 1];
			n--;
		}
	}
	return (int)n;
}

int pmm_init(struct pmm *pmm, uintptr_t phys_window, paddr_t kernel_end, paddr_t ram_end,
	     const struct phys_range *reserved, unsigned reserved_count)
{
	uint32_t words, metadata_frames;
	int merged;

	memset(pmm, 0, sizeof(*pmm));
	if ((kernel_end | ram_end) & (PAGE_SIZE - 1) || kernel_end >= ram_end ||
	    (reserved_count && !reserved))
		return ERR_INVALID;
	words = bitmap_words(kernel_end, ram_end);
	metadata_frames = pmm_metadata_bytes(kernel_end, ram_end) >> PAGE_SHIFT;
	if ((kernel_end >> PAGE_SHIFT) + metadata_frames >= ram_end >> PAGE_SHIFT)
		return ERR_INVALID;
	/* The bitmap is about to be written at kernel_end: nothing to keep may be there. */
	for (unsigned i = 0; i < reserved_count; i++) {
		uint64_t start = reserved[i].start, stop = start + reserved[i].size;

		if (reserved[i].size && start < kernel_end + metadata_frames * (uint64_t)PAGE_SIZE &&
		    stop > kernel_end)
			return ERR_RESERVED;
	}
	pmm->phys_window = phys_window;
	pmm->bitmap_base = (kernel_end >> PAGE_SHIFT) & ~(uint32_t)(BITS_PER_WORD - 1);
	pmm->end = ram_end >> PAGE_SHIFT;
	pmm->ram_frames = pmm->end;
	pmm->bitmap = (uint32_t *)(phys_window + kernel_end);
	pmm->bitmap_bias = (uintptr_t)pmm->bitmap - (uintptr_t)(pmm->bitmap_base / BITS_PER_WORD) * 4;
	pmm->metadata_frames = metadata_frames;
	pmm->first = (kernel_end >> PAGE_SHIFT) + metadata_frames;
	pmm->free_head = PMM_NONE;

	merged = merge_reserved(pmm, reserved, reserved_count);
	if (merged < 0) {
		memset(pmm, 0, sizeof(*pmm));
		return ERR_INVALID;
	}
	pmm->reserved_count = (uint32_t)merged;
	for (int i = 0; i < merged; i++)
		pmm->reserved_frames += pmm->reserved[i].count;
	choose_fast_window(pmm);

	/*
	 * Everything starts "not free". The longest run without reserved frames
	 * becomes the wilderness; free frames outside it (between reserved
	 * ranges) go on the freed list.
	 */
	memset(pmm->bitmap, 0xFF, words * 4);
	pmm->wild_low = pmm->fast_base >> PAGE_SHIFT;
	pmm->wild_high = pmm->wild_low + pmm->fast_count;
	bits_fill(pmm, pmm->wild_low, pmm->wild_high, 0);
	for (uint32_t frame = pmm->end; frame-- > pmm->first;) {
		if (in_wilderness(pmm, frame) || in_reserved_range(pmm, frame))
			continue;
		bit_clear(pmm, frame);
		list_push(pmm, frame);
	}
	return 0;
}

int pmm_alloc_from_wilderness(struct pmm *pmm, paddr_t *frame)
{
	if (pmm->wild_low == pmm->wild_high)
		return ERR_NO_MEMORY;
	bit_set(pmm, pmm->wild_low);
	*frame = (paddr_t)pmm->wild_low++ << PAGE_SHIFT;
	return 0;
}

int pmm_alloc_frames(struct pmm *pmm, uint32_t count, paddr_t *frames)
{
	uint32_t got = 0;

	/* Freed frames first, as pmm_alloc_frame takes them... */
	while (got < count && pmm->free_head != PMM_NONE) {
		uint32_t frame = pmm->free_head;

		pmm->free_head = *next_link(pmm, frame);
		frames[got++] = (paddr_t)frame << PAGE_SHIFT;
	}
	/* ...then the wilderness; if it is too small, the list gets back what it gave, in order. */
	if (count - got > pmm->wild_high - pmm->wild_low) {
		while (got)
			list_push(pmm, frames[--got] >> PAGE_SHIFT);
		return ERR_NO_MEMORY;
	}
	for (uint32_t i = 0; i < got; i++)
		bit_set(pmm, frames[i] >> PAGE_SHIFT);
	bits_fill(pmm, pmm->wild_low, pmm->wild_low + (count - got), 1);
	while (got < count)
		frames[got++] = (paddr_t)pmm->wild_low++ << PAGE_SHIFT;
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
	if (frame < pmm->first || in_reserved_range(pmm, frame))
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

/*
 * First frame in [from, to) whose bit is set (not free) when flip is 0, or
 * clear (free) when flip is ~0; to if there is none. A word (32 frames) at
 * a time.
 */
static uint32_t find_bit(const struct pmm *pmm, uint32_t from, uint32_t to, uint32_t flip)
{
	uint32_t frame = from;

	while (frame < to) {
		uint32_t word = (*pmm_bit_word(pmm, frame) ^ flip) >> (frame % BITS_PER_WORD);

		if (word) {
			frame += (uint32_t)__builtin_ctz(word);
			return frame < to ? frame : to;
		}
		frame += BITS_PER_WORD - frame % BITS_PER_WORD;
	}
	return to;
}

static uint32_t find_not_free(const struct pmm *pmm, uint32_t from, uint32_t to)
{
	return find_bit(pmm, from, to, 0);
}

static uint32_t find_free(const struct pmm *pmm, uint32_t from, uint32_t to)
{
	return find_bit(pmm, from, to, ~0U);
}

/* Put the whole wilderness on the freed list (its frames stay free). */
static void dissolve_wilderness(struct pmm *pmm)
{
	while (pmm->wild_high > pmm->wild_low)
		list_push(pmm, --pmm->wild_high);
	pmm->wild_low = pmm->wild_high = pmm->first;
}

/* Take frames [start, start + count), all free and all on the list, off the list. */
static void list_remove_run(struct pmm *pmm, uint32_t start, uint32_t count)
{
	uint32_t *link = &pmm->free_head, left = count;

	while (left && *link != PMM_NONE) {
		uint32_t frame = *link;

		if (frame - start < count) {
			*link = *next_link(pmm, frame);
			left--;
		} else {
			link = next_link(pmm, frame);
		}
	}
}

int pmm_alloc_contiguous(struct pmm *pmm, uint32_t count, uint32_t align, paddr_t *first)
{
	uint32_t start;

	if (count == 0 || align == 0 || (align & (align - 1)))
		return ERR_INVALID;

	/* From the top of the wilderness. */
	if (count <= pmm->wild_high - pmm->wild_low) {
		start = (pmm->wild_high - count) & ~(align - 1);
		if (start >= pmm->wild_low && start <= pmm->wild_high - count) {
			for (uint32_t frame = pmm->wild_high; frame-- > start + count;)
				list_push(pmm, frame); /* skipped for alignment: still free */
			pmm->wild_high = start;
			bits_fill(pmm, start, start + count, 1);
			*first = (paddr_t)start << PAGE_SHIFT;
			return 0;
		}
	}

	/* Anywhere: scan the bitmap for a free run at the alignment. */
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
	dissolve_wilderness(pmm);
	list_remove_run(pmm, start, count);
	bits_fill(pmm, start, start + count, 1);
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
	bits_fill(pmm, start, start + count, 0);
	/* A run that borders the wilderness grows it back; others go on the list. */
	if (start + count == pmm->wild_low && pmm->wild_low != pmm->wild_high) {
		pmm->wild_low = start;
	} else if (start == pmm->wild_high && pmm->wild_low != pmm->wild_high) {
		pmm->wild_high = start + count;
	} else {
		for (uint32_t frame = start + count; frame-- > start;)
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

unsigned pmm_check(const struct pmm *pmm, char *report_text, size_t report_size)
{
	struct check_report report = { report_text, report_size, 0 };
	uint32_t listed = 0, free = pmm_free_count(pmm);
	uint32_t wilderness = pmm->wild_high - pmm->wild_low;

	if (report_text && report_size)
		report_text[0] = '\0';
	CHECK(&report, pmm->wild_low <= pmm->wild_high && (wilderness == 0 || (pmm->wild_low >= pmm->first &&
								      pmm->wild_high <= pmm->end)),
	      "wilderness 0x%lx-0x%lx is not inside 0x%lx-0x%lx", (unsigned long)pmm->wild_low,
	      (unsigned long)pmm->wild_high, (unsigned long)pmm->first, (unsigned long)pmm->end);
	for (uint32_t frame = pmm->free_head; frame != PMM_NONE; frame = *next_link(pmm, frame)) {
		if (frame < pmm->first || frame >= pmm->end) {
			CHECK(&report, 0, "freed list holds frame 0x%lx outside 0x%lx-0x%lx", (unsigned long)frame,
			      (unsigned long)pmm->first, (unsigned long)pmm->end);
			break; /* cannot follow it further */
		}
		CHECK(&report, !bit_test(pmm, frame), "frame 0x%lx is on the freed list but marked not free",
		      (unsigned long)frame);
		CHECK(&report, !in_reserved_range(pmm, frame), "reserved frame 0x%lx is on the freed list",
		      (unsigned long)frame);
		CHECK(&report, !in_wilderness(pmm, frame), "frame 0x%lx is on the freed list and in the wilderness",
		      (unsigned long)frame);
		if (++listed > free) {
			CHECK(&report, 0, "freed list longer than the %lu free frames in the bitmap (a cycle?)",
			      (unsigned long)free);
			break;
		}
	}
	CHECK(&report, listed + wilderness == free,
	      "freed list has %lu frames and the wilderness %lu, but the bitmap %lu free",
	      (unsigned long)listed, (unsigned long)wilderness, (unsigned long)free);
	for (uint32_t frame = pmm->bitmap_base; frame < pmm->end; frame++) {
		if (!bit_test(pmm, frame))
			CHECK(&report, frame >= pmm->first && !in_reserved_range(pmm, frame),
			      "reserved frame 0x%lx is marked free", (unsigned long)frame);
		else
			CHECK(&report, !in_wilderness(pmm, frame), "frame 0x%lx in the wilderness is not free",
			      (unsigned long)frame);
	}
	return report.problems;
}
