/*
 * kernel/sections.h - symbols from linker.ld that mark the image's parts.
 * All are virtual (higher-half) addresses unless named _phys_.
 */
#ifndef BRAMBLE_KERNEL_SECTIONS_H
#define BRAMBLE_KERNEL_SECTIONS_H

extern char _start[]; /* physical: the boot stub's entry */
extern char __boot_phys_end[];
extern char __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[];
extern char __data_start[], __data_end[];
extern char __bss_start[], __bss_end[];
extern char __kernel_l2_start[], __kernel_l2_end[]; /* the image's second-level tables */
extern char __stacks_start[], __stacks_end[];
extern char __kernel_end[];
extern char __kernel_phys_start[], __kernel_phys_end[];
extern char vectors_start[], vectors_end[];

#endif /* BRAMBLE_KERNEL_SECTIONS_H */
