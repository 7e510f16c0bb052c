/*
 * arch/mmio.h - device register access.
 *
 * Registers are 32-bit and accessed with aligned 32-bit loads and stores
 * only (real hardware faults on unaligned Device accesses). The BCM2835
 * peripherals document (section 1.3) warns that reads from different
 * peripherals can return out of order: a driver issues mmio_barrier() before
 * its first access and after its last one in each operation.
 */
#ifndef BRAMBLE_ARCH_MMIO_H
#define BRAMBLE_ARCH_MMIO_H

#include <stdint.h>

static inline uint32_t mmio_read32(uintptr_t address)
{
	return *(volatile uint32_t *)address;
}

static inline void mmio_write32(uintptr_t address, uint32_t value)
{
	*(volatile uint32_t *)address = value;
}

static inline void mmio_barrier(void)
{
	__asm__ volatile("dmb sy" ::: "memory");
}

#endif /* BRAMBLE_ARCH_MMIO_H */
