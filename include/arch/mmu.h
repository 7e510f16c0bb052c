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

#define BOOT_SECT_RAM           (L1_TYPE_SECTION | L1_SECT_NORMAL_WBWA | L1_SECT_KERNEL_RW | L1_SECT_XN)
/* Only for the identity map of the boot stub between MMU on and the jump high. */
#define BOOT_SECT_RAM_EXEC      (L1_TYPE_SECTION | L1_SECT_NORMAL_WBWA | L1_SECT_KERNEL_RW)
#define BOOT_SECT_DEVICE        (L1_TYPE_SECTION | L1_SECT_DEVICE | L1_SECT_KERNEL_RW | L1_SECT_XN)

/* Short-descriptor small page (second-level) fields (ARM ARM B3.5.1, Figure B3-5). */
#define L2_TYPE_MASK            0x2     /* bit 1 set: small page (bit 0 is XN) */
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
#define L2_TABLE_SIZE           (L2_ENTRIES * 4)   /* 1 KiB */
#define L1_PAGE_TABLE_BASE_MASK 0xFFFFFC00

/*
 * Small page attributes used by the boot stub for the kernel image
 * (W^X: nothing is both writable and executable). AP[2:0] = 0b001 is
 * read-write at PL1, 0b101 read-only at PL1; PL0 never has access.
 * Normal memory as for sections: TEX = 0b001, C = 1, B = 1, shareable.
 */
#define L2_PAGE_KERNEL_RW       L2_PAGE_AP0
#define L2_PAGE_KERNEL_RO       (L2_PAGE_AP2 | L2_PAGE_AP0)
#define L2_PAGE_NORMAL_WBWA     ((1 << L2_PAGE_TEX_SHIFT) | L2_PAGE_C | L2_PAGE_B | L2_PAGE_S)

#define BOOT_PAGE_TEXT          (L2_TYPE_SMALL | L2_PAGE_NORMAL_WBWA | L2_PAGE_KERNEL_RO)
#define BOOT_PAGE_READ_ONLY     (BOOT_PAGE_TEXT | L2_PAGE_XN)
#define BOOT_PAGE_RAM           (L2_TYPE_SMALL | L2_PAGE_NORMAL_WBWA | L2_PAGE_KERNEL_RW | L2_PAGE_XN)

/* PAR after an ATS1C* address translation (ARM ARM B4.1.112). */
#define PAR_F                   (1 << 0) /* translation aborted */
#define PAR_SS                  (1 << 1) /* supersection */
#define PAR_PA_MASK             0xFFFFF000

#endif /* BRAMBLE_ARCH_MMU_H */
