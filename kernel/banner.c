/*
 * kernel/banner.c - the kernel's layout as it really is, from the linker's
 * symbols and the window's state (kernel/banner.h).
 */
#include "kernel/banner.h"

#include <stdint.h>

#include "arch/mmu.h"
#include "kernel/printk.h"
#include "kernel/sections.h"
#include "layout.h"
#include "mm/mm.h"
#include "mm/window.h"

static void print_region(const char *name, uintptr_t start, uintptr_t end, const char *what)
{
	unsigned long size = (unsigned long)(end - start);

	kprintf("  %-12s 0x%08lx-0x%08lx -> 0x%08lx %6lu %s  %s\n", name, (unsigned long)start,
		(unsigned long)(end - 1), (unsigned long)virt_to_phys_linear(start),
		size >= 1024 ? size / 1024 : size, size >= 1024 ? "KiB" : "B  ", what);
}

void layout_print(void)
{
	struct window_stats window;

	kprintf("layout (virtual -> physical):\n");
	print_region("vectors", VIRT_VECTORS, VIRT_VECTORS + PAGE_SIZE,
		     "VBAR; exception table and its literals");
	print_region("L1 table", VIRT_L1_TABLE, VIRT_L1_TABLE + L1_TABLE_SIZE, "TTBR0");
	print_region("boot stub", phys_to_virt((paddr_t)_start),
		     phys_to_virt((paddr_t)__boot_phys_end), "runs at its physical address");
	print_region("kernel text", (uintptr_t)__text_start, (uintptr_t)__text_end, "");
	print_region("rodata", (uintptr_t)__rodata_start, (uintptr_t)__rodata_end, "");
	print_region("data", (uintptr_t)__data_start, (uintptr_t)__bss_start, "");
	print_region("bss", (uintptr_t)__bss_start, (uintptr_t)__bss_end, "");
	print_region("L2 tables", (uintptr_t)__kernel_l2_start, (uintptr_t)__kernel_l2_end,
		     "the image's pages (W^X)");
	print_region("stacks", (uintptr_t)__stacks_start, (uintptr_t)__stacks_end,
		     "4 cores x (SVC, ABT, UND, IRQ, FIQ), guard page below each");
	kprintf("  %-12s 0x%08lx (physical 0x%08lx)\n", "kernel end", (unsigned long)__kernel_end,
		(unsigned long)virt_to_phys_linear((vaddr_t)__kernel_end));
	window_get_stats(&kernel_window, &window);
	kprintf("  %-12s 0x%08lx %17lu KiB  break at 0x%08lx, grows up\n", "heap",
		(unsigned long)kernel_window.base, (unsigned long)(window.heap_bytes / 1024),
		(unsigned long)kernel_window.heap_break);
	kprintf("  %-12s 0x%08lx-0x%08lx %6lu KiB  free gap (and one guard page)\n", "",
		(unsigned long)kernel_window.heap_break,
		(unsigned long)kernel_window.mmio_floor - 1,
		(unsigned long)((kernel_window.mmio_floor - kernel_window.heap_break) / 1024));
	kprintf("  %-12s 0x%08lx-0x%08lx %6lu KiB  floor at 0x%08lx, grows down\n", "MMIO",
		(unsigned long)kernel_window.mmio_floor, (unsigned long)(kernel_window.top - 1),
		(unsigned long)(window.mmio_bytes / 1024), (unsigned long)kernel_window.mmio_floor);
}
