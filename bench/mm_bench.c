/*
 * bench/mm_bench.c - benchmarks of the PMM and the page tables (make bench).
 *
 * PMM: at 10 %, 50 % and 95 % of its frames allocated (filled lowest
 * first, as a system fills up), 1000 rounds of "free a randomly chosen
 * allocated frame, allocate one", each call measured alone. The same
 * rounds run through a plain bitmap-scan allocator over the same number of
 * frames (first free bit from the start, a word at a time), compiled into
 * the same kernel.
 */
#include <string.h>

#include "kernel/bench.h"
#include "kernel/error.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "mm/mmu.h"

#define ROUNDS    1000
#define BENCH_VA  (VIRT_HEAP_BASE + 0x20000000) /* unused by anything else */
#define MAP_PAGES 256

/* The baseline: a bitmap, scanned from the start for the first free frame. */
struct bitmap_allocator {
	uint32_t *bits; /* 1 = allocated */
	uint32_t frames;
};

static int __attribute__((noinline)) bitmap_alloc(struct bitmap_allocator *b, uint32_t *frame)
{
	uint32_t words = (b->frames + 31) / 32;

	for (uint32_t w = 0; w < words; w++) {
		if (b->bits[w] != 0xFFFFFFFF) {
			uint32_t bit = (uint32_t)__builtin_ctz(~b->bits[w]);

			if (w * 32 + bit >= b->frames)
				return ERR_NO_MEMORY;
			b->bits[w] |= 1U << bit;
			*frame = w * 32 + bit;
			return 0;
		}
	}
	return ERR_NO_MEMORY;
}

static int __attribute__((noinline)) bitmap_free(struct bitmap_allocator *b, uint32_t frame)
{
	if (frame >= b->frames || !(b->bits[frame / 32] & (1U << (frame % 32))))
		return ERR_INVALID;
	b->bits[frame / 32] &= ~(1U << (frame % 32));
	return 0;
}

/* Each measured call alone, in a function of its own (kernel/bench.h). */
static uint32_t __attribute__((noinline)) time_pmm_alloc(paddr_t *frame)
{
	uint32_t start = bench_now();

	pmm_alloc_frame(&kernel_pmm, frame);
	return bench_now() - start;
}

static uint32_t __attribute__((noinline)) time_pmm_free(paddr_t frame)
{
	uint32_t start = bench_now();

	pmm_free_frame(&kernel_pmm, frame);
	return bench_now() - start;
}

static uint32_t __attribute__((noinline))
time_bitmap_alloc(struct bitmap_allocator *b, uint32_t *frame)
{
	uint32_t start = bench_now();

	bitmap_alloc(b, frame);
	return bench_now() - start;
}

static uint32_t __attribute__((noinline))
time_bitmap_free(struct bitmap_allocator *b, uint32_t frame)
{
	uint32_t start = bench_now();

	bitmap_free(b, frame);
	return bench_now() - start;
}

struct totals {
	uint64_t alloc, free;
	uint32_t alloc_worst, free_worst;
};

static void add(uint64_t *sum, uint32_t *worst, uint32_t value)
{
	*sum += value;
	if (value > *worst)
		*worst = value;
}

static void print_totals(const char *who, unsigned percent, const struct totals *t)
{
	kprintf("bench: %-11s %2u%% full: alloc %3lu (worst %5lu)  free %3lu (worst %5lu)  "
		"alloc+free %4lu\n",
		who, percent, (unsigned long)(t->alloc / ROUNDS), (unsigned long)t->alloc_worst,
		(unsigned long)(t->free / ROUNDS), (unsigned long)t->free_worst,
		(unsigned long)((t->alloc + t->free) / ROUNDS));
}

/* A scratch array of n words, in frames of its own. */
static uint32_t *scratch_words(uint32_t n, paddr_t *base, uint32_t *frames)
{
	*frames = (n * 4 + PAGE_SIZE - 1) / PAGE_SIZE;
	if (pmm_alloc_contiguous(&kernel_pmm, *frames, 1, base))
		panic("bench: no room for a %lu-word scratch array", (unsigned long)n);
	return (uint32_t *)phys_to_virt(*base);
}

static void bench_pmm_at(unsigned percent, uint32_t overhead)
{
	uint32_t managed = pmm_free_count(&kernel_pmm),
		 goal = (uint32_t)((uint64_t)managed * percent / 100);
	uint32_t held_frames, baseline_held_frames, bits_frames, *held, *baseline_held, fill, got;
	paddr_t held_base, baseline_held_base, bits_base, frame = 0;
	struct bitmap_allocator baseline;
	struct totals pmm = { 0 }, scan = { 0 };

	/* Scratch arrays first; the frames they take count towards the fill. */
	held = scratch_words(goal, &held_base, &held_frames);
	baseline_held = scratch_words(goal, &baseline_held_base, &baseline_held_frames);
	baseline.frames = managed;
	baseline.bits = scratch_words((managed + 31) / 32, &bits_base, &bits_frames);
	memset(baseline.bits, 0, bits_frames * PAGE_SIZE);
	fill = goal - held_frames - baseline_held_frames - bits_frames;

	for (uint32_t i = 0; i < fill; i++) {
		if (pmm_alloc_frame(&kernel_pmm, &frame))
			panic("bench: fill to %u%% failed at %lu", percent, (unsigned long)i);
		held[i] = frame;
	}
	/* The baseline is filled to the same level, lowest frames first. */
	for (uint32_t i = 0; i < goal; i++) {
		bitmap_alloc(&baseline, &got);
		if (i < fill)
			baseline_held[i] = got;
	}

	for (unsigned round = 0; round < ROUNDS; round++) {
		uint32_t index = bench_random() % fill;

		add(&pmm.free, &pmm.free_worst, time_pmm_free(held[index]) - overhead);
		add(&pmm.alloc, &pmm.alloc_worst, time_pmm_alloc(&frame) - overhead);
		held[index] = frame;
		add(&scan.free, &scan.free_worst,
		    time_bitmap_free(&baseline, baseline_held[index]) - overhead);
		add(&scan.alloc, &scan.alloc_worst, time_bitmap_alloc(&baseline, &got) - overhead);
		baseline_held[index] = got;
	}
	print_totals("pmm", percent, &pmm);
	print_totals("bitmap scan", percent, &scan);

	for (uint32_t i = 0; i < fill; i++)
		pmm_free_frame(&kernel_pmm, held[i]);
	pmm_free_contiguous(&kernel_pmm, bits_base, bits_frames);
	pmm_free_contiguous(&kernel_pmm, baseline_held_base, baseline_held_frames);
	pmm_free_contiguous(&kernel_pmm, held_base, held_frames);
}

KBENCH(pmm_alloc_free)
{
	uint32_t overhead = bench_overhead();

	bench_pmm_at(10, overhead);
	bench_pmm_at(50, overhead);
	bench_pmm_at(95, overhead);
	if (pmm_check(&kernel_pmm, NULL, 0))
		panic("bench: the PMM is inconsistent after the benchmark");
}

KBENCH(pmm_setup_and_metadata)
{
	const uint32_t frames = 4096; /* 16 MiB */
	struct pmm_stats stats;
	struct pmm scratch;
	uint32_t t0, t1;
	paddr_t base;

	if (pmm_alloc_contiguous(&kernel_pmm, frames, 1, &base))
		panic("bench: no 16 MiB run for the setup benchmark");
	/* A PMM over frames we own: "kernel end" at base, RAM end 16 MiB later. */
	t0 = bench_now();
	pmm_init(&scratch, KERNEL_VIRT_BASE, base, base + frames * PAGE_SIZE, NULL, 0);
	t1 = bench_now();
	pmm_free_contiguous(&kernel_pmm, base, frames);
	kprintf("bench: pmm setup: %lu instructions for %lu frames: %lu per frame\n",
		(unsigned long)(t1 - t0 - bench_overhead()), (unsigned long)frames,
		(unsigned long)((t1 - t0) / frames));
	pmm_get_stats(&kernel_pmm, &stats);
	kprintf("bench: pmm metadata: frame table %lu bytes for %lu MiB of RAM (a byte a frame: "
		"%lu bytes per GiB), %lu in whole frames; + %u bytes of struct\n",
		(unsigned long)kernel_pmm.end, (unsigned long)(stats.total >> 8),
		(unsigned long)((1UL << 30) >> PAGE_SHIFT), (unsigned long)stats.metadata_bytes,
		(unsigned)sizeof(struct pmm));
}

KBENCH(map_unmap)
{
	uint32_t overhead = bench_overhead(), t0, t1, first_map = 0, last_unmap = 0;
	uint64_t map = 0, unmap = 0;
	paddr_t frame;

	if (pmm_alloc_frame(&kernel_pmm, &frame))
		panic("bench: no frame");
	for (unsigned i = 0; i < MAP_PAGES; i++) {
		t0 = bench_now();
		mmu_map_page(&kernel_aspace, BENCH_VA + i * PAGE_SIZE, frame, MEM_NORMAL,
			     MEM_WRITE);
		t1 = bench_now();
		if (i == 0)
			first_map = t1 - t0 - overhead; /* with a new L2 table */
		else
			map += t1 - t0 - overhead;
	}
	for (unsigned i = 0; i < MAP_PAGES; i++) {
		t0 = bench_now();
		mmu_unmap_page(&kernel_aspace, BENCH_VA + i * PAGE_SIZE);
		t1 = bench_now();
		if (i == MAP_PAGES - 1)
			last_unmap = t1 - t0 - overhead; /* which gives the table back */
		else
			unmap += t1 - t0 - overhead;
	}
	kprintf("bench: map 4 KiB: %lu with the L2 table there, %lu with a new one; unmap 4 KiB: "
		"%lu with pages left in the table, %lu giving the table back\n",
		(unsigned long)(map / (MAP_PAGES - 1)), (unsigned long)first_map,
		(unsigned long)(unmap / (MAP_PAGES - 1)), (unsigned long)last_unmap);

	for (unsigned i = 0; i < MAP_PAGES; i++)
		mmu_map_page(&kernel_aspace, BENCH_VA + i * PAGE_SIZE, frame, MEM_NORMAL,
			     MEM_WRITE);
	/* Keep the table: a neighbouring page stays mapped, so only the pages are measured. */
	mmu_map_page(&kernel_aspace, BENCH_VA + MAP_PAGES * PAGE_SIZE, frame, MEM_NORMAL,
		     MEM_WRITE);
	t0 = bench_now();
	mmu_unmap_range(&kernel_aspace, BENCH_VA, MAP_PAGES);
	t1 = bench_now();
	kprintf("bench: unmap %u pages in one batch: %lu, %lu per page\n", MAP_PAGES,
		(unsigned long)(t1 - t0 - overhead),
		(unsigned long)((t1 - t0 - overhead) / MAP_PAGES));
	mmu_unmap_page(&kernel_aspace, BENCH_VA + MAP_PAGES * PAGE_SIZE);
	pmm_free_frame(&kernel_pmm, frame);
}
