/*
 * drivers/systimer.c - the BCM2835 system timer: its free-running counter,
 * and the compares the ARM may use.
 */
#include "drivers/systimer.h"

#include "arch/mmio.h"

static vaddr_t systimer_base;

void systimer_init(vaddr_t registers)
{
	systimer_base = registers;
}

uint32_t systimer_now_us(void)
{
	uint32_t now;

	mmio_barrier();
	now = mmio_read32(systimer_base + SYSTIMER_CLO);
	mmio_barrier();
	return now;
}

void systimer_delay_us(uint32_t us)
{
	uint32_t start = systimer_now_us();

	/* +1: the first tick may come at once, so wait one more to be sure of us. */
	while (systimer_now_us() - start < us + 1)
		;
}

void systimer_arm_match(unsigned n, uint32_t us)
{
	mmio_barrier();
	mmio_write32(systimer_base + SYSTIMER_CS, 1U << n); /* an old match off first */
	mmio_write32(systimer_base + SYSTIMER_C0 + 4 * n,
		     mmio_read32(systimer_base + SYSTIMER_CLO) + us);
	mmio_barrier();
}

void systimer_clear_match(unsigned n)
{
	mmio_barrier();
	mmio_write32(systimer_base + SYSTIMER_CS, 1U << n);
	mmio_barrier();
}
