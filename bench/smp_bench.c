/*
 * bench/smp_bench.c - memory management and scheduling on 1, 2 and 4
 * cores at once (docs/smp.md): the PMM's per-core fast path and its
 * shared pool, kmalloc/kfree behind the heap's one lock, a thread switch
 * on every core, and a TLB shootdown.
 *
 * Every core runs the same loop at the same moment (they wait for each
 * other first) and counts its own instructions with its own cycle
 * counter. Under -icount QEMU runs the cores in turn in one host thread,
 * so each core's count is the work it did for its operations, spinning
 * on a lock included, while virtual time is shared: the figure that
 * shows scaling is the instructions one operation costs a core as cores
 * are added (flat: the path scales; growing: the cores wait for each
 * other), not a rate.
 */
#include <stdbool.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/bench.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
#include "kernel/thread.h"
#include "mm/kernel_map.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/pmm.h"

#define PAIRS      2000 /* operations a core does per figure */
#define RUN        48   /* frames taken before they are given back: past a cache's worth */
#define SWITCHES   1000 /* yields per thread */
#define SHOOT_VA   (VIRT_HEAP_BASE + 0x22000000) /* a page nobody else maps */
#define PMCNTEN_CC (1U << 31)

struct crew {
	unsigned cores;
	void (*work)(unsigned core);
	volatile uint32_t arrived, finished;
	uint32_t instructions[CORE_COUNT];
};

static struct crew crew;

/* This core's cycle counter on (core 0's boot stub turns on its own). */
static void counter_on(void)
{
	write_pmcr(read_pmcr() | PMCR_E);
	__asm__ volatile("mcr p15, 0, %0, c9, c12, 1" : : "r"(PMCNTEN_CC));
	isb();
}

static void run_share(unsigned core)
{
	uint32_t start;

	__atomic_fetch_add(&crew.arrived, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&crew.arrived, __ATOMIC_ACQUIRE) < crew.cores)
		__asm__ volatile("yield" ::: "memory");
	start = bench_now();
	crew.work(core);
	crew.instructions[core] = bench_now() - start;
	__atomic_fetch_add(&crew.finished, 1, __ATOMIC_ACQ_REL);
}

static void member(void *arg)
{
	counter_on();
	run_share((unsigned)(uintptr_t)arg);
}

/*
 * work on cores 0..cores-1 at once; the most instructions any core took,
 * per operation (ops each). false when a core is missing.
 */
static bool run_on_cores(unsigned cores, void (*work)(unsigned), uint32_t ops, uint32_t *per_op)
{
	uint32_t threads = sched_thread_count(), worst = 0;

	for (unsigned core = 0; core < cores; core++)
		if (!(sched_cores() & (1U << core)))
			return false;
	crew = (struct crew){ .cores = cores, .work = work };
	for (unsigned core = 1; core < cores; core++)
		if (!thread_create_on("bench", member, (void *)(uintptr_t)core, 1U << core))
			return false;
	run_share(0);
	while (__atomic_load_n(&crew.finished, __ATOMIC_ACQUIRE) < cores)
		__asm__ volatile("yield" ::: "memory");
	while (sched_thread_count() != threads) /* their stacks back before the next figure */
		thread_yield();
	for (unsigned core = 0; core < cores; core++)
		if (crew.instructions[core] > worst)
			worst = crew.instructions[core];
	*per_op = worst / ops;
	return true;
}

static void pmm_pairs(unsigned core)
{
	paddr_t frame;

	(void)core;
	for (unsigned i = 0; i < PAIRS; i++) {
		(void)pmm_alloc_frame(&kernel_pmm, &frame);
		(void)pmm_free_frame(&kernel_pmm, frame);
	}
	pmm_cache_drain(&kernel_pmm);
}

/* Runs of RUN frames: each run empties the cache and fills it again through the pool's lock. */
static void pmm_runs(unsigned core)
{
	paddr_t frames[RUN];

	(void)core;
	for (unsigned i = 0; i < PAIRS / RUN; i++) {
		for (unsigned j = 0; j < RUN; j++)
			(void)pmm_alloc_frame(&kernel_pmm, &frames[j]);
		for (unsigned j = 0; j < RUN; j++)
			(void)pmm_free_frame(&kernel_pmm, frames[j]);
	}
	pmm_cache_drain(&kernel_pmm);
}

static void figure(const char *what, void (*work)(unsigned), uint32_t ops, uint32_t per_op_ops);

static void kmalloc_pairs(unsigned core)
{
	(void)core;
	for (unsigned i = 0; i < PAIRS; i++)
		kfree(kmalloc(64));
}

/* A block kept while the pairs run: a heap that empties at each kfree would shrink each time. */
static void kmalloc_figure(void)
{
	void *keep = kmalloc(64);

	figure("kmalloc(64)+kfree pair (the heap's one lock)", kmalloc_pairs, PAIRS, 1);
	kfree(keep);
}

static void yields(unsigned core)
{
	(void)core;
	for (unsigned i = 0; i < SWITCHES; i++)
		thread_yield();
}

/* Two threads on the core that yield to each other: the member's work, and a partner. */
static void partner(void *arg)
{
	(void)arg;
	for (unsigned i = 0; i < SWITCHES; i++)
		thread_yield();
}

static void switch_pairs(unsigned core)
{
	(void)thread_create_on("partner", partner, NULL, 1U << core);
	yields(core);
}

static void figure(const char *what, void (*work)(unsigned), uint32_t ops, uint32_t per_op_ops)
{
	static const unsigned counts[] = { 1, 2, 4 };
	uint32_t per_op[3] = { 0 };

	for (unsigned i = 0; i < 3; i++)
		if (!run_on_cores(counts[i], work, ops, &per_op[i])) {
			kprintf("smp: %s: skipped, %u cores do not schedule\n", what, counts[i]);
			return;
		}
	kprintf("smp: %s, instructions per %s on the busiest core: 1 core %lu, 2 cores %lu, "
		"4 cores %lu\n",
		what, per_op_ops == 1 ? "operation" : "switch", (unsigned long)per_op[0],
		(unsigned long)per_op[1], (unsigned long)per_op[2]);
}

KBENCH(smp_scaling)
{
	figure("PMM alloc+free pair (per-core cache, no lock)", pmm_pairs, PAIRS, 1);
	figure("PMM alloc+free in runs of 48 (through the shared pool's lock)", pmm_runs,
	       (PAIRS / RUN) * RUN, 1);
	kmalloc_figure();
	/* Each yield is one switch away and, later, one back: per switch. */
	figure("thread switch, two threads yielding on each core (sched_lock)", switch_pairs,
	       2 * SWITCHES, 2);
}

static uint32_t word_at_shoot_va;

static void touch(void *arg)
{
	(void)arg;
	word_at_shoot_va = *(volatile uint32_t *)SHOOT_VA; /* the entry into this core's TLB */
}

/*
 * A TLB shootdown: a page three other cores have in their TLBs, unmapped
 * on core 0. The unmap's TLBIMVAAIS reaches every core in the inner
 * shareable domain by itself (B3.10.5), DSB ISH waits for all of them:
 * no IPI. The figure is the unmap on core 0, and for comparison the same
 * unmap of a page no other core has touched.
 */
KBENCH(tlb_shootdown)
{
	uint32_t start, shared, alone;
	paddr_t frame;

	if ((smp_online() & 0xE) != 0xE) {
		kprintf("tlb: skipped, cores 1-3 are not all online\n");
		return;
	}
	if (pmm_alloc_frame(&kernel_pmm, &frame))
		return;
	*(volatile uint32_t *)phys_to_virt(frame) = 0x5407D0;
	kernel_map_lock();
	(void)mmu_map_page(&kernel_aspace, SHOOT_VA, frame, MEM_NORMAL, MEM_READ);
	kernel_map_unlock();
	for (unsigned core = 1; core < CORE_COUNT; core++)
		(void)smp_call(core, touch, NULL);
	(void)*(volatile uint32_t *)SHOOT_VA;
	start = bench_now();
	(void)mmu_unmap_page(&kernel_aspace, SHOOT_VA);
	shared = bench_now() - start;
	(void)mmu_map_page(&kernel_aspace, SHOOT_VA, frame, MEM_NORMAL, MEM_READ);
	start = bench_now();
	(void)mmu_unmap_page(&kernel_aspace, SHOOT_VA);
	alone = bench_now() - start;
	(void)pmm_free_frame(&kernel_pmm, frame);
	kprintf("tlb: unmapping a page cores 1-3 hold in their TLBs: %lu instructions on core 0 "
		"(TLBIMVAAIS + DSB ISH, no IPI); a page no other core touched: %lu; "
		"read by them: 0x%lx\n",
		(unsigned long)shared, (unsigned long)alone, (unsigned long)word_at_shoot_va);
}
