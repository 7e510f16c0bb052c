/*
 * drivers/bcm2835_intc.c - the BCM2835 ARM interrupt controller
 * (drivers/bcm2835_intc.h).
 *
 * Enabling and disabling go through separate write-one registers, so that
 * no read-modify-write can race with another source. The basic pending
 * register's bits 10-20 are shortcuts to some GPU interrupts; bits 8 and 9
 * say pending 1 or 2 hold something. Both pending registers are read
 * whenever their bit or one of their shortcuts is set, and the shortcuts
 * themselves are ignored, so an interrupt is seen once, by its GPU number.
 */
#include "drivers/bcm2835_intc.h"

#include "arch/mmio.h"

#define INTC_BASIC_PENDING 0x00
#define INTC_PENDING_1     0x04
#define INTC_PENDING_2     0x08
#define INTC_FIQ_CONTROL   0x0C
#define INTC_ENABLE_1      0x10
#define INTC_ENABLE_BASIC  0x18
#define INTC_DISABLE_1     0x1C
#define INTC_DISABLE_BASIC 0x24

#define BASIC_SOURCES   0xFFU
#define BASIC_PENDING_1 (1U << 8)
#define BASIC_PENDING_2 (1U << 9)
#define BASIC_SHORTCUTS 0x001FFC00U /* bits 10-20: GPU 7, 9, 10, 18, 19, 53-57, 62 */

static vaddr_t intc_base;

void intc_init(vaddr_t registers)
{
	intc_base = registers;
}

void intc_pending(uint32_t *basic, uint32_t *gpu_low, uint32_t *gpu_high)
{
	uint32_t status;

	mmio_barrier();
	status = mmio_read32(intc_base + INTC_BASIC_PENDING);
	*basic = status & BASIC_SOURCES;
	*gpu_low = (status & (BASIC_PENDING_1 | BASIC_SHORTCUTS))
			   ? mmio_read32(intc_base + INTC_PENDING_1)
			   : 0;
	*gpu_high = (status & (BASIC_PENDING_2 | BASIC_SHORTCUTS))
			    ? mmio_read32(intc_base + INTC_PENDING_2)
			    : 0;
	mmio_barrier();
}

void intc_gpu_enable(unsigned n, bool on)
{
	uint32_t reg = (on ? INTC_ENABLE_1 : INTC_DISABLE_1) + (n / 32) * 4;

	mmio_barrier();
	mmio_write32(intc_base + reg, 1U << (n % 32));
	mmio_barrier();
}

void intc_basic_enable(unsigned n, bool on)
{
	mmio_barrier();
	mmio_write32(intc_base + (on ? INTC_ENABLE_BASIC : INTC_DISABLE_BASIC), 1U << n);
	mmio_barrier();
}

void intc_fiq_off(void)
{
	mmio_barrier();
	mmio_write32(intc_base + INTC_FIQ_CONTROL, 0);
	mmio_barrier();
}
