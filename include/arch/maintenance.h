/*
 * arch/maintenance.h - every cache, branch predictor and TLB maintenance
 * operation bramble uses, named, with the rule it serves. The only place
 * that spells their encodings: ARM ARM B4.2.1 ("Cache and branch predictor
 * maintenance operations") and B4.2.2 ("TLB maintenance operations"), the
 * CP15 c7 and c8 functional groups of B3.18.
 *
 * Two forms of most operations:
 *   - local (ICIALLU, BPIALL, TLBIALL, TLBIMVA ...): this core only;
 *   - inner shareable (ICIALLUIS, BPIALLIS, TLBIALLIS, TLBIMVAIS ...):
 *     every core of the inner shareable domain (the four A7s), as the
 *     multiprocessing rules require for anything another core may hold
 *     (ARM ARM B3.10.5 and B2.2.8).
 * Operations "by MVA" work on one line (caches) or one page (TLB); TLB
 * operations "by ASID" or "by MVA and ASID" leave other address spaces'
 * entries alone, the "all ASIDs" forms (TLBIMVAA) are for global pages.
 *
 * Completion: none of these is guaranteed to have taken effect until a
 * DSB; a change to the translation or to instructions is seen by later
 * instructions of this core only after an ISB as well (B3.10.1, B2.2.9).
 * The helpers below leave the barriers to the caller, except where they
 * say so, so that a batch ends in one DSB.
 *
 * The first half is for assembly (the boot stub, which runs before any C):
 * macros that expand to the instructions. The second half is the same for C.
 */
#ifndef BRAMBLE_ARCH_MAINTENANCE_H
#define BRAMBLE_ARCH_MAINTENANCE_H

#ifdef __ASSEMBLER__
/* Assembler macros: clang-format leaves them alone. */
/* clang-format off */

/*
 * Forget every instruction cache line and every branch prediction of this
 * core (ICIALLU, BPIALL), then DSB, ISB: what new code needs once the
 * stores that wrote it have completed (B2.2.9). \tmp is zeroed.
 */
.macro icache_bp_invalidate_local tmp
	mov	\tmp, #0
	mcr	p15, 0, \tmp, c7, c5, 0         @ ICIALLU
	mcr	p15, 0, \tmp, c7, c5, 6         @ BPIALL
	dsb
	isb
.endm

/* This core's whole TLB (TLBIALL), then DSB, ISB (B3.10.1). \tmp is zeroed. */
.macro tlb_invalidate_all_local tmp
	mov	\tmp, #0
	mcr	p15, 0, \tmp, c8, c7, 0         @ TLBIALL
	dsb
	isb
.endm

/* The Hyp mode TLB entries of this core (TLBIALLH, B4.2.2); no barriers. */
.macro tlb_invalidate_hyp_local tmp
	mov	\tmp, #0
	mcr	p15, 4, \tmp, c8, c7, 0         @ TLBIALLH
.endm

/* Invalidate one data cache line by address, to the point of coherency (DCIMVAC). */
.macro dcache_invalidate_line address
	mcr	p15, 0, \address, c7, c6, 1     @ DCIMVAC
.endm

/* Clean one data cache line by address, to the point of unification (DCCMVAU). */
.macro dcache_clean_line_pou address
	mcr	p15, 0, \address, c7, c11, 1    @ DCCMVAU
.endm

/* Clean and invalidate one line by set/way (DCCISW), the operand as B4.2.1 builds it. */
.macro dcache_clean_invalidate_set_way operand
	mcr	p15, 0, \operand, c7, c14, 2    @ DCCISW
.endm

/* clang-format on */
#else /* C */

#include <stdint.h>

#include "arch/cp15.h"

#define MAINTENANCE_OP(name, opc1, crn, crm, opc2)                                    \
	static inline void name(uint32_t operand)                                     \
	{                                                                             \
		__asm__ volatile("mcr p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2 \
				 :                                                    \
				 : "r"(operand)                                       \
				 : "memory");                                         \
	}

/* Data cache, one line by virtual address. */
MAINTENANCE_OP(dcache_clean_line_poc, 0, c7, c10, 1)            /* DCCMVAC */
MAINTENANCE_OP(dcache_invalidate_line_poc, 0, c7, c6, 1)        /* DCIMVAC */
MAINTENANCE_OP(dcache_clean_invalidate_line_poc, 0, c7, c14, 1) /* DCCIMVAC */
MAINTENANCE_OP(dcache_clean_line_pou, 0, c7, c11, 1)            /* DCCMVAU */

/* Instruction cache and branch predictor. The operand of the "all" forms is ignored (0). */
MAINTENANCE_OP(icache_invalidate_all_local_op, 0, c7, c5, 0) /* ICIALLU */
MAINTENANCE_OP(icache_invalidate_all_is_op, 0, c7, c1, 0)    /* ICIALLUIS */
MAINTENANCE_OP(icache_invalidate_line_pou, 0, c7, c5, 1)     /* ICIMVAU */
MAINTENANCE_OP(bp_invalidate_all_local_op, 0, c7, c5, 6)     /* BPIALL */
MAINTENANCE_OP(bp_invalidate_all_is_op, 0, c7, c1, 6)        /* BPIALLIS */

/* TLB. MVA operands are page aligned; ASID operands are the ASID in [7:0]. */
MAINTENANCE_OP(tlb_invalidate_all_local_op, 0, c8, c7, 0)      /* TLBIALL */
MAINTENANCE_OP(tlb_invalidate_all_is_op, 0, c8, c3, 0)         /* TLBIALLIS */
MAINTENANCE_OP(tlb_invalidate_page_all_asids_is, 0, c8, c3, 3) /* TLBIMVAAIS */
MAINTENANCE_OP(tlb_invalidate_page_asid_is, 0, c8, c3, 1)      /* TLBIMVAIS: MVA | ASID */
MAINTENANCE_OP(tlb_invalidate_asid_is, 0, c8, c3, 2)           /* TLBIASIDIS */
MAINTENANCE_OP(tlb_invalidate_page_local, 0, c8, c7, 1)        /* TLBIMVA: MVA | ASID */

static inline void icache_invalidate_all_local(void)
{
	icache_invalidate_all_local_op(0);
}

static inline void icache_invalidate_all_is(void)
{
	icache_invalidate_all_is_op(0);
}

static inline void bp_invalidate_all_local(void)
{
	bp_invalidate_all_local_op(0);
}

static inline void bp_invalidate_all_is(void)
{
	bp_invalidate_all_is_op(0);
}

static inline void tlb_invalidate_all_local(void)
{
	tlb_invalidate_all_local_op(0);
}

static inline void tlb_invalidate_all_is(void)
{
	tlb_invalidate_all_is_op(0);
}

/* Smallest data cache line of any level (CTR.DminLine, ARM ARM B4.1.42): the stride that reaches every line. */
static inline uint32_t dcache_line_size(void)
{
	return 4U << ((read_ctr() >> 16) & 0xF);
}

/* Apply a by-address data cache operation to every line of [start, start + size); no barrier. */
static inline void dcache_range(void (*op)(uint32_t), uintptr_t start, uint32_t size)
{
	uint32_t line = dcache_line_size();

	for (uintptr_t at = start & ~(uintptr_t)(line - 1); at < start + size; at += line)
		op(at);
}

/*
 * Make instructions just written at [start, start + size) visible to
 * instruction fetch on every core (ARM ARM B2.2.9, and B2.2.8 for the
 * inner shareable forms): clean the data cache to the point of
 * unification, DSB, invalidate the I-cache and the branch predictor,
 * DSB, ISB.
 */
static inline void sync_new_code(const void *start, uint32_t size)
{
	dcache_range(dcache_clean_line_pou, (uintptr_t)start, size);
	dsb();
	icache_invalidate_all_is();
	bp_invalidate_all_is();
	dsb();
	isb();
}

#endif /* __ASSEMBLER__ */

#endif /* BRAMBLE_ARCH_MAINTENANCE_H */
