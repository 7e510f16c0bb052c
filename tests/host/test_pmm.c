/*
 * tests/host/test_pmm.c - the PMM against simulated RAM, under ASan/UBSan.
 *
 * RAM is an array standing in for physical memory (physical 0 at its first
 * byte), so every access the PMM makes to a frame or to its bitmap is
 * checked by AddressSanitizer. Besides fixed cases, a randomised sequence
 * of operations runs against a model that only remembers which frames are
 * allocated: every answer of the PMM is checked against it, and
 * pmm_check() runs after every operation.
 */
#include "lib/xorshift.h"
#include <stdbool.h>
#include <stdlib.h>

#include "kernel/error.h"
#include "mm/pmm.h"
#include "tap.h"

#define RAM_BYTES    (16u << 20)
#define RAM_FRAMES   (RAM_BYTES / PAGE_SIZE)
#define KERNEL_END   (1u << 20)
#define DTB_START    ((8u << 20) + 0x234) /* not frame-aligned: rounded out */
#define DTB_BYTES    0x3000
#define RANDOM_STEPS 20000
#define NO_FRAME     0xFFFFFFFFU /* random_allocated_frame: the model holds none */

static uint8_t *ram;
static struct pmm pmm;
static unsigned char model[RAM_FRAMES]; /* 1: allocated by the test */
static uint32_t rng_state = 0x2545F491;

static uint32_t random_u32(void)
{
	return xorshift32(&rng_state);
}

static int is_reserved_frame(uint32_t frame)
{
	uint32_t dtb_first = DTB_START / PAGE_SIZE,
		 dtb_end = (DTB_START + DTB_BYTES + PAGE_SIZE - 1) / PAGE_SIZE;

	return frame < pmm.first || (frame >= dtb_first && frame < dtb_end);
}

static void setup(void)
{
	const struct phys_range reserved[] = { { DTB_START, DTB_BYTES } };

	memset(ram, 0xA5, RAM_BYTES);
	memset(model, 0, sizeof(model));
	if (pmm_init(&pmm, (uintptr_t)ram, KERNEL_END, RAM_BYTES, reserved, 1) != 0)
		abort();
}

static int same_stats(const struct pmm_stats *a, const struct pmm_stats *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static int consistent(void)
{
	char report[160];
	unsigned problems = pmm_check(&pmm, report, sizeof(report));

	if (problems)
		printf("# pmm_check: %u problems, first: %s\n", problems, report);
	return problems == 0;
}

static void test_layout(void)
{
	struct pmm_stats stats;
	uint32_t bitmap_bytes = ((RAM_BYTES - KERNEL_END) / PAGE_SIZE + 31) / 32 * 4;

	setup();
	pmm_get_stats(&pmm, &stats);
	TAP_EQ_U32(RAM_FRAMES, stats.total, "init: total counts all of RAM");
	TAP_EQ_U32((bitmap_bytes + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE, stats.metadata_bytes,
		   "init: metadata is one bit a frame, in whole frames");
	TAP_EQ_U32(KERNEL_END / PAGE_SIZE + 1, pmm.first, "init: first frame after the bitmap");
	/* The DTB range 0x800234..0x803234 covers 4 frames. */
	TAP_EQ_U32(pmm.first + 4, stats.reserved, "init: reserved = below first + DTB frames");
	TAP_EQ_U32(RAM_FRAMES - stats.reserved, stats.free, "init: the rest is free");
	TAP_EQ_U32(0, stats.allocated, "init: nothing allocated");
	TAP_EQ_U32(RAM_FRAMES - (DTB_START + DTB_BYTES + PAGE_SIZE - 1) / PAGE_SIZE,
		   stats.largest_free_run, "init: largest free run is above the DTB");
	TAP_OK(consistent(), "init: pmm_check finds nothing");

	struct phys_range too_many[PMM_MAX_RESERVED + 1];
	for (unsigned i = 0; i <= PMM_MAX_RESERVED; i++)
		too_many[i] = (struct phys_range){ (4u << 20) + i * 2 * PAGE_SIZE, PAGE_SIZE };
	TAP_EQ_U32(ERR_INVALID,
		   pmm_init(&pmm, (uintptr_t)ram, KERNEL_END, RAM_BYTES, too_many,
			    PMM_MAX_RESERVED + 1),
		   "init: too many separate ranges refused");
	TAP_EQ_U32(ERR_INVALID, pmm_init(&pmm, (uintptr_t)ram, KERNEL_END + 1, RAM_BYTES, NULL, 0),
		   "init: misaligned kernel end refused");
}

/*
 * Reserved ranges that overlap, nest, repeat or touch: every frame is
 * reserved once, never handed out, and the counts add up (a duplicate once
 * made stats.allocated underflow).
 */
static void test_reserved_ranges_merged(void)
{
	const paddr_t base = 4u << 20;
	const struct phys_range ranges[] = {
		{ base, 4 * PAGE_SIZE },                  /* frames 0-3 */
		{ base + PAGE_SIZE, PAGE_SIZE },          /* nested in it */
		{ base, 4 * PAGE_SIZE },                  /* the same again */
		{ base + 3 * PAGE_SIZE, 3 * PAGE_SIZE },  /* overlapping its end: to 5 */
		{ base + 6 * PAGE_SIZE, PAGE_SIZE },      /* touching: 6 */
		{ base + 20 * PAGE_SIZE, 2 * PAGE_SIZE }, /* apart: 20-21 */
		{ base + 19 * PAGE_SIZE + 1, 10 },        /* a few bytes in frame 19 */
		{ base - 100, 200 },                      /* across two frames: -1, 0 */
		{ base + 10 * PAGE_SIZE, 0 },             /* empty: nothing */
	};
	struct pmm_stats stats;
	unsigned bad = 0, handed = 0;
	paddr_t frame;

	memset(ram, 0xA5, RAM_BYTES);
	TAP_EQ_U32(0,
		   pmm_init(&pmm, (uintptr_t)ram, KERNEL_END, RAM_BYTES, ranges,
			    sizeof(ranges) / sizeof(ranges[0])),
		   "merge: nine overlapping ranges accepted");
	TAP_EQ_U32(2, pmm.reserved_count, "merge: they become two ranges");
	pmm_get_stats(&pmm, &stats);
	/* frames -1..6 (8) and 19..21 (3) */
	TAP_EQ_U32(pmm.first + 11, stats.reserved, "merge: each reserved frame counted once");
	TAP_EQ_U32(RAM_FRAMES - stats.reserved, stats.free, "merge: the rest is free");
	TAP_OK(consistent(), "merge: pmm_check finds nothing");
	while (pmm_alloc_frame(&pmm, &frame) == 0) {
		uint32_t n = frame / PAGE_SIZE - base / PAGE_SIZE;

		handed++;
		bad += (frame >= base - PAGE_SIZE && n + 1 <= 7) || (n >= 19 && n <= 21);
	}
	TAP_EQ_U32(0, bad, "merge: no reserved frame handed out");
	TAP_EQ_U32(RAM_FRAMES - pmm.first - 11, handed, "merge: every other frame handed out");
	pmm_get_stats(&pmm, &stats);
	TAP_EQ_U32(handed, stats.allocated, "merge: allocated counts what was handed out");
	TAP_EQ_U32(ERR_RESERVED, pmm_free_frame(&pmm, base + 2 * PAGE_SIZE),
		   "merge: a reserved frame cannot be freed");

	/* What would lie under the metadata is refused, before anything is written. */
	const struct phys_range under_bitmap[] = { { KERNEL_END + 0x100, 0x10 } };
	memset(ram + KERNEL_END, 0x5A, PAGE_SIZE);
	TAP_EQ_U32(ERR_RESERVED,
		   pmm_init(&pmm, (uintptr_t)ram, KERNEL_END, RAM_BYTES, under_bitmap, 1),
		   "merge: a range where the bitmap goes is refused");
	TAP_EQ_U32(0x5A5A5A5A, *(uint32_t *)(ram + KERNEL_END + 0x100),
		   "merge: and left as it was");
	TAP_EQ_U32(PAGE_SIZE, pmm_metadata_bytes(KERNEL_END, RAM_BYTES),
		   "merge: the metadata of 16 MiB is one frame");
	const struct phys_range after_bitmap[] = { { KERNEL_END + PAGE_SIZE, 0x10 } };
	TAP_EQ_U32(0, pmm_init(&pmm, (uintptr_t)ram, KERNEL_END, RAM_BYTES, after_bitmap, 1),
		   "merge: right after the metadata is fine");
}

static void test_exhaust_and_refusals(void)
{
	struct pmm_stats before, after;
	paddr_t frame, last = 0;
	uint32_t count = 0;
	int ascending = 1, bad = 0;

	setup();
	pmm_get_stats(&pmm, &before);
	while (pmm_alloc_frame(&pmm, &frame) == 0) {
		uint32_t n = frame / PAGE_SIZE;

		if (model[n] || is_reserved_frame(n))
			bad++;
		model[n] = 1;
		if (count && frame <= last)
			ascending = 0;
		last = frame;
		count++;
	}
	TAP_EQ_U32(before.free, count, "exhaust: every free frame handed out once");
	TAP_EQ_U32(0, bad, "exhaust: no frame twice, none reserved");
	TAP_OK(ascending, "exhaust: frames come lowest first after init");
	TAP_EQ_U32(ERR_NO_MEMORY, pmm_alloc_frame(&pmm, &frame), "exhaust: then allocation fails");
	TAP_OK(consistent(), "exhaust: consistent when full");

	pmm_get_stats(&pmm, &before);
	TAP_EQ_U32(ERR_RESERVED, pmm_free_frame(&pmm, 0), "free of frame 0 (vectors) refused");
	TAP_EQ_U32(ERR_RESERVED, pmm_free_frame(&pmm, KERNEL_END), "free of the bitmap refused");
	TAP_EQ_U32(ERR_RESERVED, pmm_free_frame(&pmm, DTB_START & ~0xFFFu),
		   "free of the DTB refused");
	TAP_EQ_U32(ERR_RANGE, pmm_free_frame(&pmm, RAM_BYTES), "free past the end refused");
	TAP_EQ_U32(ERR_INVALID, pmm_free_frame(&pmm, last + 4), "misaligned free refused");
	pmm_get_stats(&pmm, &after);
	TAP_OK(same_stats(&before, &after) && consistent(), "refused frees change nothing");

	TAP_EQ_U32(0, pmm_free_frame(&pmm, last), "free works when full");
	TAP_EQ_U32(ERR_NOT_ALLOCATED, pmm_free_frame(&pmm, last), "double free refused");
	TAP_EQ_U32(0, pmm_alloc_frame(&pmm, &frame), "allocation works again after a free");
	TAP_EQ_U32(last, frame, "and returns the frame just freed");
	TAP_OK(consistent(), "consistent after the refusals");
}

static void test_contiguous(void)
{
	struct pmm_stats stats;
	paddr_t a, b, c, frame;

	/* On a fresh PMM a run comes from the top of the wilderness, and goes back to it. */
	setup();
	pmm_get_stats(&pmm, &stats);
	uint32_t fresh_run = stats.largest_free_run;
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 3, 4, &a), "wilderness: 3 frames aligned to 4");
	TAP_EQ_U32((RAM_FRAMES - 4) * PAGE_SIZE, a, "wilderness: cut from its top, aligned down");
	TAP_EQ_U32(0, pmm_alloc_frame(&pmm, &frame), "wilderness: a single frame after it");
	TAP_EQ_U32(RAM_FRAMES - 1, frame / PAGE_SIZE,
		   "wilderness: the frame skipped for alignment is reused");
	TAP_EQ_U32(0, pmm_free_frame(&pmm, frame), "wilderness: single freed");
	TAP_EQ_U32(0, pmm_free_contiguous(&pmm, a, 3), "wilderness: run freed");
	pmm_get_stats(&pmm, &stats);
	TAP_EQ_U32(fresh_run, stats.largest_free_run,
		   "wilderness: grown back, largest run as fresh");
	TAP_OK(consistent(), "wilderness: consistent");

	setup();
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 4, 4, &a), "contiguous: 16 KiB aligned to 16 KiB");
	TAP_EQ_U32(0, a % (16 * 1024), "contiguous: aligned");
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 300, 1, &b), "contiguous: 300 frames");
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 256, 256, &c),
		   "contiguous: 1 MiB aligned to 1 MiB");
	TAP_EQ_U32(0, c % (1 << 20), "contiguous: 1 MiB aligned");
	TAP_OK(b >= a + 4 * PAGE_SIZE || b + 300 * PAGE_SIZE <= a,
	       "contiguous: runs disjoint (a, b)");
	TAP_OK(c >= b + 300 * PAGE_SIZE || c + 256 * PAGE_SIZE <= b,
	       "contiguous: runs disjoint (b, c)");
	int all = 1;
	for (uint32_t i = 0; i < 300; i++)
		all &= pmm_frame_is_allocated(&pmm, b + i * PAGE_SIZE);
	TAP_OK(all, "contiguous: every frame of the run is allocated");
	/* A single allocation must not land inside a run. */
	TAP_EQ_U32(0, pmm_alloc_frame(&pmm, &frame), "single after contiguous");
	TAP_OK(!(frame >= b && frame < b + 300 * PAGE_SIZE), "single is outside the run");
	TAP_OK(consistent(), "contiguous: consistent");
	TAP_EQ_U32(ERR_INVALID, pmm_alloc_contiguous(&pmm, 4, 3, &a),
		   "contiguous: align 3 refused");
	TAP_EQ_U32(ERR_INVALID, pmm_alloc_contiguous(&pmm, 0, 1, &a),
		   "contiguous: count 0 refused");
	TAP_EQ_U32(ERR_NO_MEMORY, pmm_alloc_contiguous(&pmm, RAM_FRAMES, 1, &a),
		   "contiguous: too big");
	/* A free of a run that overlaps a free frame is refused as a whole. */
	TAP_EQ_U32(0, pmm_free_frame(&pmm, b + 10 * PAGE_SIZE), "free one frame inside the run");
	pmm_get_stats(&pmm, &stats);
	TAP_EQ_U32(ERR_NOT_ALLOCATED, pmm_free_contiguous(&pmm, b, 300),
		   "partial double free refused");
	TAP_OK(pmm_frame_is_allocated(&pmm, b) && consistent(), "refused run free changed nothing");
	TAP_EQ_U32(0, pmm_free_contiguous(&pmm, b, 10), "free the run's first part");

	/* Fragmentation: allocate everything, free every other frame. */
	setup();
	paddr_t first = 0;
	uint32_t n = 0;
	while (pmm_alloc_frame(&pmm, &frame) == 0) {
		if (n++ == 0)
			first = frame;
	}
	for (paddr_t f = first; f < RAM_BYTES; f += 2 * PAGE_SIZE)
		if (pmm_frame_is_allocated(&pmm, f))
			pmm_free_frame(&pmm, f);
	pmm_get_stats(&pmm, &stats);
	TAP_EQ_U32(1, stats.largest_free_run, "fragmented: largest free run is 1");
	TAP_EQ_U32(ERR_NO_MEMORY, pmm_alloc_contiguous(&pmm, 2, 1, &a),
		   "fragmented: 2 frames fail");
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 1, 1, &a), "fragmented: 1 frame works");
	TAP_OK(consistent(), "fragmented: consistent");
	/* Two neighbours freed: a run of 2 is found by the scan, off the freed list. */
	TAP_EQ_U32(0, pmm_free_frame(&pmm, first + 1 * PAGE_SIZE), "fragmented: free a neighbour");
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 2, 1, &a), "fragmented: now 2 frames work");
	TAP_OK(a == first || a == first + PAGE_SIZE, "fragmented: the run found is the freed pair");
	TAP_OK(consistent(), "fragmented: consistent after the scan");

	/* A run given back a moment ago is at the head of the freed list: taken from there. */
	TAP_EQ_U32(0, pmm_free_contiguous(&pmm, a, 2), "list head: a pair given back");
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 2, 2, &b), "list head: a pair aligned to 2");
	TAP_OK(b % (2 * PAGE_SIZE) == 0 && pmm_frame_is_allocated(&pmm, b) &&
		       pmm_frame_is_allocated(&pmm, b + PAGE_SIZE),
	       "list head: aligned, both frames allocated");
	TAP_OK(consistent(), "list head: consistent");
}

/* Batches: frames as single allocations would give them, all or nothing. */
static void test_batch(void)
{
	static paddr_t all[RAM_FRAMES + 1];
	struct pmm_stats before, after;
	paddr_t frames[8], single[8], next;
	uint32_t free_frames;
	int distinct = 1;

	setup();
	/* From the wilderness: the same frames, in the same order, as eight single allocations. */
	for (unsigned i = 0; i < 8; i++)
		pmm_alloc_frame(&pmm, &single[i]);
	for (unsigned i = 8; i-- > 0;)
		pmm_free_frame(&pmm, single[i]);
	TAP_EQ_U32(0, pmm_alloc_frames(&pmm, 8, frames), "batch: 8 frames");
	TAP_OK(memcmp(frames, single, sizeof(frames)) == 0,
	       "batch: the frames single allocations give");
	for (unsigned i = 0; i < 8; i++)
		distinct &= pmm_frame_is_allocated(&pmm, frames[i]);
	TAP_OK(distinct, "batch: every frame marked allocated");
	TAP_OK(consistent(), "batch: consistent");
	/* Three on the freed list, the rest from the wilderness. */
	for (unsigned i = 0; i < 3; i++)
		pmm_free_frame(&pmm, frames[i]);
	TAP_EQ_U32(0, pmm_alloc_frames(&pmm, 8, frames), "batch: 3 freed frames and 5 new ones");
	TAP_OK(consistent(), "batch: consistent across list and wilderness");
	/* More than are free: refused, nothing changes, the freed list keeps its order. */
	for (unsigned i = 0; i < 3; i++)
		pmm_free_frame(&pmm, frames[i]);
	pmm_get_stats(&pmm, &before);
	free_frames = before.free;
	TAP_EQ_U32(ERR_NO_MEMORY, pmm_alloc_frames(&pmm, free_frames + 1, all),
		   "batch: one more than are free is refused");
	pmm_get_stats(&pmm, &after);
	TAP_OK(same_stats(&before, &after), "batch: and changes nothing");
	pmm_alloc_frame(&pmm, &next);
	TAP_OK(next == frames[2], "batch: the freed list is as it was");
	TAP_OK(consistent(), "batch: consistent after the refusal");
}

static paddr_t random_allocated_frame(void)
{
	uint32_t start = random_u32() % RAM_FRAMES;

	for (uint32_t i = 0; i < RAM_FRAMES; i++) {
		uint32_t n = (start + i) % RAM_FRAMES;

		if (model[n])
			return (paddr_t)n * PAGE_SIZE;
	}
	return NO_FRAME;
}

static void test_random_against_model(void)
{
	unsigned failures = 0, checks = 0;
	uint32_t model_free;
	struct pmm_stats stats;

	setup();
	pmm_get_stats(&pmm, &stats);
	model_free = stats.free;
	for (unsigned step = 0; step < RANDOM_STEPS && failures == 0; step++) {
		uint32_t op = random_u32() % 100;
		paddr_t frame;
		int error;

		if (op < 40) {
			error = pmm_alloc_frame(&pmm, &frame);
			if (model_free == 0) {
				failures += error != ERR_NO_MEMORY;
			} else if (error || model[frame / PAGE_SIZE] ||
				   is_reserved_frame(frame / PAGE_SIZE)) {
				failures++;
			} else {
				model[frame / PAGE_SIZE] = 1;
				model_free--;
			}
		} else if (op < 75) {
			frame = random_allocated_frame();
			if (frame != NO_FRAME) {
				failures += pmm_free_frame(&pmm, frame) != 0;
				model[frame / PAGE_SIZE] = 0;
				model_free++;
			}
		} else if (op < 85) {
			uint32_t count = 1 + random_u32() % 40, align = 1u << (random_u32() % 5);

			error = pmm_alloc_contiguous(&pmm, count, align, &frame);
			if (error == 0) {
				failures += frame % (align * PAGE_SIZE) != 0;
				for (uint32_t i = 0; i < count; i++) {
					uint32_t n = frame / PAGE_SIZE + i;

					failures += model[n] || is_reserved_frame(n);
					model[n] = 1;
				}
				model_free -= count;
			} else {
				failures += error != ERR_NO_MEMORY;
			}
		} else if (op < 92) {
			paddr_t frames[40];
			uint32_t count = 1 + random_u32() % 40;
			struct pmm_stats before, after;

			pmm_get_stats(&pmm, &before);
			error = pmm_alloc_frames(&pmm, count, frames);
			if (count > model_free) {
				pmm_get_stats(&pmm, &after);
				failures += error != ERR_NO_MEMORY || !same_stats(&before, &after);
			} else if (error) {
				failures++;
			} else {
				for (uint32_t i = 0; i < count; i++) {
					uint32_t n = frames[i] / PAGE_SIZE;

					failures += frames[i] % PAGE_SIZE != 0 || model[n] ||
						    is_reserved_frame(n);
					model[n] = 1;
				}
				model_free -= count;
			}
		} else {
			/* Something that must be refused, and must change nothing. */
			struct pmm_stats before, after;
			uint32_t n = random_u32() % (RAM_FRAMES + 8);
			int expected;

			frame = (paddr_t)n * PAGE_SIZE;
			if (n >= RAM_FRAMES)
				expected = ERR_RANGE;
			else if (is_reserved_frame(n))
				expected = ERR_RESERVED;
			else if (!model[n])
				expected = ERR_NOT_ALLOCATED;
			else {
				frame += 1 + random_u32() % (PAGE_SIZE - 1);
				expected = ERR_INVALID;
			}
			pmm_get_stats(&pmm, &before);
			error = pmm_free_frame(&pmm, frame);
			pmm_get_stats(&pmm, &after);
			failures += error != expected || !same_stats(&before, &after);
		}
		checks++;
		if (!consistent())
			failures++;
		pmm_get_stats(&pmm, &stats);
		failures += stats.free != model_free;
		if (failures)
			printf("# step %u (op %u) went wrong\n", step, op);
	}
	TAP_EQ_U32(0, failures, "random: every answer matches the model, pmm_check clean");
	TAP_EQ_U32(RANDOM_STEPS, checks, "random: all steps ran");
}

/*
 * References: a frame shared (copy-on-write) by several owners is freed by
 * the last of them; each earlier free only drops a reference.
 */
static void test_shared_frames(void)
{
	struct pmm_stats before, stats;
	paddr_t frame, other;
	unsigned refused = 0;

	setup();
	pmm_get_stats(&pmm, &before);
	TAP_EQ_U32(0, pmm_alloc_frame(&pmm, &frame), "share: a frame");
	TAP_EQ_U32(1, pmm_frame_refs(&pmm, frame), "share: one reference when allocated");
	TAP_EQ_U32(0, pmm_frame_share(&pmm, frame), "share: a second owner");
	TAP_EQ_U32(0, pmm_frame_share(&pmm, frame), "share: a third");
	TAP_EQ_U32(3, pmm_frame_refs(&pmm, frame), "share: three references");
	pmm_get_stats(&pmm, &stats);
	TAP_EQ_U32(1, stats.shared, "share: one frame counted as shared");
	TAP_EQ_U32(0, pmm_free_frame(&pmm, frame), "share: the first free drops a reference");
	TAP_EQ_U32(0, pmm_free_frame(&pmm, frame), "share: and the second");
	TAP_OK(pmm_frame_is_allocated(&pmm, frame) && pmm_alloc_frame(&pmm, &other) == 0 &&
		       other != frame,
	       "share: still allocated, not handed out again");
	TAP_EQ_U32(0, pmm_free_frame(&pmm, other), "share: (the other back)");
	TAP_EQ_U32(0, pmm_free_frame(&pmm, frame), "share: the last free frees it");
	TAP_EQ_U32(ERR_NOT_ALLOCATED, pmm_frame_share(&pmm, frame),
		   "share: a free frame cannot be shared");
	TAP_EQ_U32(ERR_RESERVED, pmm_frame_share(&pmm, 0), "share: nor a reserved one");
	TAP_EQ_U32(0, pmm_alloc_frame(&pmm, &frame), "share: up to the limit");
	for (unsigned i = 1; i < PMM_REFS_MAX; i++)
		refused += pmm_frame_share(&pmm, frame) != 0;
	refused += pmm_frame_share(&pmm, frame) != ERR_NO_MEMORY;
	for (unsigned i = 0; i < PMM_REFS_MAX; i++)
		refused += pmm_free_frame(&pmm, frame) != 0;
	TAP_EQ_U32(0, refused,
		   "share: PMM_REFS_MAX references, one more refused, all dropped again");
	/* A table frame: neither freed, shared nor marked twice until the mark is off. */
	TAP_EQ_U32(0, pmm_alloc_frame(&pmm, &frame), "table: a frame");
	TAP_EQ_U32(0, pmm_frame_set_table(&pmm, frame, true), "table: marked");
	TAP_OK(pmm_frame_is_table(&pmm, frame) && pmm_frame_is_allocated(&pmm, frame),
	       "table: a table frame, allocated");
	TAP_OK(pmm_free_frame(&pmm, frame) == ERR_RESERVED &&
		       pmm_frame_share(&pmm, frame) == ERR_RESERVED &&
		       pmm_frame_set_table(&pmm, frame, true) == ERR_INVALID,
	       "table: not freed, shared or marked again");
	TAP_EQ_U32(0, pmm_frame_set_table(&pmm, frame, false), "table: unmarked");
	TAP_EQ_U32(0, pmm_free_frame(&pmm, frame), "table: then freed");
	TAP_EQ_U32(ERR_INVALID, pmm_frame_set_table(&pmm, frame, true),
		   "table: a free frame is no table");
	pmm_get_stats(&pmm, &stats);
	TAP_OK(same_stats(&before, &stats) && consistent(), "share: the PMM is as it was");
}

/* Several cores, played in turn: each has its own cache, the pool is shared. */
static void test_cores(void)
{
	static paddr_t held[64];
	struct pmm_stats stats;
	uint32_t free_before, got = 0, in_cache;
	paddr_t frame, run;
	int foreign = 0;

	setup();
	free_before = pmm_free_count(&pmm);
	mm_host_core = 1;
	for (unsigned i = 0; i < 40; i++)
		pmm_alloc_frame(&pmm, &held[i]);
	for (unsigned i = 0; i < 40; i++)
		pmm_free_frame(&pmm, held[i]);
	in_cache = pmm.cache[1].count;
	TAP_OK(in_cache > PMM_CACHE_SIZE - PMM_CACHE_BATCH && in_cache <= PMM_CACHE_SIZE,
	       "cores: a full cache gave a batch back to the pool");
	TAP_EQ_U32(free_before, pmm_free_count(&pmm), "cores: cached frames count as free");
	pmm_get_stats(&pmm, &stats);
	TAP_EQ_U32(free_before, stats.free, "cores: and in the statistics");
	TAP_OK(consistent(), "cores: pmm_check clean with a cache full");
	TAP_EQ_U32(ERR_NOT_ALLOCATED, pmm_free_frame(&pmm, held[39]),
		   "cores: a double free of a cached frame is refused");
	/* Core 0 takes everything it can reach: not core 1's cache, and no run out of it. */
	mm_host_core = 0;
	TAP_EQ_U32(0, pmm_alloc_contiguous(&pmm, 4, 1, &run), "cores: a run on core 0");
	for (unsigned i = 0; i < in_cache; i++)
		foreign += pmm.cache[1].frames[i] >= run &&
			   pmm.cache[1].frames[i] < run + 4 * PAGE_SIZE;
	TAP_EQ_U32(0, foreign, "cores: no frame of the run is in core 1's cache");
	while (pmm_alloc_frame(&pmm, &frame) == 0)
		got++;
	TAP_EQ_U32(free_before - 4 - in_cache, got, "cores: core 0 gets all but core 1's cache");
	mm_host_core = 1;
	pmm_cache_drain(&pmm);
	TAP_EQ_U32(0, pmm.cache[1].count, "cores: core 1's cache drained");
	mm_host_core = 0;
	got = 0;
	while (pmm_alloc_frame(&pmm, &frame) == 0)
		got++;
	TAP_EQ_U32(in_cache, got, "cores: then core 0 gets those too");
	TAP_OK(consistent(), "cores: pmm_check clean at the end");
}

/*
 * pmm_check finds each kind of damage to the frame table, and says which:
 * one byte changed, checked, put back, checked clean.
 */
static unsigned check_with(uint32_t frame, uint8_t state, char *report, size_t size)
{
	uint8_t was = pmm.frames[frame];
	unsigned problems;

	pmm.frames[frame] = state;
	problems = pmm_check(&pmm, report, size);
	pmm.frames[frame] = was;
	return problems;
}

static void test_check_finds_damage(void)
{
	uint32_t dtb = DTB_START / PAGE_SIZE;
	char report[160];
	paddr_t frame;

	setup();
	if (pmm_alloc_frame(&pmm, &frame))
		abort();
	/* An allocated frame marked reserved: no count of free frames changes. */
	TAP_EQ_U32(1, check_with(frame / PAGE_SIZE, PMM_FRAME_RESERVED, report, sizeof(report)),
		   "check: an allocated frame marked reserved is found");
	TAP_OK(strstr(report, "but it is not reserved") != NULL, "check: ... and named as such");
	TAP_EQ_U32(1, check_with(dtb, 1, report, sizeof(report)),
		   "check: a reserved frame marked allocated is found");
	TAP_OK(strstr(report, "but it is reserved") != NULL, "check: ... and named as such");
	TAP_EQ_U32(1, check_with(pmm.first - 1, 1, report, sizeof(report)),
		   "check: a frame below the first marked allocated is found");
	TAP_OK(strstr(report, "but it is reserved") != NULL, "check: ... and named as such");
	/* A wilderness frame marked allocated: the free count and the wilderness both disagree. */
	TAP_EQ_U32(2, check_with(pmm.wild_low + 3, 1, report, sizeof(report)),
		   "check: a wilderness frame marked allocated is found twice");
	TAP_EQ_U32(1, check_with(frame / PAGE_SIZE, PMM_FRAME_CACHED, report, sizeof(report)),
		   "check: an allocated frame marked cached is found");
	TAP_OK(strstr(report, "marked cached") != NULL, "check: ... and named as such");
	TAP_OK(consistent(), "check: clean again once every byte is back");

	/* The freed list: frames freed past what the caches hold. */
	paddr_t taken[PMM_CACHE_SIZE + 8];
	uintptr_t *node;

	for (unsigned i = 0; i < PMM_CACHE_SIZE + 8; i++)
		if (pmm_alloc_frame(&pmm, &taken[i]))
			abort();
	for (unsigned i = 0; i < PMM_CACHE_SIZE + 8; i++)
		pmm_free_frame(&pmm, taken[i]);
	TAP_OK(pmm.free_head != 0 && consistent(), "check: a freed list, clean");
	node = (uintptr_t *)((const uintptr_t *)pmm.free_head)[PMM_LINK_NEXT];
	node[PMM_LINK_PREV] ^= PAGE_SIZE;
	TAP_EQ_U32(1, pmm_check(&pmm, report, sizeof(report)),
		   "check: a broken back link is found");
	TAP_OK(strstr(report, "back link") != NULL, "check: ... and named as such");
	node[PMM_LINK_PREV] ^= PAGE_SIZE;
	node[PMM_LINK_NEXT] += 8;
	TAP_OK(pmm_check(&pmm, report, sizeof(report)) > 0 && strstr(report, "not a frame") != NULL,
	       "check: a link into the middle of a frame is found and named");
	node[PMM_LINK_NEXT] -= 8;
	TAP_OK(consistent(), "check: clean again with the links back");
}

int main(void)
{
	ram = aligned_alloc(PAGE_SIZE, RAM_BYTES);
	if (!ram)
		return 1;
	tap_plan(10 + 16 + 8 + 26 + 4 + 10 + 2 + 13 + 23 + 11 + 15);
	test_layout();
	test_exhaust_and_refusals();
	test_contiguous();
	test_batch();
	test_random_against_model();
	test_reserved_ranges_merged();
	test_shared_frames();
	test_cores();
	test_check_finds_damage();
	free(ram);
	return tap_done();
}
