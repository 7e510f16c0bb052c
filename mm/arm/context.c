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
 * from the current generation is valid; anything else gets the next free
 * ASID, and when they run out the generation moves on, the whole TLB is
 * flushed (on every core, TLBIALLIS) once, and ASIDs are handed out from
 * 1 again. An address space that dies takes its ASID's entries with it
 * (TLBIASIDIS, which also drops walk caches for that ASID) before its
 * tables are freed; its ASID is not reused before the next rollover. With
 * one core running processes, no address space can be current with a
 * stale ASID: the core switches, and so re-validates, before it runs any
 * process. (Several cores need Linux's reserved-per-core scheme; see
 * docs/processes.md.)
 */
#include "mm/context.h"

#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "kernel/irq.h"
#include "kernel/panic.h"

#define ASID_BITS 8
#define ASID_MASK ((1U << ASID_BITS) - 1)

_Static_assert(ASID_LIMIT >= 2 && ASID_LIMIT <= (1 << ASID_BITS), "ASID_LIMIT: 2 to 256");

static uint64_t generation = 1ULL << ASID_BITS;
static unsigned next_asid = 1;
static unsigned asid_limit = ASID_LIMIT;
static uint32_t rollovers;

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

/* A tag of this generation for as: the next ASID, or a new generation when they are gone. */
static void new_asid(struct mmu_aspace *as)
{
	if (next_asid >= asid_limit) {
		generation += 1ULL << ASID_BITS;
		next_asid = 1;
		rollovers++;
		tlb_invalidate_all_is();
		bp_invalidate_all_is();
		dsb();
		isb();
	}
	as->asid_tag = generation | next_asid++;
}

void context_switch(struct mmu_aspace *as)
{
	uint32_t cpsr = irq_save();

	if ((as->asid_tag & ~(uint64_t)ASID_MASK) != generation)
		new_asid(as);
	write_ttbcr(TTBCR_N_2GIB | TTBCR_PD0); /* B3.10.4's window: no TTBR0 walks in it */
	isb();
	write_ttbr0(as->l1_phys | TTBR_WALK_FLAGS);
	write_contextidr((uint32_t)(as->asid_tag & ASID_MASK));
	isb();
	write_ttbcr(TTBCR_N_2GIB);
	isb();
	irq_restore(cpsr);
}

void context_switch_kernel(void)
{
	write_ttbcr(TTBCR_N_2GIB | TTBCR_PD0);
	isb();
}

void context_forget(struct mmu_aspace *as)
{
	if ((as->asid_tag & ~(uint64_t)ASID_MASK) == generation) {
		dsb(); /* the tables' last writes, before the invalidate (B3.10.1) */
		tlb_invalidate_asid_is((uint32_t)(as->asid_tag & ASID_MASK));
		bp_invalidate_all_is();
		dsb();
		isb();
	}
	as->asid_tag = 0;
}

unsigned context_asid(const struct mmu_aspace *as)
{
	return (as->asid_tag & ~(uint64_t)ASID_MASK) == generation
		       ? (unsigned)(as->asid_tag & ASID_MASK)
		       : 0;
}

void context_set_asid_limit(unsigned limit)
{
	if (limit < 2)
		limit = 2;
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
