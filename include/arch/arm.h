/*
 * arch/arm.h - ARMv7-A processor state: modes, PSR bits, system control
 * register bits. Usable from assembly and C.
 *
 * References are to the ARM Architecture Reference Manual, ARMv7-A and
 * ARMv7-R edition (ARM DDI 0406C), "ARM ARM" below, and to the Cortex-A7
 * MPCore Technical Reference Manual (ARM DDI 0464), "A7 TRM".
 */
#ifndef BRAMBLE_ARCH_ARM_H
#define BRAMBLE_ARCH_ARM_H

#include "arch/bits.h"

/* Processor modes, CPSR.M[4:0] (ARM ARM B1.3.1, Table B1-1). */
#define MODE_USR  0x10
#define MODE_FIQ  0x11
#define MODE_IRQ  0x12
#define MODE_SVC  0x13
#define MODE_MON  0x16
#define MODE_ABT  0x17
#define MODE_HYP  0x1A
#define MODE_UND  0x1B
#define MODE_SYS  0x1F
#define MODE_MASK 0x1F

/* Program status register bits (ARM ARM B1.3.3). */
#define PSR_T (1 << 5) /* Thumb execution state */
#define PSR_F (1 << 6) /* FIQ masked */
#define PSR_I (1 << 7) /* IRQ masked */
#define PSR_A (1 << 8) /* asynchronous abort masked */
#define PSR_E (1 << 9) /* big-endian data */

/* SCTLR, system control register (ARM ARM B4.1.130). */
#define SCTLR_M    (1 << 0)  /* MMU enable */
#define SCTLR_A    (1 << 1)  /* alignment checking */
#define SCTLR_C    (1 << 2)  /* data and unified caches enable */
#define SCTLR_Z    (1 << 11) /* branch prediction enable */
#define SCTLR_I    (1 << 12) /* instruction cache enable */
#define SCTLR_V    (1 << 13) /* high vectors (0xFFFF0000); bramble uses VBAR */
#define SCTLR_WXN  (1 << 19) /* writable implies execute-never (virtualization ext.) */
#define SCTLR_UWXN (1 << 20) /* PL0-writable implies PL1 execute-never */
#define SCTLR_EE   (1 << 25) /* big-endian exception entry */
#define SCTLR_TRE  (1 << 28) /* TEX remap enable */
#define SCTLR_AFE  (1 << 29) /* access flag enable */
#define SCTLR_TE   (1 << 30) /* take exceptions in Thumb state */

/*
 * ACTLR, auxiliary control register (A7 TRM 4.3.31). On the Cortex-A53 of a
 * Pi 2 v1.2 the same job is CPUECTLR.SMPEN, which its firmware sets, and
 * ACTLR has no SMP bit: the stub writes ACTLR.SMP only on a Cortex-A7.
 */
#define ACTLR_SMP (1 << 6) /* take part in coherency; set before caches and MMU */

/* MIDR, main ID (ARM ARM B4.1.105): implementer [31:24], primary part number [15:4]. */
#define MIDR_PART_SHIFT      4
#define MIDR_PART_MASK       0xFFF
#define MIDR_PART_CORTEX_A7  0xC07
#define MIDR_PART_CORTEX_A53 0xD03

/* HCR, Hyp configuration (ARM ARM B4.1.65). */
#define HCR_AMO (1 << 5) /* asynchronous aborts go to Hyp; virtual ones to PL1 */
#define HCR_VA  (1 << 8) /* a virtual asynchronous abort is pending */

/* CNTV_CTL, CNTP_CTL: the timers' control registers (ARM ARM chapter B8, the Generic Timer). */
#define CNT_CTL_ENABLE  (1 << 0)
#define CNT_CTL_IMASK   (1 << 1)
#define CNT_CTL_ISTATUS (1 << 2)

/* HDCR, Hyp debug configuration register (ARM ARM B4.1.74). */
#define HDCR_TPMCR (1 << 5) /* trap PMCR accesses to Hyp */
#define HDCR_TPM   (1 << 6) /* trap performance monitor accesses to Hyp */

/* CNTHCTL, timer control from Hyp (ARM ARM B4.1.26). */
#define CNTHCTL_PL1PCTEN (1 << 0) /* PL1 may read the physical counter */
#define CNTHCTL_PL1PCEN  (1 << 1) /* PL1 may use the physical timer */

/*
 * CNTKCTL, timer control at PL1 (ARM ARM B4.1.27): an event stream that
 * wakes wfe when counter bit 10 goes from 0 to 1 (EVNTDIR = 0), which is
 * once every 2^11 ticks: every 106.7 us at 19.2 MHz, 32.8 us at QEMU's
 * 62.5 MHz.
 */
#define CNTKCTL_EVNTEN       (1 << 2)
#define CNTKCTL_EVNTI_SHIFT  4
#define CNTKCTL_EVENT_STREAM (CNTKCTL_EVNTEN | (10 << CNTKCTL_EVNTI_SHIFT))

/* Performance monitors (ARM ARM C12). */
#define PMCR_E         (1 << 0)  /* enable all counters */
#define PMCR_P         (1 << 1)  /* reset event counters */
#define PMCR_C         (1 << 2)  /* reset cycle counter */
#define PMCNTEN_CYCLES BIT(31)   /* PMCNTENSET/CLR bit of PMCCNTR */
#define PMSELR_CYCLES  31        /* PMSELR value that selects PMCCFILTR */
#define PMCCFILTR_NSH  (1 << 27) /* count in Hyp mode too */

/*
 * The one instruction the self-tests plant where code must not run (ARM
 * ARM A8.8, "BX": cond 0001 0010 1111 1111 1111 0001 Rm, with cond AL and
 * Rm = lr): if the page does execute, the call comes straight back.
 */
#define INSN_BX_LR 0xE12FFF1E

/* DACR: domain 0 is the only domain, and it is a client (ARM ARM B4.1.43). */
#define DACR_CLIENT         1
#define DACR_DOMAIN0_CLIENT (DACR_CLIENT << 0)

/*
 * TTBR0/1 table-walk attributes (ARM ARM B4.1.154, multiprocessing
 * extensions): inner and outer write-back write-allocate, inner shareable.
 * They agree with how the tables themselves are mapped: Normal write-back
 * write-allocate, inner shareable (TEX remap, arch/mmu.h, PRRR.NOS7).
 */
#define TTBR_IRGN_WBWA  (1 << 6) /* IRGN = 0b01: IRGN[0] is bit 6, IRGN[1] bit 0 */
#define TTBR_S          (1 << 1) /* shareable */
#define TTBR_RGN_WBWA   (1 << 3) /* RGN = 0b01 */
#define TTBR_NOS        (1 << 5) /* inner shareable (not outer shareable) */
#define TTBR_WALK_FLAGS (TTBR_IRGN_WBWA | TTBR_S | TTBR_RGN_WBWA | TTBR_NOS)

/* TTBCR (ARM ARM B4.1.153): the split between TTBR0 and TTBR1. */
#define TTBCR_N_2GIB (1 << 0) /* N = 1: TTBR0 below 0x80000000, TTBR1 above */
#define TTBCR_PD0    (1 << 4) /* no walks through TTBR0: a miss there faults */

/* ID_MMFR0.VMSA (B4.1.89): 4 or more means the short format has PXN. */
#define ID_MMFR0_VMSA_MASK 0xF
#define ID_MMFR0_VMSA_PXN  4

#endif /* BRAMBLE_ARCH_ARM_H */
