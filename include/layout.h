/*
 * layout.h - the memory map of bramble, physical and virtual.
 *
 * This header is the only place where the addresses of the memory map are
 * spelled out. The boot stub (assembly), the linker script's users and the C
 * code all take them from here. The human-readable version of the same table
 * is the "Memory map" section of README.md.
 *
 *   virtual                      physical
 *   0x00000000-0x7FFFFFFF        process space: each process's own table (TTBR0);
 *                                nothing mapped there in the kernel's table
 *   0x80000000 +--------------+  0x00000000  vectors (VBAR = 0x80000000)
 *   0x80004000 | L1 table     |  0x00004000  16 KiB, 16 KiB aligned
 *   0x80008000 | kernel image |  0x00008000  boot stub, text, rodata, data, bss, stacks
 *              | ...          |              (PMM metadata at KERNEL_END, later)
 *              | linear map   |              virtual = physical + 0x80000000
 *   0xBF000000 | early periph |  0x3F000000  boot-time Device mapping for the console (removed later)
 *   0xC0000000 +--------------+              kernel heap: break grows up
 *              | free gap     |
 *   0xFFFFFFFF +--------------+              MMIO: floor grows down
 */
#ifndef BRAMBLE_LAYOUT_H
#define BRAMBLE_LAYOUT_H

#ifdef __ASSEMBLER__
#define LAYOUT_U32(x) x
#else
#define LAYOUT_U32(x) x##U
#endif

/* Physical side. */
#define PHYS_VECTORS        LAYOUT_U32(0x00000000)
#define PHYS_ATAGS_DEFAULT  LAYOUT_U32(0x00000100) /* where loaders put ATAGs */
#define PHYS_VECTORS_LIMIT  LAYOUT_U32(0x00000100) /* vectors must stay below the ATAGs */
#define PHYS_L1_TABLE       LAYOUT_U32(0x00004000)
#define PHYS_KERNEL_LOAD    LAYOUT_U32(0x00008000) /* the firmware loads kernel7.img here */
#define PHYS_RAW_IMAGE_QEMU LAYOUT_U32(0x00010000) /* qemu -kernel <raw image> puts it here */

/* BCM2836: the SoC peripherals, and the ARM-local block (core mailboxes, timers). */
#define PHYS_PERIPH_BASE LAYOUT_U32(0x3F000000)
#define PHYS_PERIPH_SIZE LAYOUT_U32(0x01000000)
#define PHYS_LOCAL_BASE  LAYOUT_U32(0x40000000)
#define PHYS_LOCAL_SIZE  LAYOUT_U32(0x00001000)

/*
 * The most RAM there can be: everything below the peripheral window (a
 * Pi 2 has 1 GiB, whose top is shadowed by the peripherals). The linear map
 * grows to the ARM's share of it once the mailbox reports it, never further.
 */
#define PHYS_RAM_MAX PHYS_PERIPH_BASE

/* Virtual side. */
#define KERNEL_VIRT_BASE  LAYOUT_U32(0x80000000) /* linear map: virt = phys + this */
#define VIRT_VECTORS      LAYOUT_U32(0x80000000) /* VBAR */
#define VIRT_L1_TABLE     LAYOUT_U32(0x80004000)
#define VIRT_KERNEL_START LAYOUT_U32(0x80008000)
#define VIRT_EARLY_PERIPH LAYOUT_U32(0xBF000000) /* PHYS_PERIPH_BASE + KERNEL_VIRT_BASE */
#define VIRT_HEAP_BASE    LAYOUT_U32(0xC0000000) /* heap break starts here, grows up */
#define VIRT_MMIO_TOP     LAYOUT_U32(0xFFFFFFFF) /* MMIO floor grows down from here */

/*
 * A process's address space: [0, USER_SPACE_END), one table per process
 * for TTBR0 (TTBCR.N = 1). docs/processes.md has the whole picture.
 *
 *   0x00000000-0x0000FFFF  never mapped: NULL and small offsets fault
 *   0x00010000             the program (static ARM ELF programs link here)
 *                          then data, bss and the brk heap, growing up
 *   ...                    mmap regions, placed downward from USER_MMAP_TOP
 *   0x7E7FE000             the signal page: the code a handler returns
 *                          through (rt_sigreturn), read-only and executable
 *   0x7E7FF000             the stack's guard page, never mapped
 *   0x7E800000             the stack's limit (USER_STACK_TOP - 8 MiB)
 *   0x7F000000             the stack's top; it grows down on demand
 *   0x7F000000-0x7FFFFFFF  never mapped
 */
#define USER_SPACE_END   LAYOUT_U32(0x80000000) /* = KERNEL_VIRT_BASE: TTBR0's reach */
#define USER_LOW_LIMIT   LAYOUT_U32(0x00010000) /* nothing below this is ever mapped */
#define USER_STACK_TOP   LAYOUT_U32(0x7F000000)
#define USER_STACK_LIMIT LAYOUT_U32(0x00800000) /* the most the stack may grow to: 8 MiB */
#define USER_SIGPAGE     LAYOUT_U32(0x7E7FE000) /* signal return code, below the stack's guard */
#define USER_MMAP_TOP    USER_SIGPAGE           /* mmap regions and programs end below it */
#define USER_L1_ENTRIES  2048                   /* USER_SPACE_END >> SECTION_SHIFT */
#define USER_L1_SIZE     (USER_L1_ENTRIES * 4)  /* 8 KiB, and TTBR0 wants it 8 KiB aligned */

/* Sizes of the translation granules (ARM ARM B3.5). */
#define PAGE_SHIFT    12
#define PAGE_SIZE     (1 << PAGE_SHIFT)
#define SECTION_SHIFT 20
#define SECTION_SIZE  (1 << SECTION_SHIFT)
#define L1_ENTRIES    4096
#define L1_TABLE_SIZE (L1_ENTRIES * 4)

/*
 * The image (from physical 0: vectors, L1 table, boot stub, text, rodata,
 * data, bss, stacks) is mapped with 4 KiB pages so that each part gets its
 * own permissions (W^X); the rest of the linear map uses sections. The
 * boot stub's second-level tables cover this much.
 */
#define KERNEL_PAGED_SIZE (4 * SECTION_SIZE)

/*
 * Kernel stacks: per core, one for SVC and one for each exception mode, each
 * with an unmapped guard page below it (so an overflow faults instead of
 * silently running into the neighbour). One core's block, from low to high:
 *
 *   +0x0000 guard | +0x1000 SVC (16 KiB) | +0x5000 guard | +0x6000 abort |
 *   +0x7000 guard | +0x8000 undefined    | +0x9000 guard | +0xA000 IRQ   |
 *   +0xB000 guard | +0xC000 FIQ          | +0xD000 end
 *
 * The STACK_TOP_* values are offsets of each initial stack pointer (stacks
 * grow down) from the start of the core's block.
 */
#define CORE_COUNT           4
#define STACK_GUARD_SIZE     PAGE_SIZE
#define STACK_SIZE_SVC       (16 * 1024)
#define STACK_SIZE_EXCEPTION (4 * 1024) /* abort, undefined, IRQ, FIQ each */
#define STACK_TOP_SVC        (STACK_GUARD_SIZE + STACK_SIZE_SVC)
#define STACK_TOP_ABT        (STACK_TOP_SVC + STACK_GUARD_SIZE + STACK_SIZE_EXCEPTION)
#define STACK_TOP_UND        (STACK_TOP_ABT + STACK_GUARD_SIZE + STACK_SIZE_EXCEPTION)
#define STACK_TOP_IRQ        (STACK_TOP_UND + STACK_GUARD_SIZE + STACK_SIZE_EXCEPTION)
#define STACK_TOP_FIQ        (STACK_TOP_IRQ + STACK_GUARD_SIZE + STACK_SIZE_EXCEPTION)
#define CORE_STACKS_SIZE     STACK_TOP_FIQ

#ifndef __ASSEMBLER__
#include <stdint.h>

typedef uint32_t paddr_t; /* a physical address */
typedef uint32_t vaddr_t; /* a virtual address */

/* The linear map, in both directions. Only valid for RAM below 1 GiB. */
static inline vaddr_t phys_to_virt(paddr_t pa)
{
	return pa + KERNEL_VIRT_BASE;
}

static inline paddr_t virt_to_phys_linear(vaddr_t va)
{
	return va - KERNEL_VIRT_BASE;
}
#endif

#endif /* BRAMBLE_LAYOUT_H */
