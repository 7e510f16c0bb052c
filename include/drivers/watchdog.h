/*
 * drivers/watchdog.h - the BCM2835 power manager's watchdog, which is how
 * a Pi resets itself: the watchdog is started with a short timeout and the
 * reset configuration set to a full reset. Its registers are not in the
 * "BCM2835 ARM Peripherals" document; the layout (PM_RSTC 0x1C, PM_RSTS
 * 0x20, PM_WDOG 0x24, every write carrying the password 0x5A in its top
 * byte) is the one the firmware, Linux's bcm2835_wdt and QEMU's
 * bcm2835_powermgt agree on.
 */
#ifndef BRAMBLE_DRIVERS_WATCHDOG_H
#define BRAMBLE_DRIVERS_WATCHDOG_H

#include "layout.h"

#define PM_OFFSET         0x100000 /* into the peripheral window */
#define PM_REGISTERS_SIZE 0x28

void watchdog_init(vaddr_t registers);

/*
 * Reset the board: the watchdog fires after WATCHDOG_RESET_TICKS of its
 * 16 us ticks. Under QEMU with -no-reboot the reset ends QEMU. Does not
 * return; if the reset never comes (no watchdog), it says so and halts.
 */
void watchdog_reset(void) __attribute__((noreturn));

#endif /* BRAMBLE_DRIVERS_WATCHDOG_H */
