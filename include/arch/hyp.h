/*
 * arch/hyp.h - the calls the Hyp stub answers (boot/start.S,
 * hyp_stub_vectors). Usable from assembly and C.
 *
 * When the kernel was entered in HYP (the Raspberry Pi firmware), it leaves
 * HYP at once but keeps this small stub as the Hyp vectors, as Linux does:
 * HVC #0 from PL1 with a call number in r0 reaches it. Entered in SVC, the
 * kernel has no Hyp mode to call (HVC is then undefined).
 */
#ifndef BRAMBLE_ARCH_HYP_H
#define BRAMBLE_ARCH_HYP_H

/*
 * Make a virtual asynchronous abort pending for PL1: HCR.AMO and HCR.VA
 * (ARM ARM B1.9.8, B4.1.65). It is taken as soon as CPSR.A is clear, and
 * reported like an asynchronous external abort. While HCR.AMO is set, a
 * physical asynchronous abort would go to Hyp, which cannot report it, so
 * the caller gives that back with HYP_CALL_ABORTS_TO_PL1 right after.
 */
#define HYP_CALL_VIRTUAL_ABORT 1

/* HCR.AMO and HCR.VA clear again: asynchronous aborts are PL1's. */
#define HYP_CALL_ABORTS_TO_PL1 2

#ifndef __ASSEMBLER__
#include <stdint.h>

/* HVC #0 to the stub. Returns 0, or -1 for a call it does not know. */
static inline int32_t hyp_call(uint32_t call)
{
	register uint32_t r0 __asm__("r0") = call;

	__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) : : "r1", "memory");
	return (int32_t)r0;
}
#endif

#endif /* BRAMBLE_ARCH_HYP_H */
