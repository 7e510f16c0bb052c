/*
 * mm/pmm.c - the physical memory manager.
 *
 * Theory of operation
 * -------------------
 * RAM is cut into 4 KiB frames, numbered by physical address >> 12. Three
 * things describe them:
 *
 *   physical: | vectors, L1, kernel, stacks | frame table | freed, allocated ... | wilderness |
 *             0                  KERNEL_END ^             ^ first       wild_low ^            ^ wild_high
 *
 *   frame table  one byte a frame, from frame 0, at KERNEL_END: 0 free,
 *           1-252 allocated with that many references, 253 free in a
 *           core's cache, 254 allocated and holding translation tables,
 *           255 reserved
 *   freed   a singly linked list of frames that were freed, linked through
 *           their own first word by virtual address: head -> next -> ... -> 0
 *   wilderness  one run of frames never handed out since boot (at first,
 *           all of free RAM): free, but on no list
 *
 *   caches  per core, up to PMM_CACHE_SIZE free frames (state 253,
 *           "cached"), an array with the last freed on top
 *
 * - Allocating a frame pops this core's cache; freeing pushes on it. Both
 *   are O(1) whatever the fill level, need no lock (only this core touches
 *   its cache, and kernel code is not preempted), and are inline
 *   (include/mm/pmm.h): a load and a store of the cache, one store into
 *   the frame table, and on the free side one compare that says "aligned,
 *   RAM, one reference". An empty cache takes PMM_CACHE_BATCH frames from
 *   the shared pool, a full one gives PMM_CACHE_BATCH back, under the
 *   PMM's lock: the shared pool is the freed list first, then the lowest
 *   frames of the wilderness. A core that goes idle gives its whole cache
 *   back (pmm_cache_drain), so that frames do not wait where no work is.
 * - A frame's byte tells its state in O(1): a free of a free frame (a
 *   double free) or of a reserved one is refused before it can corrupt the
 *   list, and a shared frame (copy-on-write: more than one reference)
 *   loses a reference instead of being freed.
 * - A contiguous run is cut from the top of the wilderness: O(count +
 *   align), the frames skipped for alignment going to the freed list. When
 *   the wilderness has no room, the frame table is scanned for a free run,
 *   the wilderness is dissolved into the list and one walk of the list
 *   takes the run's frames out of it: O(F + freed frames). A contiguous
 *   free that borders the wilderness grows it back.
 * - Metadata: the frame table is the only part that grows with RAM, a byte
 *   a frame, 256 KiB per GiB (0.024 % of RAM, rounded up to whole frames),
 *   plus this struct, a constant with room for PMM_MAX_RESERVED ranges. A
 *   bitmap would take an eighth of that, but would need a second table for
 *   the share counts, and its read-modify-write of a bit costs the hot
 *   paths more than storing a byte.
 * - Setup fills the table with memset: O(F), nothing is linked.
 * - No free count is kept: the hot paths do not pay for a counter that only
 *   statistics read; pmm_free_count() counts the table, four bytes a word.
 *
 * Costs measured by make bench are in docs/memory.md.
 *
 * Several cores: the lock guards the shared pool, every contiguous run
 * and the statistics; the caches are their cores' own. Share counts above
 * one change without the lock: they belong to frames that address spaces
 * share copy-on-write, and those change only under the process layer's
 * own lock (docs/smp.md). pmm_check and the statistics see other cores'
 * caches as they are at that moment: exact when those cores are idle.
 *
 * Limits: one zone, frames only (no sizes between 4 KiB and a contiguous
 * run). Frames in a busy core's cache (at most PMM_CACHE_SIZE a core) are
 * out of reach of the other cores and of contiguous runs until that core
 * gives them back. A freed frame's first word is overwritten by the list.
 */
#include "mm/pmm.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "kernel/error.h"
#include "lib/check.h"

static const struct lock_class pmm_class = { LOCK_RANK_PMM, "pmm" };

#ifndef __arm__
unsigned mm_host_core __attribute__((weak)); /* (mm/mm_lock.h) */
#endif

static uint8_t state_of(const struct pmm *pmm, uint32_t frame)
{
	return pmm->frames[frame];
}

static bool in_wilderness(const struct pmm *pmm, uint32_t frame)
{
	return frame >= pmm->wild_low && frame < pmm->wild_high;
}

static uintptr_t frame_address(const struct pmm *pmm, uint32_t frame)
{
	return pmm->phys_window + ((uintptr_t)frame << PAGE_SHIFT);
}

static uint32_t frame_of(const struct pmm *pmm, uintptr_t at)
{
	return (uint32_t)((at - pmm->phys_window) >> PAGE_SHIFT);
}

static void list_push(struct pmm *pmm, uint32_t frame)
{
	uintptr_t at = frame_address(pmm, frame), head = pmm->free_head;

	((uintptr_t *)at)[PMM_LINK_NEXT] = head;
	((uintptr_t *)at)[PMM_LINK_PREV] = 0;
	if (head)
		((uintptr_t *)head)[PMM_LINK_PREV] = at;
	pmm->free_head = at;
}

/* A frame that is on the list off it, wherever it is: O(1). */
static void list_unlink(struct pmm *pmm, uintptr_t at)
{
	uintptr_t next = ((const uintptr_t *)at)[PMM_LINK_NEXT];
	uintptr_t prev = ((const uintptr_t *)at)[PMM_LINK_PREV];

	if (prev)
		((uintptr_t *)prev)[PMM_LINK_NEXT] = next;
	else
		pmm->free_head = next;
	if (next)
		((uintptr_t *)next)[PMM_LINK_PREV] = prev;
}

uint32_t pmm_metadata_bytes(paddr_t kernel_end, paddr_t ram_end)
{
	if (kernel_end >= ram_end)
		return 0;
	return ((ram_end >> PAGE_SHIFT) + PAGE_SIZE - 1) & ~(uint32_t)(PAGE_SIZE - 1);
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
	uint32_t metadata_frames, longest = 0;
	int merged;

	memset(pmm, 0, sizeof(*pmm));
	if ((kernel_end | ram_end) & (PAGE_SIZE - 1) || kernel_end >= ram_end ||
	    (reserved_count && !reserved))
		return ERR_INVALID;
	metadata_frames = pmm_metadata_bytes(kernel_end, ram_end) >> PAGE_SHIFT;
	if ((kernel_end >> PAGE_SHIFT) + metadata_frames >= ram_end >> PAGE_SHIFT)
		return ERR_INVALID;
	/* The table is about to be written at kernel_end: nothing to keep may be there. */
	for (unsigned i = 0; i < reserved_count; i++) {
		uint64_t start = reserved[i].start, stop = start + reserved[i].size;

		if (reserved[i].size &&
		    start < kernel_end + metadata_frames * (uint64_t)PAGE_SIZE && stop > kernel_end)
			return ERR_RESERVED;
	}
	mm_lock_init(&pmm->lock, &pmm_class);
	pmm->phys_window = phys_window;
	pmm->end = ram_end >> PAGE_SHIFT;
	pmm->ram_frames = pmm->end;
	pmm->frames = (uint8_t *)(phys_window + kernel_end);
	pmm->metadata_frames = metadata_frames;
	pmm->first = (kernel_end >> PAGE_SHIFT) + metadata_frames;

	merged = merge_reserved(pmm, reserved, reserved_count);
	if (merged < 0) {
		memset(pmm, 0, sizeof(*pmm));
		return ERR_INVALID;
	}
	pmm->reserved_count = (uint32_t)merged;

	/*
	 * Below first and the reserved ranges: reserved. The longest run
	 * between them becomes the wilderness; the other free runs go on the
	 * freed list, lowest frames first out.
	 */
	memset(pmm->frames, PMM_FRAME_RESERVED, pmm->first);
	memset(pmm->frames + pmm->first, PMM_FRAME_FREE, pmm->end - pmm->first);
	for (int i = 0; i < merged; i++) {
		memset(pmm->frames + pmm->reserved[i].first, PMM_FRAME_RESERVED,
		       pmm->reserved[i].count);
		pmm->reserved_frames += pmm->reserved[i].count;
	}
	for (int i = 0; i <= merged; i++) {
		uint32_t start = i == 0 ? pmm->first
					: pmm->reserved[i - 1].first + pmm->reserved[i - 1].count;
		uint32_t stop = i == merged ? pmm->end : pmm->reserved[i].first;

		if (stop > start && stop - start > longest) {
			longest = stop - start;
			pmm->wild_low = start;
			pmm->wild_high = stop;
		}
	}
	for (uint32_t frame = pmm->end; frame-- > pmm->first;)
		if (state_of(pmm, frame) == PMM_FRAME_FREE && !in_wilderness(pmm, frame))
			list_push(pmm, frame);
	return 0;
}

/* One frame off the shared pool (the lock held), its state left to the caller: false when empty. */
static bool pool_take(struct pmm *pmm, paddr_t *frame)
{
	uintptr_t head = pmm->free_head;

	if (head) {
		uintptr_t next = ((const uintptr_t *)head)[PMM_LINK_NEXT];

		pmm->free_head = next;
		if (next)
			((uintptr_t *)next)[PMM_LINK_PREV] = 0;
		*frame = (paddr_t)(head - pmm->phys_window);
		return true;
	}
	if (pmm->wild_low == pmm->wild_high)
		return false;
	*frame = (paddr_t)pmm->wild_low++ << PAGE_SHIFT;
	return true;
}

/* Frames of this core's cache [0, count) back on the list, the rest moved down (the lock held). */
static void cache_give_back(struct pmm *pmm, struct pmm_cache *cache, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++) {
		uint32_t frame = cache->frames[i] >> PAGE_SHIFT;

		pmm->frames[frame] = PMM_FRAME_FREE;
		list_push(pmm, frame);
	}
	memmove(cache->frames, cache->frames + count,
		(cache->count - count) * sizeof(cache->frames[0]));
	cache->count -= count;
}

int pmm_alloc_refill(struct pmm *pmm, paddr_t *frame)
{
	struct pmm_cache *cache = &pmm->cache[mm_core()];
	paddr_t address;
	uint32_t got = 0;

	mm_lock(&pmm->lock);
	if (!pool_take(pmm, &address)) {
		mm_unlock(&pmm->lock);
		return ERR_NO_MEMORY;
	}
	/*
	 * The rest of the batch into the cache (empty, or it would not be
	 * here), filled from the top down so that the pool's order holds: the
	 * lowest frames still come first. A pool that runs dry leaves a hole
	 * at the bottom, closed up once.
	 */
	for (uint32_t slot = PMM_CACHE_BATCH - 1; slot-- > 0; got++) {
		if (!pool_take(pmm, &cache->frames[slot]))
			break;
		pmm->frames[cache->frames[slot] >> PAGE_SHIFT] = PMM_FRAME_CACHED;
	}
	if (got < PMM_CACHE_BATCH - 1)
		memmove(cache->frames, cache->frames + (PMM_CACHE_BATCH - 1 - got),
			got * sizeof(cache->frames[0]));
	cache->count = got;
	pmm->frames[address >> PAGE_SHIFT] = 1;
	mm_unlock(&pmm->lock);
	*frame = address;
	return 0;
}

int pmm_free_spill(struct pmm *pmm, paddr_t address)
{
	struct pmm_cache *cache = &pmm->cache[mm_core()];

	mm_lock(&pmm->lock);
	cache_give_back(pmm, cache, PMM_CACHE_BATCH);
	mm_unlock(&pmm->lock);
	pmm->frames[address >> PAGE_SHIFT] = PMM_FRAME_CACHED;
	cache->frames[cache->count++] = address;
	return 0;
}

void pmm_cache_drain(struct pmm *pmm)
{
	struct pmm_cache *cache = &pmm->cache[mm_core()];

	if (!cache->count)
		return;
	mm_lock(&pmm->lock);
	cache_give_back(pmm, cache, cache->count);
	mm_unlock(&pmm->lock);
}

static int alloc_frames_locked(struct pmm *pmm, uint32_t count, paddr_t *frames)
{
	struct pmm_cache *cache = &pmm->cache[mm_core()];
	uint32_t from_cache = count < cache->count ? count : cache->count, got = 0, listed = 0;
	uint32_t need = count - from_cache;

	/* All or nothing: is the rest on the list and in the wilderness? O(count) to know. */
	for (uintptr_t at = pmm->free_head; at && listed < need;
	     at = ((const uintptr_t *)at)[PMM_LINK_NEXT])
		listed++;
	if (need - listed > pmm->wild_high - pmm->wild_low)
		return ERR_NO_MEMORY;
	/* This core's cache first, then the freed list, then the wilderness: as pmm_alloc_frame. */
	while (got < from_cache)
		frames[got++] = cache->frames[--cache->count];
	while (got < count && pool_take(pmm, &frames[got]))
		got++;
	for (uint32_t i = 0; i < count; i++)
		pmm->frames[frames[i] >> PAGE_SHIFT] = 1;
	return 0;
}

/* Run op with the lock held; when it finds no memory, once more with this core's cache given back. */
#define WITH_POOL(pmm, op)                                                      \
	({                                                                      \
		int error_;                                                     \
		mm_lock(&(pmm)->lock);                                          \
		error_ = (op);                                                  \
		if (error_ == ERR_NO_MEMORY && (pmm)->cache[mm_core()].count) { \
			cache_give_back((pmm), &(pmm)->cache[mm_core()],        \
					(pmm)->cache[mm_core()].count);         \
			error_ = (op);                                          \
		}                                                               \
		mm_unlock(&(pmm)->lock);                                        \
		error_;                                                         \
	})

int pmm_alloc_frames(struct pmm *pmm, uint32_t count, paddr_t *frames)
{
	return WITH_POOL(pmm, alloc_frames_locked(pmm, count, frames));
}

/*
 * Why a frame's reference may not be dropped (or taken), or 0 if it may:
 * in RAM, aligned, not reserved, allocated.
 */
static int check_allocated(const struct pmm *pmm, paddr_t address)
{
	uint32_t frame = address >> PAGE_SHIFT;

	if (address & (PAGE_SIZE - 1))
		return ERR_INVALID;
	if (frame >= pmm->end)
		return ERR_RANGE;
	if (state_of(pmm, frame) == PMM_FRAME_RESERVED || state_of(pmm, frame) == PMM_FRAME_TABLE)
		return ERR_RESERVED;
	if (state_of(pmm, frame) == PMM_FRAME_FREE || state_of(pmm, frame) == PMM_FRAME_CACHED)
		return ERR_NOT_ALLOCATED;
	return 0;
}

int pmm_frame_set_table(struct pmm *pmm, paddr_t address, bool table)
{
	uint32_t frame = address >> PAGE_SHIFT;

	if ((address & (PAGE_SIZE - 1)) || frame >= pmm->end ||
	    state_of(pmm, frame) != (table ? 1 : PMM_FRAME_TABLE))
		return ERR_INVALID;
	pmm->frames[frame] = table ? PMM_FRAME_TABLE : 1;
	return 0;
}

int pmm_free_frame_checked(struct pmm *pmm, paddr_t address)
{
	int error = check_allocated(pmm, address);
	uint32_t frame = address >> PAGE_SHIFT;

	if (error)
		return error;
	mm_lock(&pmm->lock);
	if (--pmm->frames[frame] == PMM_FRAME_FREE)
		list_push(pmm, frame);
	mm_unlock(&pmm->lock);
	return 0;
}

int pmm_frame_share_checked(struct pmm *pmm, paddr_t address)
{
	int error = check_allocated(pmm, address);

	if (error)
		return error;
	if (state_of(pmm, address >> PAGE_SHIFT) == PMM_REFS_MAX)
		return ERR_NO_MEMORY;
	pmm->frames[address >> PAGE_SHIFT]++;
	return 0;
}

unsigned pmm_frame_refs(const struct pmm *pmm, paddr_t address)
{
	if (pmm_frame_is_table(pmm, address) && !(address & (PAGE_SIZE - 1)))
		return 1;
	return check_allocated(pmm, address) ? 0 : state_of(pmm, address >> PAGE_SHIFT);
}

int pmm_frame_is_allocated(const struct pmm *pmm, paddr_t frame)
{
	return check_allocated(pmm, frame) == 0 || pmm_frame_is_table(pmm, frame);
}

/* First frame in [from, to) that is free (want_free) or not, or to. */
static uint32_t find_state(const struct pmm *pmm, uint32_t from, uint32_t to, bool want_free)
{
	while (from < to && (state_of(pmm, from) == PMM_FRAME_FREE) != want_free)
		from++;
	return from;
}

static uint32_t find_not_free(const struct pmm *pmm, uint32_t from, uint32_t to)
{
	return find_state(pmm, from, to, false);
}

static uint32_t find_free(const struct pmm *pmm, uint32_t from, uint32_t to)
{
	return find_state(pmm, from, to, true);
}

/* Put the whole wilderness on the freed list (its frames stay free). */
static void dissolve_wilderness(struct pmm *pmm)
{
	while (pmm->wild_high > pmm->wild_low)
		list_push(pmm, --pmm->wild_high);
	pmm->wild_low = pmm->wild_high = pmm->first;
}

/* Take frames [start, start + count), all free and all on the list, off the list: O(count). */
static void list_remove_run(struct pmm *pmm, uint32_t start, uint32_t count)
{
	for (uint32_t frame = start; frame < start + count; frame++)
		list_unlink(pmm, frame_address(pmm, frame));
}

/*
 * Whether the first HEAD_WINDOW entries of the freed list hold a whole
 * aligned run of count frames: *start. O(HEAD_WINDOW * count), and then
 * list_remove_run finds them within HEAD_WINDOW steps.
 */
#define HEAD_WINDOW 16
static bool run_at_list_head(const struct pmm *pmm, uint32_t count, uint32_t align, uint32_t *start)
{
	uint32_t head[HEAD_WINDOW];
	unsigned n = 0;

	if (count > HEAD_WINDOW)
		return false;
	for (uintptr_t at = pmm->free_head; at && n < HEAD_WINDOW;
	     at = ((const uintptr_t *)at)[PMM_LINK_NEXT])
		head[n++] = frame_of(pmm, at);
	for (unsigned i = 0; i < n; i++) {
		uint32_t candidate = head[i] & ~(align - 1), found = 0;

		if (candidate < pmm->first || candidate + count > pmm->end)
			continue;
		for (uint32_t frame = candidate; frame < candidate + count; frame++) {
			for (unsigned j = 0; j < n; j++) {
				if (head[j] == frame) {
					found++;
					break;
				}
			}
		}
		if (found == count) {
			*start = candidate;
			return true;
		}
	}
	return false;
}

static int alloc_contiguous_locked(struct pmm *pmm, uint32_t count, uint32_t align, paddr_t *first)
{
	uint32_t start;

	/* From the top of the wilderness. */
	if (count <= pmm->wild_high - pmm->wild_low) {
		start = (pmm->wild_high - count) & ~(align - 1);
		if (start >= pmm->wild_low && start <= pmm->wild_high - count) {
			for (uint32_t frame = pmm->wild_high; frame-- > start + count;)
				list_push(pmm, frame); /* skipped for alignment: still free */
			pmm->wild_high = start;
			memset(pmm->frames + start, 1, count);
			*first = (paddr_t)start << PAGE_SHIFT;
			return 0;
		}
	}

	/* A run given back a moment ago (a process's L1 table) is at the head of the freed list. */
	if (run_at_list_head(pmm, count, align, &start)) {
		list_remove_run(pmm, start, count);
		memset(pmm->frames + start, 1, count);
		*first = (paddr_t)start << PAGE_SHIFT;
		return 0;
	}

	/* Anywhere: scan the frame table for a free run at the alignment. */
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
	memset(pmm->frames + start, 1, count);
	*first = (paddr_t)start << PAGE_SHIFT;
	return 0;
}

int pmm_alloc_contiguous(struct pmm *pmm, uint32_t count, uint32_t align, paddr_t *first)
{
	if (count == 0 || align == 0 || (align & (align - 1)))
		return ERR_INVALID;
	return WITH_POOL(pmm, alloc_contiguous_locked(pmm, count, align, first));
}

static int free_contiguous_locked(struct pmm *pmm, paddr_t first, uint32_t count)
{
	uint32_t start = first >> PAGE_SHIFT;

	if (count == 0)
		return ERR_INVALID;
	if (first & (PAGE_SIZE - 1))
		return ERR_INVALID;
	if (start >= pmm->end || count > pmm->end - start)
		return ERR_RANGE;
	for (uint32_t frame = start; frame < start + count; frame++) {
		int error = check_allocated(pmm, (paddr_t)frame << PAGE_SHIFT);

		if (error)
			return error;
		if (state_of(pmm, frame) != 1)
			return ERR_EXISTS; /* shared: a run is given back whole or not at all */
	}
	memset(pmm->frames + start, PMM_FRAME_FREE, count);
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

int pmm_free_contiguous(struct pmm *pmm, paddr_t first, uint32_t count)
{
	int error;

	mm_lock(&pmm->lock);
	error = free_contiguous_locked(pmm, first, count);
	mm_unlock(&pmm->lock);
	return error;
}

/* Zero bytes in a word (the table is word-aligned at KERNEL_END, and RAM ends on a frame). */
static uint32_t zero_bytes(uint32_t word)
{
	uint32_t high = ((word & 0x7F7F7F7FU) + 0x7F7F7F7FU) | word | 0x7F7F7F7FU;

	/* ~high has bit 7 of each zero byte set, nothing else: add the four bits up. */
	return ((~high >> 7) * 0x01010101U) >> 24;
}

static uint32_t cached_count(const struct pmm *pmm)
{
	uint32_t count = 0;

	for (unsigned core = 0; core < MM_CORES; core++)
		count += pmm->cache[core].count;
	return count;
}

/* Frames in [from, to) whose byte is state: a word (four frames) at a time in the middle. */
static uint32_t count_state(const struct pmm *pmm, uint32_t from, uint32_t to, uint8_t state)
{
	const uint32_t *words = (const uint32_t *)pmm->frames;
	uint32_t count = 0, frame = from, pattern = state * 0x01010101U;

	for (; frame < to && frame % 4; frame++)
		count += state_of(pmm, frame) == state;
	for (; frame + 4 <= to; frame += 4)
		count += zero_bytes(words[frame / 4] ^ pattern);
	for (; frame < to; frame++)
		count += state_of(pmm, frame) == state;
	return count;
}

/* Frames whose byte says free (not cached): the list and the wilderness. */
static uint32_t table_free_count(const struct pmm *pmm)
{
	return count_state(pmm, 0, pmm->end, PMM_FRAME_FREE);
}

/* Under the lock: a cache given back meanwhile would be counted twice, or not at all. */
uint32_t pmm_free_count(const struct pmm *pmm)
{
	mm_lock_t *lock = (mm_lock_t *)&pmm->lock;
	uint32_t count;

	mm_lock(lock);
	count = table_free_count(pmm) + cached_count(pmm);
	mm_unlock(lock);
	return count;
}

void pmm_get_stats(const struct pmm *pmm, struct pmm_stats *stats)
{
	uint32_t largest = 0, free = 0, reserved = 0, shared = 0, run = 0;

	for (uint32_t frame = 0; frame < pmm->end; frame++) {
		uint8_t state = state_of(pmm, frame);

		if (state == PMM_FRAME_FREE || state == PMM_FRAME_CACHED) { /* (cached: free too) */
			free++;
			if (++run > largest)
				largest = run;
			continue;
		}
		run = 0;
		reserved += state == PMM_FRAME_RESERVED;
		shared += state > 1 && state <= PMM_REFS_MAX;
	}
	stats->total = pmm->ram_frames;
	stats->free = free;
	stats->reserved = reserved;
	stats->allocated = stats->total - stats->free - stats->reserved;
	stats->shared = shared;
	stats->largest_free_run = largest;
	stats->metadata_bytes = pmm->metadata_frames * PAGE_SIZE;
}

/*
 * The freed list walked with nothing but a flag for anything wrong (a link
 * that is not a frame, a frame not marked free or in the wilderness, a
 * back link that is not the frame before, more frames than the table has
 * free); true, and *listed the frames, when nothing is. pmm_check then walks
 * it again with list_walk_report to say what is wrong.
 */
static bool list_walk_clean(const struct pmm *pmm, uint32_t free, uint32_t *listed)
{
	const uint8_t *states = pmm->frames;
	const uintptr_t window = pmm->phys_window;
	const uint32_t first = pmm->first, span = pmm->end - pmm->first;
	const uint32_t wild_low = pmm->wild_low, wild_size = pmm->wild_high - pmm->wild_low;
	uint32_t count = 0, bad = 0;

	for (uintptr_t at = pmm->free_head, before = 0; at;
	     before = at, at = ((const uintptr_t *)at)[PMM_LINK_NEXT]) {
		uint32_t frame = (uint32_t)((at - window) >> PAGE_SHIFT);

		if (at < window || at % PAGE_SIZE || frame - first >= span || ++count > free)
			return false;
		bad |= states[frame];
		bad |= frame - wild_low < wild_size;
		bad |= ((const uintptr_t *)at)[PMM_LINK_PREV] != before;
	}
	*listed = count;
	return bad == 0;
}

/* The same walk, each problem reported; returns the frames listed. */
static uint32_t list_walk_report(const struct pmm *pmm, uint32_t free, struct check_report *report)
{
	uint32_t listed = 0;

	for (uintptr_t at = pmm->free_head, before = 0; at;
	     before = at, at = ((const uintptr_t *)at)[PMM_LINK_NEXT]) {
		uint32_t frame = frame_of(pmm, at);

		if (at < pmm->phys_window || at % PAGE_SIZE || frame < pmm->first ||
		    frame >= pmm->end) {
			CHECK(report, 0, "freed list holds 0x%lx, not a frame in 0x%lx-0x%lx",
			      (unsigned long)at, (unsigned long)pmm->first,
			      (unsigned long)pmm->end);
			break; /* cannot follow it further */
		}
		CHECK(report, state_of(pmm, frame) == PMM_FRAME_FREE,
		      "frame 0x%lx is on the freed list but its state is %u", (unsigned long)frame,
		      (unsigned)state_of(pmm, frame));
		CHECK(report, !in_wilderness(pmm, frame),
		      "frame 0x%lx is on the freed list and in the wilderness",
		      (unsigned long)frame);
		CHECK(report, ((const uintptr_t *)at)[PMM_LINK_PREV] == before,
		      "frame 0x%lx's back link is 0x%lx, not the frame before it (0x%lx)",
		      (unsigned long)frame, (unsigned long)((const uintptr_t *)at)[PMM_LINK_PREV],
		      (unsigned long)before);
		if (++listed > free) {
			CHECK(report, 0,
			      "freed list longer than the %lu free frames in the table (a cycle?)",
			      (unsigned long)free);
			break;
		}
	}
	return listed;
}

/* Whether frame must be reserved: below the first frame, or in a reserved range. */
static bool must_reserve(const struct pmm *pmm, uint32_t frame, uint32_t ranges)
{
	bool must = frame < pmm->first;

	for (uint32_t i = 0; i < ranges && !must; i++)
		must = frame - pmm->reserved[i].first < pmm->reserved[i].count;
	return must;
}

/*
 * Reserved exactly where it must be: every frame below the first and in a
 * reserved range is, and no other is. The second half is a count (a word of
 * the table at a time) of the frames marked reserved against the frames
 * that must be; only when they differ is the table walked frame by frame,
 * to name the frames that are wrong.
 */
static void check_reserved(const struct pmm *pmm, struct check_report *report)
{
	uint32_t must = 0;

	for (uint32_t frame = 0; frame < pmm->first && frame < pmm->end; frame++, must++)
		CHECK(report, state_of(pmm, frame) == PMM_FRAME_RESERVED,
		      "frame 0x%lx: state %u, but it is reserved", (unsigned long)frame,
		      (unsigned)state_of(pmm, frame));
	for (uint32_t i = 0; i < pmm->reserved_count; i++) {
		const struct pmm_range *range = &pmm->reserved[i];

		for (uint32_t frame = range->first;
		     frame - range->first < range->count && frame < pmm->end; frame++) {
			if (must_reserve(pmm, frame, i))
				continue; /* (counted with an earlier range) */
			must++;
			CHECK(report, state_of(pmm, frame) == PMM_FRAME_RESERVED,
			      "frame 0x%lx: state %u, but it is reserved", (unsigned long)frame,
			      (unsigned)state_of(pmm, frame));
		}
	}
	if (count_state(pmm, 0, pmm->end, PMM_FRAME_RESERVED) == must)
		return;
	for (uint32_t frame = 0; frame < pmm->end; frame++)
		CHECK(report,
		      state_of(pmm, frame) != PMM_FRAME_RESERVED ||
			      must_reserve(pmm, frame, pmm->reserved_count),
		      "frame 0x%lx: state %u, but it is not reserved", (unsigned long)frame,
		      (unsigned)state_of(pmm, frame));
}

unsigned pmm_check(const struct pmm *pmm, char *report_text, size_t report_size)
{
	struct check_report report = { report_text, report_size, 0 };
	uint32_t listed = 0, free = table_free_count(pmm), cached = 0;
	uint32_t wilderness = pmm->wild_high - pmm->wild_low;

	if (report_text && report_size)
		report_text[0] = '\0';
	CHECK(&report,
	      pmm->wild_low <= pmm->wild_high && (wilderness == 0 || (pmm->wild_low >= pmm->first &&
								      pmm->wild_high <= pmm->end)),
	      "wilderness 0x%lx-0x%lx is not inside 0x%lx-0x%lx", (unsigned long)pmm->wild_low,
	      (unsigned long)pmm->wild_high, (unsigned long)pmm->first, (unsigned long)pmm->end);
	if (!list_walk_clean(pmm, free, &listed))
		listed = list_walk_report(pmm, free, &report);
	CHECK(&report, listed + wilderness == free,
	      "freed list has %lu frames and the wilderness %lu, but the table %lu free",
	      (unsigned long)listed, (unsigned long)wilderness, (unsigned long)free);
	for (unsigned core = 0; core < MM_CORES; core++) {
		const struct pmm_cache *cache = &pmm->cache[core];

		CHECK(&report, cache->count <= PMM_CACHE_SIZE, "core %u's cache holds %lu frames",
		      core, (unsigned long)cache->count);
		for (uint32_t i = 0; i < cache->count && i < PMM_CACHE_SIZE; i++) {
			paddr_t at = cache->frames[i];

			if ((at & (PAGE_SIZE - 1)) || (at >> PAGE_SHIFT) < pmm->first ||
			    (at >> PAGE_SHIFT) >= pmm->end) {
				CHECK(&report, 0, "core %u's cache holds 0x%lx, not a frame", core,
				      (unsigned long)at);
				continue;
			}
			CHECK(&report, state_of(pmm, at >> PAGE_SHIFT) == PMM_FRAME_CACHED,
			      "frame 0x%lx is in core %u's cache but its state is %u",
			      (unsigned long)(at >> PAGE_SHIFT), core,
			      (unsigned)state_of(pmm, at >> PAGE_SHIFT));
		}
	}
	check_reserved(pmm, &report);
	if (wilderness && pmm->wild_low <= pmm->wild_high && pmm->wild_high <= pmm->end &&
	    count_state(pmm, pmm->wild_low, pmm->wild_high, PMM_FRAME_FREE) != wilderness) {
		for (uint32_t frame = pmm->wild_low; frame < pmm->wild_high; frame++)
			CHECK(&report, state_of(pmm, frame) == PMM_FRAME_FREE,
			      "frame 0x%lx in the wilderness is not free", (unsigned long)frame);
	}
	cached = count_state(pmm, 0, pmm->end, PMM_FRAME_CACHED);
	CHECK(&report, cached == cached_count(pmm),
	      "%lu frames are marked cached, but the caches hold %lu", (unsigned long)cached,
	      (unsigned long)cached_count(pmm));
	return report.problems;
}
