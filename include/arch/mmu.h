/*
 * arch/mmu.h - ARMv7-A short-descriptor translation table formats
 * (ARM ARM B3.5), usable from assembly and C.
 *
 * bramble runs with TEX remap on (SCTLR.TRE = 1) and the access flag off
 * (SCTLR.AFE = 0). With TEX remap a descriptor's TEX[0]:C:B picks one of
 * eight regions that PRRR and NMRR describe (ARM ARM B3.8.3); bramble's
 * PRRR and NMRR (below) give each code the meaning Table B3-10 gives it
 * with TEX remap off, so the descriptors read as they would there, and add
 * what only TEX remap can say: Normal memory is inner shareable. AP[2:0]
 * are three access-permission bits (Table B3-6).
 */
#ifndef BRAMBLE_ARCH_MMU_H
#define BRAMBLE_ARCH_MMU_H

#include "arch/bits.h"

/* First-level descriptor types, bits [1:0] (ARM ARM B3.5.1, Figure B3-4). */
#define L1_TYPE_MASK       0x3
#define L1_TYPE_FAULT      0x0
#define L1_TYPE_PAGE_TABLE 0x1
#define L1_TYPE_SECTION    0x2

/* Section descriptor fields. */
#define L1_SECT_B            (1 << 2)
#define L1_SECT_C            (1 << 3)
#define L1_SECT_XN           (1 << 4)
#define L1_SECT_DOMAIN_SHIFT 5
#define L1_SECT_AP0          (1 << 10)
#define L1_SECT_AP1          (1 << 11)
#define L1_SECT_TEX_SHIFT    12
#define L1_SECT_AP2          (1 << 15)
#define L1_SECT_S            (1 << 16)
#define L1_SECT_NG           (1 << 17)
#define L1_SECT_SUPERSECTION (1 << 18)
#define L1_SECT_NS           (1 << 19)
#define L1_SECT_BASE_MASK    0xFFF00000

/*
 * Section attributes used by the boot stub. AP[2:0] = 0b001: read-write at
 * PL1, no access at PL0. Normal memory: TEX = 0b001, C = 1, B = 1 (region 7
 * below: inner and outer write-back write-allocate), shareable. Device:
 * TEX = 0b000, C = 0, B = 1 (region 1).
 */
#define L1_SECT_KERNEL_RW   L1_SECT_AP0
#define L1_SECT_NORMAL_WBWA ((1 << L1_SECT_TEX_SHIFT) | L1_SECT_C | L1_SECT_B | L1_SECT_S)
#define L1_SECT_DEVICE      L1_SECT_B

/* Only for the identity map of the boot stub between MMU on and the jump high. */
#define BOOT_SECT_RAM_EXEC (L1_TYPE_SECTION | L1_SECT_NORMAL_WBWA | L1_SECT_KERNEL_RW)
#define BOOT_SECT_DEVICE   (L1_TYPE_SECTION | L1_SECT_DEVICE | L1_SECT_KERNEL_RW | L1_SECT_XN)

/* Short-descriptor small page (second-level) fields (ARM ARM B3.5.1, Figure B3-5). */
#define L2_TYPE_MASK            0x2 /* bit 1 set: small page (bit 0 is XN) */
#define L2_TYPE_FAULT           0x0
#define L2_PAGE_XN              (1 << 0)
#define L2_TYPE_SMALL           (1 << 1)
#define L2_PAGE_B               (1 << 2)
#define L2_PAGE_C               (1 << 3)
#define L2_PAGE_AP0             (1 << 4)
#define L2_PAGE_AP1             (1 << 5)
#define L2_PAGE_TEX_SHIFT       6
#define L2_PAGE_AP2             (1 << 9)
#define L2_PAGE_S               (1 << 10)
#define L2_PAGE_NG              (1 << 11)
#define L2_PAGE_BASE_MASK       0xFFFFF000
#define L2_ENTRIES              256
#define L2_TABLE_SIZE           (L2_ENTRIES * 4) /* 1 KiB */
#define L1_PAGE_TABLE_BASE_MASK 0xFFFFFC00
#define L1_PAGE_TABLE_PXN       (1 << 2) /* nothing through this table runs at PL1 (B3.5.1) */
#define L1_SECT_PXN             (1 << 0) /* in a section: bits [1:0] = 0b11 */

/*
 * Small page attributes used by the boot stub for the kernel image
 * (W^X: nothing is both writable and executable). AP[2:0] = 0b001 is
 * read-write at PL1, 0b101 read-only at PL1; PL0 never has access.
 * Normal memory as for sections: TEX = 0b001, C = 1, B = 1, shareable.
 */
#define L2_PAGE_KERNEL_RW   L2_PAGE_AP0
#define L2_PAGE_KERNEL_RO   (L2_PAGE_AP2 | L2_PAGE_AP0)
#define L2_PAGE_NORMAL_WBWA ((1 << L2_PAGE_TEX_SHIFT) | L2_PAGE_C | L2_PAGE_B | L2_PAGE_S)

#define BOOT_PAGE_TEXT      (L2_TYPE_SMALL | L2_PAGE_NORMAL_WBWA | L2_PAGE_KERNEL_RO)
#define BOOT_PAGE_READ_ONLY (BOOT_PAGE_TEXT | L2_PAGE_XN)
#define BOOT_PAGE_RAM       (L2_TYPE_SMALL | L2_PAGE_NORMAL_WBWA | L2_PAGE_KERNEL_RW | L2_PAGE_XN)

/*
 * TEX remap (ARM ARM B3.8.3; PRRR B4.1.127, NMRR B4.1.111). Region n is
 * TEX[0]:C:B. The regions bramble uses, and what the codes meant with TEX
 * remap off:
 *   0 (000)  Strongly-ordered                      MEM_STRONGLY_ORDERED
 *   1 (001)  Device                                MEM_DEVICE
 *   2 (010)  Normal, write-through, no write-allocate
 *   3 (011)  Normal, write-back, no write-allocate
 *   4 (100)  Normal, non-cacheable                 MEM_NORMAL_UNCACHED
 *   7 (111)  Normal, write-back, write-allocate    MEM_NORMAL
 * (5 and 6 are reserved or IMPLEMENTATION DEFINED there; here they are
 * Strongly-ordered, and nothing uses them.) PRRR.TRn: 00 Strongly-ordered,
 * 01 Device, 10 Normal. Shareable Normal memory (S = 1, NS1 = 1) is inner
 * shareable (NOSn = 1): the four A7 cores are the inner shareable domain,
 * and nothing outside it is coherent with them. Shareable or not, Device
 * memory is shareable (DS0 = DS1 = 1). NMRR.IRn/ORn: 00 non-cacheable,
 * 01 write-back write-allocate, 10 write-through, 11 write-back no
 * write-allocate, inner and outer alike.
 */
#define PRRR_TR(n, type)      ((type) << (2 * (n)))
#define PRRR_TYPE_SO          0
#define PRRR_TYPE_DEVICE      1
#define PRRR_TYPE_NORMAL      2
#define PRRR_DS0              (1 << 16)
#define PRRR_DS1              (1 << 17)
#define PRRR_NS1              (1 << 19)
#define PRRR_NOS(n)           BIT(24 + (n))
#define NMRR_INNER(n, policy) ((policy) << (2 * (n)))
#define NMRR_OUTER(n, policy) ((policy) << (16 + 2 * (n)))
#define NMRR_NC               0
#define NMRR_WBWA             1
#define NMRR_WT               2
#define NMRR_WB               3
#define NMRR_BOTH(n, policy)  (NMRR_INNER(n, policy) | NMRR_OUTER(n, policy))

#define PRRR_VALUE                                                                                \
	(PRRR_TR(0, PRRR_TYPE_SO) | PRRR_TR(1, PRRR_TYPE_DEVICE) | PRRR_TR(2, PRRR_TYPE_NORMAL) | \
	 PRRR_TR(3, PRRR_TYPE_NORMAL) | PRRR_TR(4, PRRR_TYPE_NORMAL) |                            \
	 PRRR_TR(7, PRRR_TYPE_NORMAL) | PRRR_DS0 | PRRR_DS1 | PRRR_NS1 | PRRR_NOS(2) |            \
	 PRRR_NOS(3) | PRRR_NOS(4) | PRRR_NOS(7))
#define NMRR_VALUE                                                               \
	(NMRR_BOTH(2, NMRR_WT) | NMRR_BOTH(3, NMRR_WB) | NMRR_BOTH(4, NMRR_NC) | \
	 NMRR_BOTH(7, NMRR_WBWA))

/* PAR after an ATS1C* address translation (ARM ARM B4.1.112). */
#define PAR_F       (1 << 0) /* translation aborted */
#define PAR_SS      (1 << 1) /* supersection */
#define PAR_PA_MASK 0xFFFFF000

#endif /* BRAMBLE_ARCH_MMU_H */
