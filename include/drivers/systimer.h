/*
 * drivers/systimer.h - the BCM2835 system timer: a free-running 1 MHz
 * counter ("BCM2835 ARM Peripherals", chapter 12). Usable from assembly.
 */
#ifndef BRAMBLE_DRIVERS_SYSTIMER_H
#define BRAMBLE_DRIVERS_SYSTIMER_H

#define SYSTIMER_OFFSET         0x3000  /* into the peripheral window */
#define SYSTIMER_CLO            0x04    /* counter, low 32 bits */
#define SYSTIMER_HZ             1000000

#endif /* BRAMBLE_DRIVERS_SYSTIMER_H */
