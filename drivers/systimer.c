/*
 * drivers/systimer.c - the BCM2835 system timer's free-running counter.
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
