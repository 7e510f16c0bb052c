/*
 * drivers/watchdog.c - resetting the board through the power manager's
 * watchdog (drivers/watchdog.h).
 */
#include "drivers/watchdog.h"

#include "arch/mmio.h"
#include "drivers/systimer.h"
#include "kernel/fatal.h"
#include "kernel/printk.h"

#define PM_RSTC 0x1C
#define PM_WDOG 0x24

#define PM_PASSWORD          0x5A000000U
#define PM_RSTC_WRCFG_MASK   0x00000030U
#define PM_RSTC_WRCFG_FULL   0x00000020U /* the watchdog's expiry resets everything */
#define PM_WDOG_TIME_MASK    0x000FFFFFU
#define WATCHDOG_RESET_TICKS 10     /* 160 us */
#define RESET_WAIT_US        100000 /* ample for a timeout of 160 us */

static vaddr_t pm_base;

void watchdog_init(vaddr_t registers)
{
	pm_base = registers;
}

void watchdog_reset(void)
{
	uint32_t rstc, start;

	__asm__ volatile("cpsid if" ::: "memory");
	if (pm_base) {
		mmio_barrier();
		rstc = mmio_read32(pm_base + PM_RSTC);
		mmio_write32(pm_base + PM_WDOG,
			     PM_PASSWORD | (WATCHDOG_RESET_TICKS & PM_WDOG_TIME_MASK));
		mmio_write32(pm_base + PM_RSTC,
			     PM_PASSWORD | (rstc & ~PM_RSTC_WRCFG_MASK) | PM_RSTC_WRCFG_FULL);
		mmio_barrier();
		start = systimer_now_us();
		while (systimer_now_us() - start < RESET_WAIT_US)
			;
	}
	kprintf("watchdog: the reset did not come\n");
	halt();
}
