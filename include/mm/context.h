/*
 * mm/context.h - which address space a core translates through: the
 * TTBR0/TTBR1 split, ASIDs, and the switch between processes.
 *
 * The kernel's table is TTBR1's (TTBCR.N = 1: 0x80000000 and up); TTBR0
 * holds the current process's table for the lower 2 GiB. When no process
 * is current (the boot, kernel threads, idle), TTBCR.PD0 = 1: a TLB miss
 * below 0x80000000 faults instead of walking a table that may be gone.
 *
 * ASIDs are 8 bits, handed out by generation (mm/arm/context.c): an
 * address space keeps its ASID for as long as the generation lasts, so
 * switching between live address spaces flushes nothing; when the ASIDs
 * run out, one TLB flush starts a new generation, and each address space
 * gets a fresh ASID the next time it is switched to. ASID 0 is never
 * handed out.
 */
#ifndef BRAMBLE_MM_CONTEXT_H
#define BRAMBLE_MM_CONTEXT_H

#include <stdint.h>

#include "mm/mmu.h"

/*
 * ASIDs in use, 0 included (which is never handed out): 256 on the
 * hardware. A build may ask for fewer (make ASID_LIMIT=4 BUILD=build/asid4) to make
 * rollovers frequent; the self-tests lower it at run time too.
 */
#ifndef ASID_LIMIT
#define ASID_LIMIT 256
#endif

/* Split the address space (TTBR1 = the kernel's table, TTBR0 walks off). Once, at boot. */
void context_init(void);

/* Translate the lower 2 GiB through as from now on (an ASID if it has none of this generation). */
void context_switch(struct mmu_aspace *as);

/* No process: TTBR0 walks off. The last process's ASID stays, for a cheap switch back. */
void context_switch_kernel(void);

/* The address space is going: its ASID's TLB entries (walk caches too) on every core. */
void context_forget(struct mmu_aspace *as);

/* The ASID as_switch gave it, or 0 if it has none of this generation. */
unsigned context_asid(const struct mmu_aspace *as);

/* For tests: how many ASIDs to use (CORE_COUNT + 2 to ASID_LIMIT), and the rollovers so far. */
void context_set_asid_limit(unsigned limit);
unsigned context_asid_limit(void);
uint32_t context_rollovers(void);

#endif /* BRAMBLE_MM_CONTEXT_H */
