/*
 * kernel/banner.h - what the boot prints about the kernel's layout, and the
 * console's layout command prints again.
 */
#ifndef BRAMBLE_KERNEL_BANNER_H
#define BRAMBLE_KERNEL_BANNER_H

/*
 * The layout table: each part of the image, the stacks, the heap, the gap
 * and the MMIO area, with virtual and physical addresses and sizes.
 */
void layout_print(void);

#endif /* BRAMBLE_KERNEL_BANNER_H */
