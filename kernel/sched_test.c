/*
 * kernel/sched_test.c - self-tests of the scheduler on every core, and of
 * memory management under several cores at once (kernel/thread.h,
 * docs/smp.md): threads pinned to a core run there; threads free to move
 * spread over idle cores; a wake-up and a sleep cross cores; the PMM and
 * the heap hammered from every core, then checked and counted; a mapping
 * made on one core, read on another, taken away on a third.
 *
 * The tests start kernel threads on the cores online and wait for them
 * (struct team). Under QEMU's default TCG the cores run in turn in one
 * host thread, preempted at any instruction; the mttcg boot test runs the
 * same tests with the cores side by side.
 */
#include "kernel/thread.h"

#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/exception.h"
#include "kernel/ktest.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
#include "kernel/timer.h"
#include "lib/xorshift.h"
#include "mm/kernel_map.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/pmm.h"

#define HAMMER_OPS   1500                          /* operations per core */
#define HAMMER_SLOTS 24                            /* frames or blocks each core holds at most */
#define TEST_VA      (VIRT_HEAP_BASE + 0x14000000) /* a page no one else maps */

/* Threads the test started, and how many have finished (the waiter sleeps meanwhile). */
struct team {
	struct spinlock lock;
	struct waitq finished_q;
	unsigned finished;
	unsigned arrived;        /* for the members that wait for each other */
	uint32_t threads_before; /* sched_thread_count() before the first member */
};

/* Below sched (a finished member wakes the waiter with the team's lock held). */
static const struct lock_class team_class = { LOCK_RANK_SCHED - 5, "test team" };

struct member {
	struct team *team;
	void (*fn)(struct member *self);
	unsigned core;       /* where it ran (MPIDR), written by the member */
	unsigned cores_seen; /* a mask of every core it ran on */
	uint32_t thread;     /* TPIDRPRW as it ran */
	uint32_t seed;       /* for the hammers */
	uint32_t ops, allocs, frees, bad, word;
	bool faulted;
};

static void team_init(struct team *team)
{
	spinlock_init(&team->lock, &team_class);
	team->finished_q.first = NULL;
	team->finished = 0;
	team->arrived = 0;
	team->threads_before = sched_thread_count();
}

static void member_main(void *arg)
{
	struct member *self = arg;
	struct team *team = self->team;
	uint32_t cpsr;

	self->core = read_mpidr() & 3;
	self->cores_seen |= 1U << self->core;
	self->thread = read_tpidrprw();
	self->fn(self);
	/* The wake-up under the team's lock: the waiter's stack holds the team, and it may return at once after. */
	cpsr = spin_lock_irqsave(&team->lock);
	team->finished++;
	thread_wake_all(&team->finished_q);
	spin_unlock_irqrestore(&team->lock, cpsr);
}

static bool start(struct team *team, struct member *m, void (*fn)(struct member *), uint32_t mask)
{
	m->team = team;
	m->fn = fn;
	return thread_create_on("test", member_main, m, mask) != NULL;
}

/*
 * Until count members have finished, and their threads are reaped too (a
 * thread's stack goes back a moment after it ends, on its own core): the
 * memory counts the tests compare are then exact.
 */
static void wait_for(struct team *team, unsigned count)
{
	uint32_t cpsr = spin_lock_irqsave(&team->lock);
	uint64_t give_up;

	while (team->finished < count)
		(void)thread_wait_locked(&team->finished_q, &team->lock);
	spin_unlock_irqrestore(&team->lock, cpsr);
	give_up = timer_count_after_us(1000000);
	while (sched_thread_count() != team->threads_before && timer_count() < give_up)
		ksleep_ms(1);
}

/* One member on core, run to its end. */
static bool run_on(unsigned core, void (*fn)(struct member *), struct member *m)
{
	struct team team;

	team_init(&team);
	if (!start(&team, m, fn, 1U << core))
		return false;
	wait_for(&team, 1);
	return true;
}

static unsigned cores_online(void)
{
	return (unsigned)__builtin_popcount(sched_cores());
}

static void nothing(struct member *self)
{
	(void)self;
}

KTEST(sched, pinned_threads_run_where_asked)
{
	struct member m[CORE_COUNT] = { 0 };
	struct team team;
	unsigned started = 0;

	team_init(&team);
	for (unsigned core = 0; core < CORE_COUNT; core++) {
		if (!(sched_cores() & (1U << core)))
			continue;
		KT_ASSERT(start(&team, &m[core], nothing, 1U << core));
		started++;
	}
	wait_for(&team, started);
	KT_ASSERT_EQ(smp_online(), sched_cores()); /* every core online schedules */
	for (unsigned core = 0; core < CORE_COUNT; core++) {
		if (!(sched_cores() & (1U << core)))
			continue;
		KT_ASSERT_EQ(core, m[core].core);
		KT_ASSERT(m[core].thread != 0 && m[core].thread != read_tpidrprw());
	}
	/* A mask with no core online is refused. */
	KT_ASSERT(thread_create_on("none", member_main, &m[0], 0) == NULL);
}

/*
 * Busy, without giving the core up, until every member of the team has
 * started (at most a second): no core goes idle, and so none takes
 * another's thread, before each member has one.
 */
static void spin_until_all_started(struct member *self)
{
	struct team *team = self->team;
	uint64_t give_up = timer_count_after_us(1000000);

	__atomic_fetch_add(&team->arrived, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&team->arrived, __ATOMIC_ACQUIRE) < self->word &&
	       timer_count() < give_up)
		__asm__ volatile("yield" ::: "memory");
	self->bad = __atomic_load_n(&team->arrived, __ATOMIC_ACQUIRE) < self->word;
	self->cores_seen |= 1U << (read_mpidr() & 3);
}

KTEST(sched, free_threads_spread_over_idle_cores)
{
	struct member m[CORE_COUNT] = { 0 };
	struct team team;
	unsigned used = 0, n = cores_online();

	if (n < 2)
		KT_SKIP("one core schedules");
	team_init(&team);
	/* As many threads as cores, each free to run anywhere: each goes to a core of its own. */
	for (unsigned i = 0; i < n; i++) {
		m[i].word = n;
		KT_ASSERT(start(&team, &m[i], spin_until_all_started, SCHED_ANY_CORE));
	}
	wait_for(&team, n);
	for (unsigned i = 0; i < n; i++) {
		KT_ASSERT_EQ(0, m[i].bad);
		used |= m[i].cores_seen;
	}
	KT_ASSERT_EQ(n, (unsigned)__builtin_popcount(used));
}

/* A waiter on another core, woken from here: the wake-up reaches it through its IPI. */
struct handoff {
	struct spinlock lock;
	struct waitq q;
	bool go;
	unsigned woken_on;
};

static struct handoff handoff;

static void wait_for_go(struct member *self)
{
	uint32_t cpsr = spin_lock_irqsave(&handoff.lock);

	while (!handoff.go)
		(void)thread_wait_locked(&handoff.q, &handoff.lock);
	handoff.woken_on = read_mpidr() & 3;
	spin_unlock_irqrestore(&handoff.lock, cpsr);
	self->ops = 1;
}

KTEST(sched, wake_crosses_cores)
{
	struct member m = { 0 };
	struct team team;
	uint32_t ipis, cpsr;
	unsigned core = CORE_COUNT - 1;

	if (!(sched_cores() & (1U << core)))
		KT_SKIP("core 3 does not schedule");
	spinlock_init(&handoff.lock, &team_class);
	handoff.q.first = NULL;
	handoff.go = false;
	handoff.woken_on = CORE_COUNT;
	team_init(&team);
	KT_ASSERT(start(&team, &m, wait_for_go, 1U << core));
	ksleep_ms(20); /* it runs, finds no go, and blocks */
	KT_ASSERT_EQ(0, m.ops);
	ipis = smp_ipis(core);
	cpsr = spin_lock_irqsave(&handoff.lock);
	handoff.go = true;
	thread_wake_all(&handoff.q);
	spin_unlock_irqrestore(&handoff.lock, cpsr);
	wait_for(&team, 1);
	KT_ASSERT_EQ(1, m.ops);
	KT_ASSERT_EQ(core, handoff.woken_on);
	KT_ASSERT(smp_ipis(core) > ipis); /* it idled: a reschedule IPI woke it */
}

static void sleep_20ms(struct member *self)
{
	uint64_t start = timer_count();

	(void)thread_sleep_until(start + timer_frequency() / 50);
	self->word = (uint32_t)(timer_count() - start);
}

/*
 * A sleep on core 2: core 0's timer wakes the sleepers, told through an
 * IPI. Not early; late by at most a tick under -icount, and by what the
 * host's scheduling adds under multi-threaded TCG (10 ticks allowed).
 */
KTEST(sched, sleep_on_another_core)
{
	struct member m = { 0 };
	uint32_t want = timer_frequency() / 50, tick = timer_frequency() / TIMER_TICK_HZ;
	uint32_t ipis = smp_ipis(0);

	if (!(sched_cores() & 4))
		KT_SKIP("core 2 does not schedule");
	KT_ASSERT(run_on(2, sleep_20ms, &m));
	KT_ASSERT_EQ(2, m.core);
	KT_ASSERT(m.word >= want);
	KT_ASSERT(m.word <= want + 10 * tick);
	KT_ASSERT(smp_ipis(0) > ipis); /* core 2 told core 0's timer */
}

/* A pattern for frame or block number i of a core, that no other core's could equal. */
static uint32_t pattern(unsigned core, uint32_t i)
{
	return 0xA5000000U | core << 20 | (i & 0xFFFFF);
}

/* Allocate, write a pattern across the frame, check it, free: HAMMER_OPS times, at random. */
static void pmm_hammer(struct member *self)
{
	paddr_t held[HAMMER_SLOTS] = { 0 };
	uint32_t tag[HAMMER_SLOTS];

	for (uint32_t op = 0; op < HAMMER_OPS; op++) {
		unsigned slot = xorshift32(&self->seed) % HAMMER_SLOTS;

		if (held[slot]) {
			volatile uint32_t *words = (uint32_t *)phys_to_virt(held[slot]);

			for (unsigned w = 0; w < PAGE_SIZE / 4; w += 64)
				self->bad += words[w] != tag[slot] + w;
			self->bad += pmm_free_frame(&kernel_pmm, held[slot]) != 0;
			held[slot] = 0;
			self->frees++;
		} else if (pmm_alloc_frame(&kernel_pmm, &held[slot]) == 0) {
			volatile uint32_t *words = (uint32_t *)phys_to_virt(held[slot]);

			tag[slot] = pattern(self->core, op);
			for (unsigned w = 0; w < PAGE_SIZE / 4; w += 64)
				words[w] = tag[slot] + w;
			self->allocs++;
		} else {
			self->bad++;
		}
		self->ops++;
	}
	for (unsigned slot = 0; slot < HAMMER_SLOTS; slot++)
		if (held[slot]) {
			self->bad += pmm_free_frame(&kernel_pmm, held[slot]) != 0;
			self->frees++;
		}
	pmm_cache_drain(&kernel_pmm); /* its frames back where every core reaches them */
}

static void heap_hammer(struct member *self)
{
	uint8_t *held[HAMMER_SLOTS] = { 0 };
	uint32_t size[HAMMER_SLOTS];

	for (uint32_t op = 0; op < HAMMER_OPS; op++) {
		unsigned slot = xorshift32(&self->seed) % HAMMER_SLOTS;

		if (held[slot]) {
			uint8_t byte = (uint8_t)(self->core * 64 + slot);

			for (uint32_t i = 0; i < size[slot]; i++)
				self->bad += held[slot][i] != byte;
			kfree(held[slot]);
			held[slot] = NULL;
			self->frees++;
		} else {
			size[slot] = 1 + xorshift32(&self->seed) % 300;
			held[slot] = kmalloc(size[slot]);
			if (!held[slot]) {
				self->bad++;
				continue;
			}
			memset(held[slot], self->core * 64 + slot, size[slot]);
			self->allocs++;
		}
		self->ops++;
	}
	for (unsigned slot = 0; slot < HAMMER_SLOTS; slot++)
		if (held[slot]) {
			kfree(held[slot]);
			self->frees++;
		}
}

/* Every core at once runs fn; then each did every operation, with no pattern broken. */
static unsigned hammer(void (*fn)(struct member *), struct member *m)
{
	struct team team;
	unsigned started = 0;

	team_init(&team);
	for (unsigned core = 0; core < CORE_COUNT; core++) {
		m[core] = (struct member){ .seed = 0x9E3779B9U * (core + 1) };
		if ((sched_cores() & (1U << core)) && start(&team, &m[core], fn, 1U << core))
			started++;
	}
	wait_for(&team, started);
	return started;
}

KTEST(smp_mm, pmm_hammered_from_every_core)
{
	struct member m[CORE_COUNT];
	uint32_t free_before;
	char report[120];
	unsigned started;

	pmm_cache_drain(&kernel_pmm);
	free_before = pmm_free_count(&kernel_pmm);
	started = hammer(pmm_hammer, m);
	KT_ASSERT_EQ(cores_online(), started);
	for (unsigned core = 0; core < CORE_COUNT; core++) {
		if (!(sched_cores() & (1U << core)))
			continue;
		KT_ASSERT_EQ(core, m[core].core);
		KT_ASSERT_EQ(HAMMER_OPS, m[core].ops);
		KT_ASSERT_EQ(0, m[core].bad);
		KT_ASSERT_EQ(m[core].allocs, m[core].frees);
		KT_ASSERT(m[core].allocs > HAMMER_OPS / 3);
	}
	KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, report, sizeof(report)));
	pmm_cache_drain(&kernel_pmm);
	KT_ASSERT_EQ(free_before, pmm_free_count(&kernel_pmm));
}

KTEST(smp_mm, heap_hammered_from_every_core)
{
	struct member m[CORE_COUNT];
	struct kheap_stats before, after;
	char report[120];

	kheap_kernel_stats(&before);
	KT_ASSERT_EQ(cores_online(), hammer(heap_hammer, m));
	for (unsigned core = 0; core < CORE_COUNT; core++) {
		if (!(sched_cores() & (1U << core)))
			continue;
		KT_ASSERT_EQ(HAMMER_OPS, m[core].ops);
		KT_ASSERT_EQ(0, m[core].bad);
		KT_ASSERT_EQ(m[core].allocs, m[core].frees);
	}
	KT_ASSERT_EQ(0, kheap_kernel_check(report, sizeof(report)));
	kheap_kernel_stats(&after);
	KT_ASSERT_EQ(before.live_blocks, after.live_blocks);
	KT_ASSERT_EQ(before.live_bytes, after.live_bytes);
}

/* The page-table steps, each on its own core. */
static paddr_t shared_frames[2];

static void map_first(struct member *self)
{
	kernel_map_lock();
	self->bad = (uint32_t)mmu_map_page(&kernel_aspace, TEST_VA, shared_frames[0], MEM_NORMAL,
					   MEM_READ);
	kernel_map_unlock();
}

static void remap_second(struct member *self)
{
	kernel_map_lock();
	self->bad = (uint32_t)mmu_unmap_page(&kernel_aspace, TEST_VA);
	if (!self->bad)
		self->bad = (uint32_t)mmu_map_page(&kernel_aspace, TEST_VA, shared_frames[1],
						   MEM_NORMAL, MEM_READ);
	kernel_map_unlock();
}

static void unmap(struct member *self)
{
	kernel_map_lock();
	self->bad = (uint32_t)mmu_unmap_page(&kernel_aspace, TEST_VA);
	kernel_map_unlock();
}

static void read_it(struct member *self)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_DATA_ABORT | FAULT_CATCH_QUIET) == 0) {
		self->word = *(volatile uint32_t *)TEST_VA;
		fault_catch_cancel();
		self->faulted = false;
	} else {
		self->faulted = catcher.fault.address == TEST_VA;
	}
}

/*
 * Core 1 maps a page, core 2 reads it (its TLB now holds the entry), core
 * 3 points the page at another frame and core 2 reads the new frame; core
 * 3 unmaps it, and core 2 faults. A change without the inner-shareable
 * TLB invalidation would leave core 2 reading through its stale entry.
 */
KTEST(smp_mm, table_changes_seen_by_other_cores)
{
	struct member m = { 0 };

	if ((sched_cores() & 0xE) != 0xE)
		KT_SKIP("cores 1-3 do not all schedule");
	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &shared_frames[0]));
	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &shared_frames[1]));
	*(volatile uint32_t *)phys_to_virt(shared_frames[0]) = 0x11110001;
	*(volatile uint32_t *)phys_to_virt(shared_frames[1]) = 0x22220002;
	KT_ASSERT(run_on(1, map_first, &m));
	KT_ASSERT_EQ(0, m.bad);
	KT_ASSERT(run_on(2, read_it, &m));
	KT_ASSERT(!m.faulted);
	KT_ASSERT_EQ(0x11110001, m.word);
	KT_ASSERT(run_on(3, remap_second, &m));
	KT_ASSERT_EQ(0, m.bad);
	KT_ASSERT(run_on(2, read_it, &m));
	KT_ASSERT(!m.faulted);
	KT_ASSERT_EQ(0x22220002, m.word); /* not the old frame's */
	KT_ASSERT(run_on(3, unmap, &m));
	KT_ASSERT_EQ(0, m.bad);
	m.word = 0;
	KT_ASSERT(run_on(2, read_it, &m));
	KT_ASSERT(m.faulted); /* not the frame it last read */
	KT_ASSERT_EQ(0, m.word);
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, shared_frames[0]));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, shared_frames[1]));
}
