/*
 * arch/cp15.h - accessors for the CP15 system registers bramble uses, and
 * the barriers. One function per register, named after it; the encoding
 * (opc1, CRn, CRm, opc2) is from ARM ARM B3.17 / B4.2. Cache and TLB
 * maintenance operations are in arch/maintenance.h.
 */
#ifndef BRAMBLE_ARCH_CP15_H
#define BRAMBLE_ARCH_CP15_H

#include <stdint.h>

#define CP15_READ(name, opc1, crn, crm, opc2)                                         \
	static inline uint32_t read_##name(void)                                      \
	{                                                                             \
		uint32_t value;                                                       \
		__asm__ volatile("mrc p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2 \
				 : "=r"(value));                                      \
		return value;                                                         \
	}

#define CP15_WRITE(name, opc1, crn, crm, opc2)                                        \
	static inline void write_##name(uint32_t value)                               \
	{                                                                             \
		__asm__ volatile("mcr p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2 \
				 :                                                    \
				 : "r"(value)                                         \
				 : "memory");                                         \
	}

#define CP15_RW(name, opc1, crn, crm, opc2)   \
	CP15_READ(name, opc1, crn, crm, opc2) \
	CP15_WRITE(name, opc1, crn, crm, opc2)

CP15_READ(midr, 0, c0, c0, 0)      /* main ID */
CP15_READ(mpidr, 0, c0, c0, 5)     /* multiprocessor affinity */
CP15_READ(id_mmfr0, 0, c0, c1, 4)  /* memory model features 0 (VMSA: PXN) */
CP15_READ(id_mmfr3, 0, c0, c1, 7)  /* memory model features 3 (coherent walk) */
CP15_READ(ctr, 0, c0, c0, 1)       /* cache type */
CP15_RW(sctlr, 0, c1, c0, 0)       /* system control */
CP15_RW(actlr, 0, c1, c0, 1)       /* auxiliary control */
CP15_RW(ttbr0, 0, c2, c0, 0)       /* translation table base 0 */
CP15_RW(ttbr1, 0, c2, c0, 1)       /* translation table base 1 */
CP15_RW(ttbcr, 0, c2, c0, 2)       /* translation table base control */
CP15_RW(dacr, 0, c3, c0, 0)        /* domain access control */
CP15_READ(dfsr, 0, c5, c0, 0)      /* data fault status */
CP15_READ(ifsr, 0, c5, c0, 1)      /* instruction fault status */
CP15_READ(dfar, 0, c6, c0, 0)      /* data fault address */
CP15_READ(ifar, 0, c6, c0, 2)      /* instruction fault address */
CP15_READ(par, 0, c7, c4, 0)       /* physical address (after ATS1C*) */
CP15_WRITE(ats1cpr, 0, c7, c8, 0)  /* translate as a PL1 read */
CP15_WRITE(ats1cpw, 0, c7, c8, 1)  /* translate as a PL1 write */
CP15_RW(vbar, 0, c12, c0, 0)       /* vector base address */
CP15_RW(prrr, 0, c10, c2, 0)       /* primary region remap (TEX remap) */
CP15_RW(nmrr, 0, c10, c2, 1)       /* normal memory remap (TEX remap) */
CP15_RW(contextidr, 0, c13, c0, 1) /* context ID: the ASID */
CP15_RW(tpidrprw, 0, c13, c0, 4)   /* PL1-only thread ID: the current thread */
CP15_RW(tpidruro, 0, c13, c0, 3)   /* User read-only thread ID: a process's TLS pointer */
CP15_RW(tpidrurw, 0, c13, c0, 2)   /* User read/write thread ID */
CP15_RW(cpacr, 0, c1, c0, 2)       /* coprocessor access control (CP10/CP11: the FPU) */
CP15_READ(nsacr, 0, c1, c1, 2)     /* non-secure access control */
CP15_READ(id_isar0, 0, c0, c2, 0)  /* instruction set attributes 0 (divide) */
CP15_RW(cntv_ctl, 0, c14, c3, 1)   /* virtual timer control */
CP15_RW(cntp_ctl, 0, c14, c2, 1)   /* physical timer control (this security state's) */
CP15_READ(cntfrq, 0, c14, c0, 0)   /* counter frequency, as the firmware or QEMU set it */
CP15_RW(cntv_tval, 0, c14, c3, 0)  /* virtual timer: ticks to its deadline */
CP15_RW(pmcr, 0, c9, c12, 0)       /* performance monitors control */
CP15_READ(pmccntr, 0, c9, c13, 0)  /* cycle counter (instructions under -icount) */

/*
 * 64-bit registers: the generic timer's virtual count and virtual compare
 * value (ARM ARM B4.1.34, B4.1.35). A count read may be taken early, out of
 * order (ARM ARM B8.1.2): the ISB before it makes it read after whatever
 * came before it.
 */
static inline uint64_t read_cntvct(void)
{
	uint32_t low, high;

	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(low), "=r"(high) : : "memory");
	return ((uint64_t)high << 32) | low;
}

/* The physical count (B4.1.33): PL1 reads it where CNTHCTL.PL1PCTEN lets it (the boot sets it). */
static inline uint64_t read_cntpct(void)
{
	uint32_t low, high;

	__asm__ volatile("isb\n\tmrrc p15, 0, %0, %1, c14" : "=r"(low), "=r"(high) : : "memory");
	return ((uint64_t)high << 32) | low;
}

static inline uint64_t read_cntv_cval(void)
{
	uint32_t low, high;

	__asm__ volatile("mrrc p15, 3, %0, %1, c14" : "=r"(low), "=r"(high));
	return ((uint64_t)high << 32) | low;
}

static inline void write_cntv_cval(uint64_t value)
{
	__asm__ volatile("mcrr p15, 3, %0, %1, c14"
			 :
			 : "r"((uint32_t)value), "r"((uint32_t)(value >> 32))
			 : "memory");
}

static inline void dsb(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline void dmb(void)
{
	__asm__ volatile("dmb sy" ::: "memory");
}

static inline void isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

static inline uint32_t read_cpsr(void)
{
	uint32_t value;
	__asm__ volatile("mrs %0, cpsr" : "=r"(value));
	return value;
}

#endif /* BRAMBLE_ARCH_CP15_H */
