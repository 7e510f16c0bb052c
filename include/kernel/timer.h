/*
 * kernel/timer.h - time: a monotonic clock, the periodic tick, timed waits.
 *
 * Everything runs on the ARM generic timer's virtual counter and virtual
 * timer (CNTVCT, CNTV_CVAL; ARM ARM chapter B8). The virtual timer looks
 * the same from every loader: the boot stub sets CNTVOFF to 0 when it is
 * entered in Hyp, and otherwise the loader left it 0; its interrupt
 * arrives on the same core-local line in either security state (the
 * physical timer's registers are banked by security state, and its line
 * differs: kernel/irq.h). The counter counts at CNTFRQ, which the
 * firmware or QEMU set (19.2 MHz on a Pi 2, 62.5 MHz under QEMU).
 */
#ifndef BRAMBLE_KERNEL_TIMER_H
#define BRAMBLE_KERNEL_TIMER_H

#include <stdint.h>

/* The tick: TIMER_TICK_HZ interrupts a second on every core that runs the timer. */
#define TIMER_TICK_HZ 100

/* When CNTFRQ reads 0 (nobody set it), the Pi 2's crystal. */
#define TIMER_FALLBACK_HZ 19200000

/* Start this core's tick (IRQ_CNTV). Prints the frequency it runs from. */
void timer_init(void);

/* Nanoseconds since the counter started; never goes backwards. */
uint64_t clock_ns(void);

/* The counter and its frequency. */
uint64_t timer_count(void);
uint32_t timer_frequency(void);

/* Ticks this core has taken, and ticks it missed (IRQs masked too long). */
uint64_t timer_ticks(void);
uint64_t timer_missed_ticks(void);

/*
 * Wait at least ms milliseconds, the core asleep in wfi: the timer is set
 * for the end of the wait, so it ends within the counter's resolution and
 * the interrupt latency. With IRQs masked it polls the counter instead.
 */
void ksleep_ms(uint32_t ms);

/* CNTV_CTL as timer_init found it (the boot stub stops the timer: a self-test checks). */
uint32_t timer_ctl_at_init(void);

/*
 * The scheduler's first sleeper changed (kernel/thread.c, under its lock):
 * its deadline is first. Core 0's timer wakes the sleepers: on core 0 it
 * is set at once, from another core through an IPI, whose handler calls
 * timer_sync_wakeup() (which asks the scheduler for the first deadline).
 */
void timer_wakeup_changed(uint64_t first);
void timer_sync_wakeup(void);

/* Cores 1-3: this core's own tick (its virtual timer, its interrupt routed to it). */
void timer_init_secondary(void);

/* The counter value us microseconds from now. */
uint64_t timer_count_after_us(uint64_t us);

/* Wait at least us microseconds, polling the counter (no interrupts needed). */
void kdelay_us(uint32_t us);

#endif /* BRAMBLE_KERNEL_TIMER_H */
