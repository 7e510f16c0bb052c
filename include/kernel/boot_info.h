/*
 * kernel/boot_info.h - what the boot stub learned before C ran.
 *
 * boot/start.S fills this record at its physical address while the MMU is
 * still off; kmain() receives a pointer to it. The BOOT_INFO_* offsets are
 * what the assembly uses; the C struct is checked against them.
 */
#ifndef BRAMBLE_KERNEL_BOOT_INFO_H
#define BRAMBLE_KERNEL_BOOT_INFO_H

#define BOOT_INFO_MAGIC_VALUE 0x626F6F74 /* "boot": the stub filled the record */

#define BOOT_INFO_MAGIC        0
#define BOOT_INFO_R0           4
#define BOOT_INFO_R1           8
#define BOOT_INFO_R2           12
#define BOOT_INFO_ENTRY_CPSR   16
#define BOOT_INFO_LOAD_ADDRESS 20
#define BOOT_INFO_PARKED_CORES 24
#define BOOT_INFO_ENTRY_SCTLR  28
#define BOOT_INFO_ACTLR        32
#define BOOT_INFO_SIZE         36

#ifndef __ASSEMBLER__
#include <stdint.h>

struct boot_info {
	uint32_t magic;        /* BOOT_INFO_MAGIC_VALUE */
	uint32_t r0;           /* the loader's r0, r1, r2 as they were at entry */
	uint32_t r1;           /* machine type, when the loader passes one */
	uint32_t r2;           /* ATAGs or device tree (physical), or 0 */
	uint32_t entry_cpsr;   /* CPSR at entry: mode HYP (firmware) or SVC (QEMU) */
	uint32_t load_address; /* physical address the image was entered at */
	uint32_t parked_cores; /* bit n: core n answered and waits in the kernel's parking loop */
	uint32_t
		entry_sctlr; /* SCTLR at entry (HSCTLR if entered in HYP): M, C, I as the loader left them */
	uint32_t actlr; /* ACTLR as it read back after the stub set SMP */
};

_Static_assert(__builtin_offsetof(struct boot_info, magic) == BOOT_INFO_MAGIC, "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, r0) == BOOT_INFO_R0, "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, r1) == BOOT_INFO_R1, "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, r2) == BOOT_INFO_R2, "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, entry_cpsr) == BOOT_INFO_ENTRY_CPSR,
	       "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, load_address) == BOOT_INFO_LOAD_ADDRESS,
	       "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, parked_cores) == BOOT_INFO_PARKED_CORES,
	       "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, entry_sctlr) == BOOT_INFO_ENTRY_SCTLR,
	       "boot_info");
_Static_assert(__builtin_offsetof(struct boot_info, actlr) == BOOT_INFO_ACTLR, "boot_info");
_Static_assert(sizeof(struct boot_info) == BOOT_INFO_SIZE, "boot_info");

/* The record itself, in .data (the stub writes it before BSS is cleared). */
extern struct boot_info boot_info;
#endif

#endif /* BRAMBLE_KERNEL_BOOT_INFO_H */
