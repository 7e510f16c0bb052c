/*
 * mm/arm/context.c - the TTBR0/TTBR1 split, ASIDs by generation, and the
 * switch between address spaces (mm/context.h).
 *
 * The switch. TTBR0 and CONTEXTIDR (the ASID) are two registers, written
 * one after the other, and the core may walk the tables speculatively at
 * any moment between them: a walk that used the new ASID with the old
 * table, or the old ASID with the new table, would put an entry in the TLB
 * that belongs to neither address space (ARM ARM B3.10.4, "Synchronization
 * of changes of ASID and TTBR"). B3.10.4 closes the window with a reserved
 * ASID: ASID 0, ISB, TTBR0, ISB, the new ASID, ISB. Walks during the window
 * then create entries tagged with ASID 0, and those (walk-cache entries
 * among them) must be flushed before a table is freed. This kernel closes
 * the same window by allowing no walk at all through TTBR0 while the two
 * change: TTBCR.PD0 = 1 (a miss below 0x80000000 faults, nothing is
 * walked), ISB, TTBR0, CONTEXTIDR, ISB, PD0 = 0, ISB. No entry can be
 * created in between, so none can be wrong. TLB hits during the window
 * stay correct: before CONTEXTIDR changes they are the old address
 * space's and translate as its table still does; after, the new one's.
 * The code runs from global kernel pages, which no ASID affects. Idle and
 * kernel threads simply stay at PD0 = 1.
 *
 * ASIDs. A 64-bit tag per address space: generation << 8 | ASID. A tag
 * from the current generation is valid; anything else gets a free ASID
 * of this generation (a bitmap says which are taken), and when they run
 * out the generation moves on: the bitmap empties, the whole TLB is
 * flushed on every core (TLBIALLIS) once, and ASIDs are handed out anew.
 * An address space that dies takes its ASID's entries with it
 * (TLBIASIDIS, which also drops walk caches for that ASID) before its
 * tables are freed; its ASID is not reused before the next rollover.
 *
 * Several cores (Linux's scheme): each core records the tag it runs
 * (active), and at a rollover every core's active tag becomes its
 * reserved tag, whose ASID stays taken in the new generation. A core may
 * go on running its process through a rollover another core causes: its
 * ASID is never given to another address space, and when that address
 * space is next switched to (on any core) it finds its tag among the
 * reserved ones and keeps its ASID under the new generation. So at every
 * moment the ASIDs cores run are those of distinct address spaces, and
 * the TLB, flushed at the rollover, holds for each ASID only entries of
 * the address space that owns it. One lock (asid_lock) covers the
 * generation, the bitmap and the reserved tags; a switch to a tag of this
 * generation needs only an atomic exchange on its core's active slot
 * (context_switch says why that is enough). A kernel thread runs with
 * ASID 0, which no address space gets, and TTBR0 walks off: no user
 * address translates for it.
 */
#include "mm/context.h"

#include <stdbool.h>
#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "kernel/spinlock.h"

#define ASID_BITS 8
#define ASID_MASK ((1U << ASID_BITS) - 1)

/*
 * Every core may hold a reserved ASID through a rollover, and the core
 * that rolls over needs one more: two beyond the cores, at least.
 */
#define ASID_MIN (CORE_COUNT + 2)
_Static_assert(ASID_LIMIT >= ASID_MIN && ASID_LIMIT <= (1 << ASID_BITS), "ASID_LIMIT: 6 to 256");

static uint64_t generation = 1ULL << ASID_BITS;
static unsigned next_asid = 1;
static unsigned asid_limit = ASID_LIMIT;
static uint32_t rollovers;
static uint32_t taken[(1 << ASID_BITS) / 32]; /* this generation's ASIDs handed out (0 always) */
static uint64_t active[CORE_COUNT];           /* the tag each core runs, or 0 */
static uint64_t reserved[CORE_COUNT];         /* each core's tag at the last rollover */
static const struct lock_class asid_class = { LOCK_RANK_ASID, "asid" };
static struct spinlock asid_lock = SPINLOCK_INIT(&asid_class);

static bool is_taken(unsigned asid)
{
	return taken[asid / 32] & (1U << (asid % 32));
}

static void take(unsigned asid)
{
	taken[asid / 32] |= 1U << (asid % 32);
}

void context_init(void)
{
	uint32_t vmsa = read_id_mmfr0() & ID_MMFR0_VMSA_MASK;

	if (vmsa < ID_MMFR0_VMSA_PXN)
		panic("ID_MMFR0.VMSA is %lu: no PXN in the short format, and processes need it",
		      (unsigned long)vmsa);
	/*
	 * The kernel's table, with the attributes the stub walks it with, to
	 * TTBR1; then the split. Nothing below 0x80000000 is mapped in it, so
	 * no entry changes meaning: ISBs make each write take effect before
	 * the next, and a TLB flush drops anything the single-TTBR regime
	 * cached.
	 */
	write_ttbr1(read_ttbr0());
	isb();
	write_ttbcr(TTBCR_N_2GIB | TTBCR_PD0);
	isb();
	write_contextidr(0);
	tlb_invalidate_all_is();
	dsb();
	isb();
}

/* A new generation: every core's running ASID stays taken, the rest are free again. */
static void rollover(void)
{
	__atomic_store_n(&generation, generation + (1ULL << ASID_BITS), __ATOMIC_RELAXED);
	memset(taken, 0, sizeof(taken));
	take(0);
	for (unsigned core = 0; core < CORE_COUNT; core++) {
		/* 0 left behind: that core's next switch takes the lock (and finds its tag here). */
		uint64_t running = __atomic_exchange_n(&active[core], 0, __ATOMIC_RELAXED);

		if (running)
			reserved[core] = running;
		if (reserved[core])
			take((unsigned)(reserved[core] & ASID_MASK));
	}
	next_asid = 1;
	rollovers++;
	tlb_invalidate_all_is();
	bp_invalidate_all_is();
	dsb();
	isb();
}

/* A tag of this generation for as, under asid_lock: its reserved ASID, a free one, or a rollover. */
static uint64_t new_tag(const struct mmu_aspace *as)
{
	uint64_t old = as->asid_tag;

	for (int attempt = 0; attempt < 2; attempt++) {
		bool kept = false;

		if (old) {
			for (unsigned core = 0; core < CORE_COUNT; core++) {
				if (reserved[core] == old) {
					reserved[core] = generation | (old & ASID_MASK);
					kept = true;
				}
			}
			if (kept)
				return generation | (old & ASID_MASK);
		}
		for (unsigned asid = next_asid; asid < asid_limit; asid++) {
			if (!is_taken(asid)) {
				take(asid);
				next_asid = asid + 1;
				return generation | asid;
			}
		}
		rollover();
	}
	panic("asid: no ASID free after a rollover (limit %u, %u cores)", asid_limit, CORE_COUNT);
}

/*
 * The fast path needs no lock (Linux's argument): a tag of this generation
 * goes into the core's active slot with a compare-and-exchange that fails
 * if a rollover emptied the slot meanwhile. Either the exchange comes
 * first, and the rollover then finds the tag there and reserves it, or
 * the rollover comes first, and the switch takes the lock.
 */
void context_switch(struct mmu_aspace *as)
{
	uint32_t cpsr = irq_save();
	unsigned core = read_mpidr() & 3;
	uint64_t tag = as->asid_tag;
	uint64_t old = __atomic_load_n(&active[core], __ATOMIC_RELAXED);

	if (!old ||
	    (tag & ~(uint64_t)ASID_MASK) != __atomic_load_n(&generation, __ATOMIC_RELAXED) ||
	    !__atomic_compare_exchange_n(&active[core], &old, tag, false, __ATOMIC_RELAXED,
					 __ATOMIC_RELAXED)) {
		spin_lock(&asid_lock);
		if ((as->asid_tag & ~(uint64_t)ASID_MASK) != generation)
			as->asid_tag = new_tag(as);
		__atomic_store_n(&active[core], as->asid_tag, __ATOMIC_RELAXED);
		spin_unlock(&asid_lock);
	}
	write_ttbcr(TTBCR_N_2GIB | TTBCR_PD0); /* B3.10.4's window: no TTBR0 walks in it */
	isb();
	write_ttbr0(as->l1_phys | TTBR_WALK_FLAGS);
	write_contextidr((uint32_t)(as->asid_tag & ASID_MASK));
	isb();
	write_ttbcr(TTBCR_N_2GIB);
	isb();
	irq_restore(cpsr);
}

/*
 * The core's active tag stays that of the last address space it ran: its
 * ASID stays reserved through a rollover, more than needed and never less.
 */
void context_switch_kernel(void)
{
	uint32_t cpsr = irq_save();

	write_ttbcr(TTBCR_N_2GIB | TTBCR_PD0); /* no walks first: then the ASID may change */
	isb();
	write_contextidr(0);
	isb();
	irq_restore(cpsr);
}

void context_forget(struct mmu_aspace *as)
{
	uint32_t cpsr = spin_lock_irqsave(&asid_lock);

	if ((as->asid_tag & ~(uint64_t)ASID_MASK) == generation) {
		dsb(); /* the tables' last writes, before the invalidate (B3.10.1) */
		tlb_invalidate_asid_is((uint32_t)(as->asid_tag & ASID_MASK));
		bp_invalidate_all_is();
		dsb();
		isb();
	}
	as->asid_tag = 0;
	spin_unlock_irqrestore(&asid_lock, cpsr);
}

unsigned context_asid(const struct mmu_aspace *as)
{
	return (as->asid_tag & ~(uint64_t)ASID_MASK) == generation
		       ? (unsigned)(as->asid_tag & ASID_MASK)
		       : 0;
}

void context_set_asid_limit(unsigned limit)
{
	if (limit < ASID_MIN)
		limit = ASID_MIN;
	if (limit > ASID_LIMIT)
		limit = ASID_LIMIT;
	asid_limit = limit;
	/* ASIDs handed out above the new limit stay valid until the next rollover. */
}

unsigned context_asid_limit(void)
{
	return asid_limit;
}

uint32_t context_rollovers(void)
{
	return rollovers;
}
