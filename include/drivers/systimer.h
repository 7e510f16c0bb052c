/*
 * drivers/systimer.h - the BCM2835 system timer: a free-running 1 MHz
 * counter ("BCM2835 ARM Peripherals", chapter 12). Usable from assembly.
 */
#ifndef BRAMBLE_DRIVERS_SYSTIMER_H
#define BRAMBLE_DRIVERS_SYSTIMER_H

#define SYSTIMER_OFFSET         0x3000 /* into the peripheral window */
#define SYSTIMER_REGISTERS_SIZE 0x1C   /* CS, CLO, CHI, C0-C3 (BCM2835 12.1) */
#define SYSTIMER_CS             0x00   /* match flags: write 1 to clear (BCM2835 12.2) */
#define SYSTIMER_CLO            0x04   /* counter, low 32 bits */
#define SYSTIMER_C0             0x0C   /* compare 0; C1-C3 follow, 4 bytes apart */
#define SYSTIMER_HZ             1000000

#ifndef __ASSEMBLER__
#include <stdint.h>

#include "layout.h"

void systimer_init(vaddr_t registers);

/* Microseconds since the timer started (wraps after about 71 minutes). */
uint32_t systimer_now_us(void);

/* Wait at least us microseconds. */
void systimer_delay_us(uint32_t us);

/*
 * Compare n (1 or 3: the ARM's; 0 and 2 are the VideoCore's) matches us
 * microseconds from now, and its interrupt (IRQ_SYSTIMER(n)) is asserted
 * until systimer_clear_match(n).
 */
void systimer_arm_match(unsigned n, uint32_t us);
void systimer_clear_match(unsigned n);
#endif

#endif /* BRAMBLE_DRIVERS_SYSTIMER_H */
