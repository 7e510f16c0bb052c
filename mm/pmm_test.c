/*
 * mm/pmm_test.c - self-tests of the PMM on the real RAM.
 *
 * The "every frame" tests mark each frame they receive with a tag built
 * from the frame's address and a per-round value, stored past the 8 bytes
 * the free list uses. A frame handed out twice in one round already holds
 * its tag; frames the tests did not allocate (other users') are told apart
 * from theirs by the tag when freeing.
 */
#include "kernel/error.h"
#include "kernel/ktest.h"
#include "kernel/thread.h"
#include "kernel/platform.h"
#include "mm/mm.h"

#define TAG_OFFSET 64 /* bytes into a frame: clear of the free-list node */

static uint32_t *tag_word(paddr_t frame)
{
	return (uint32_t *)(phys_to_virt(frame) + TAG_OFFSET);
}

static uint32_t tag_of(paddr_t frame, uint32_t round)
{
	return (frame ^ 0x5A5A0000U) * 2654435761U + round;
}

static int stats_equal(const struct pmm_stats *a, const struct pmm_stats *b)
{
	return a->total == b->total && a->free == b->free && a->reserved == b->reserved &&
	       a->largest_free_run == b->largest_free_run;
}

/* Is the frame in a range the PMM must never hand out? */
static int frame_is_reserved(paddr_t frame)
{
	const struct pmm *pmm = &kernel_pmm;
	uint32_t n = frame >> PAGE_SHIFT;

	if (n < pmm->first)
		return 1;
	for (uint32_t i = 0; i < pmm->reserved_count; i++)
		if (n - pmm->reserved[i].first < pmm->reserved[i].count)
			return 1;
	return 0;
}

/* Allocate every free frame; returns how many, counting duplicates and reserved ones. */
static uint32_t allocate_all(uint32_t round, uint32_t *duplicates, uint32_t *reserved)
{
	paddr_t frame;
	uint32_t count = 0;

	*duplicates = *reserved = 0;
	while (pmm_alloc_frame(&kernel_pmm, &frame) == 0) {
		uint32_t *tag = tag_word(frame);

		if (*tag == tag_of(frame, round))
			(*duplicates)++;
		if (frame_is_reserved(frame))
			(*reserved)++;
		*tag = tag_of(frame, round);
		count++;
	}
	return count;
}

/*
 * Free this round's frames, visiting frame numbers in the order
 * first + (i * stride) mod n: with stride coprime to n that is every frame
 * once, in an order unlike the allocation order.
 */
static uint32_t free_round(uint32_t round, uint32_t stride, uint32_t *errors)
{
	const struct pmm *pmm = &kernel_pmm;
	uint32_t n = pmm->end - pmm->first, freed = 0, at = 0;

	*errors = 0;
	for (uint32_t i = 0; i < n; i++) {
		paddr_t frame = (paddr_t)(pmm->first + at) << PAGE_SHIFT;

		at = (at + stride) % n;
		if (!pmm_frame_is_allocated(pmm, frame) || *tag_word(frame) != tag_of(frame, round))
			continue;
		*tag_word(frame) = 0;
		if (pmm_free_frame(&kernel_pmm, frame) != 0)
			(*errors)++;
		freed++;
	}
	return freed;
}

static uint32_t gcd(uint32_t a, uint32_t b)
{
	while (b) {
		uint32_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

KTEST(pmm, covers_ram)
{
	struct pmm_stats stats;

	pmm_get_stats(&kernel_pmm, &stats);
	KT_ASSERT_EQ(platform.ram.size / PAGE_SIZE, stats.total);
	KT_ASSERT_EQ(stats.total, stats.free + stats.reserved + stats.allocated);
	/* A byte a frame, rounded up to a frame: at most 256 KiB per GiB plus one frame. */
	KT_ASSERT(stats.metadata_bytes <= (platform.ram.size >> PAGE_SHIFT) + PAGE_SIZE);
	KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
}

KTEST(pmm, every_frame_once)
{
	struct pmm_stats before, after;
	uint32_t duplicates, reserved, errors, count, freed;
	paddr_t frame;

	KT_ASSERT(sched_wait_quiet()); /* no other core's frees in the middle of the count */
	pmm_get_stats(&kernel_pmm, &before);
	for (uint32_t round = 1; round <= 2; round++) {
		uint32_t n = kernel_pmm.end - kernel_pmm.first;
		/* Round 1 frees in allocation order, round 2 in a scattered one. */
		uint32_t stride = round == 1 ? 1 : 7919;

		while (gcd(stride, n) != 1)
			stride++;
		count = allocate_all(round, &duplicates, &reserved);
		KT_ASSERT_EQ(before.free, count);
		KT_ASSERT_EQ(0, duplicates);
		KT_ASSERT_EQ(0, reserved);
		/* Exhausted: allocation fails quietly, the PMM stays consistent. */
		KT_ASSERT_EQ(ERR_NO_MEMORY, pmm_alloc_frame(&kernel_pmm, &frame));
		KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
		freed = free_round(round, stride, &errors);
		KT_ASSERT_EQ(count, freed);
		KT_ASSERT_EQ(0, errors);
		pmm_get_stats(&kernel_pmm, &after);
		KT_ASSERT(stats_equal(&before, &after));
		KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
	}
}

KTEST(pmm, refusals_change_nothing)
{
	struct pmm_stats before, after;
	paddr_t frame = 0;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	pmm_get_stats(&kernel_pmm, &before);
	KT_ASSERT_EQ(ERR_RESERVED, pmm_free_frame(&kernel_pmm, 0));                /* vectors */
	KT_ASSERT_EQ(ERR_RESERVED, pmm_free_frame(&kernel_pmm, PHYS_L1_TABLE));    /* L1 table */
	KT_ASSERT_EQ(ERR_RESERVED, pmm_free_frame(&kernel_pmm, PHYS_KERNEL_LOAD)); /* image */
	KT_ASSERT_EQ(ERR_RANGE, pmm_free_frame(&kernel_pmm, platform.ram.size));
	KT_ASSERT_EQ(ERR_INVALID, pmm_free_frame(&kernel_pmm, frame + 8));
	pmm_get_stats(&kernel_pmm, &after);
	KT_ASSERT(stats_equal(&before, &after));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
	pmm_get_stats(&kernel_pmm, &before);
	KT_ASSERT_EQ(ERR_NOT_ALLOCATED, pmm_free_frame(&kernel_pmm, frame)); /* double free */
	pmm_get_stats(&kernel_pmm, &after);
	KT_ASSERT(stats_equal(&before, &after));
	KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
}

/*
 * What the loader left (the blob r2 points at, an initrd, the device
 * tree's reservations) is never handed out: the first and the last frame
 * of each range are reserved, and cannot be freed.
 */
KTEST(pmm, loader_ranges_kept)
{
	struct phys_range keep[2 + PLATFORM_KEEP_MAX];
	unsigned n = platform_ranges_to_keep(keep, sizeof(keep) / sizeof(keep[0]));

	if (n == 0)
		KT_SKIP("the loader passed nothing to keep");
	for (unsigned i = 0; i < n; i++) {
		paddr_t first = keep[i].start & ~(paddr_t)(PAGE_SIZE - 1);
		paddr_t last = (keep[i].start + keep[i].size - 1) & ~(paddr_t)(PAGE_SIZE - 1);

		KT_ASSERT(frame_is_reserved(first));
		KT_ASSERT(frame_is_reserved(last));
		KT_ASSERT_EQ(ERR_RESERVED, pmm_free_frame(&kernel_pmm, first));
		KT_ASSERT_EQ(ERR_RESERVED, pmm_free_frame(&kernel_pmm, last));
	}
}

KTEST(pmm, contiguous_runs)
{
	struct pmm_stats before, after;
	paddr_t l1, run, section;

	pmm_get_stats(&kernel_pmm, &before);
	/* A 16 KiB-aligned L1 table for a future process. */
	KT_ASSERT_EQ(0, pmm_alloc_contiguous(&kernel_pmm, 4, 4, &l1));
	KT_ASSERT_EQ(0, l1 % (16 * 1024));
	KT_ASSERT_EQ(0, pmm_alloc_contiguous(&kernel_pmm, 100, 1, &run));
	KT_ASSERT_EQ(0, pmm_alloc_contiguous(&kernel_pmm, 256, 256, &section));
	KT_ASSERT_EQ(0, section % SECTION_SIZE);
	KT_ASSERT(run >= l1 + 4 * PAGE_SIZE || run + 100 * PAGE_SIZE <= l1);
	KT_ASSERT(section >= run + 100 * PAGE_SIZE || section + SECTION_SIZE <= run);
	KT_ASSERT(section >= l1 + 4 * PAGE_SIZE || section + SECTION_SIZE <= l1);
	for (uint32_t i = 0; i < 100; i++)
		KT_ASSERT(pmm_frame_is_allocated(&kernel_pmm, run + i * PAGE_SIZE));
	KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
	KT_ASSERT_EQ(0, pmm_free_contiguous(&kernel_pmm, l1, 4));
	KT_ASSERT_EQ(0, pmm_free_contiguous(&kernel_pmm, run, 100));
	KT_ASSERT_EQ(0, pmm_free_contiguous(&kernel_pmm, section, 256));
	pmm_get_stats(&kernel_pmm, &after);
	KT_ASSERT_EQ(before.free, after.free);
	KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
}

KTEST(pmm, fragmentation_reported)
{
	struct pmm_stats stats;
	uint32_t duplicates, reserved, errors, count, freed = 0;
	paddr_t frame;

	count = allocate_all(3, &duplicates, &reserved);
	KT_ASSERT(count > 2);
	/* Free every other frame of this round: no two free frames touch. */
	for (uint32_t n = kernel_pmm.first; n < kernel_pmm.end; n += 2) {
		frame = (paddr_t)n << PAGE_SHIFT;
		if (pmm_frame_is_allocated(&kernel_pmm, frame) &&
		    *tag_word(frame) == tag_of(frame, 3)) {
			*tag_word(frame) = 0;
			KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
			freed++;
		}
	}
	pmm_get_stats(&kernel_pmm, &stats);
	KT_ASSERT_EQ(freed, stats.free);
	KT_ASSERT_EQ(1, stats.largest_free_run);
	KT_ASSERT_EQ(ERR_NO_MEMORY, pmm_alloc_contiguous(&kernel_pmm, 2, 1, &frame));
	KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
	free_round(3, 1, &errors);
	KT_ASSERT_EQ(0, errors);
	pmm_get_stats(&kernel_pmm, &stats);
	KT_ASSERT(stats.largest_free_run > 1024);
	KT_ASSERT_EQ(0, pmm_alloc_contiguous(&kernel_pmm, 2, 1, &frame));
	KT_ASSERT_EQ(0, pmm_free_contiguous(&kernel_pmm, frame, 2));
}
