/*
 * arch/mmu.h - ARMv7-A short-descriptor translation table formats
 * (ARM ARM B3.5), usable from assembly and C.
 *
 * bramble runs with TEX remap off (SCTLR.TRE = 0) and the access flag off
 * (SCTLR.AFE = 0), so memory types are TEX[2:0]:C:B (ARM ARM B3.8.2,
 * Table B3-10) and AP[2:0] are three access-permission bits (Table B3-6).
 */
#ifndef BRAMBLE_ARCH_MMU_H
#define BRAMBLE_ARCH_MMU_H

/* First-level descriptor types, bits [1:0] (ARM ARM B3.5.1, Figure B3-4). */
#define L1_TYPE_MASK            0x3
#define L1_TYPE_FAULT           0x0
#define L1_TYPE_PAGE_TABLE      0x1
#define L1_TYPE_SECTION         0x2

/* Section descriptor fields. */
#define L1_SECT_B               (1 << 2)
#define L1_SECT_C               (1 << 3)
#define L1_SECT_XN              (1 << 4)
#define L1_SECT_DOMAIN_SHIFT    5
#define L1_SECT_AP0             (1 << 10)
#define L1_SECT_AP1             (1 << 11)
#define L1_SECT_TEX_SHIFT       12
#define L1_SECT_AP2             (1 << 15)
#define L1_SECT_S               (1 << 16)
#define L1_SECT_NG              (1 << 17)
#define L1_SECT_SUPERSECTION    (1 << 18)
#define L1_SECT_NS              (1 << 19)
#define L1_SECT_BASE_MASK       0xFFF00000

/*
 * Section attributes used by the boot stub. AP[2:0] = 0b001: read-write at
 * PL1, no access at PL0. Normal memory: TEX = 0b001, C = 1, B = 1, inner and
 * outer write-back write-allocate, shareable. Device: TEX = 0b000, C = 0,
 * B = 1, shareable device.
 */
#define L1_SECT_KERNEL_RW       L1_SECT_AP0
#define L1_SECT_NORMAL_WBWA     ((1 << L1_SECT_TEX_SHIFT) | L1_SECT_C | L1_SECT_B | L1_SECT_S)
#define L1_SECT_DEVICE          L1_SECT_B

#define BOOT_SECT_RAM_EXEC      (L1_TYPE_SECTION | L1_SECT_NORMAL_WBWA | L1_SECT_KERNEL_RW)
#define BOOT_SECT_RAM           (BOOT_SECT_RAM_EXEC | L1_SECT_XN)
#define BOOT_SECT_DEVICE        (L1_TYPE_SECTION | L1_SECT_DEVICE | L1_SECT_KERNEL_RW | L1_SECT_XN)

/* PAR after an ATS1C* address translation (ARM ARM B4.1.112). */
#define PAR_F                   (1 << 0) /* translation aborted */
#define PAR_SS                  (1 << 1) /* supersection */
#define PAR_PA_MASK             0xFFFFF000

#endif /* BRAMBLE_ARCH_MMU_H */
