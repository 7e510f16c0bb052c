/*
 * kernel/timer.c - the clock, the tick and timed waits (kernel/timer.h).
 *
 * Each core's virtual timer has one compare value, CNTV_CVAL: the timer
 * interrupt is asserted while the count is at or past it (ARM ARM B8.1.4,
 * the timer condition), so writing a later value is also what takes the
 * interrupt back. The core keeps two deadlines, its next tick and the end
 * of a sleep, and the compare value is always the earlier of the two. The
 * tick's deadlines advance by whole periods from the first, so ticks do
 * not drift with interrupt latency; when IRQs stayed masked across whole
 * periods, those ticks are counted as missed instead of being taken late
 * in a burst.
 */
#include "kernel/timer.h"

#include <stdbool.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
#include "kernel/thread.h"
#include "layout.h"

struct core_timer {
	uint64_t next_tick;      /* the count of the next tick */
	uint64_t sleep_deadline; /* the end of a sleep, or 0 */
	uint64_t wakeup;         /* core 0: the scheduler's first sleeper's deadline, or 0 */
	uint64_t ticks;
	uint64_t missed;
};

static struct core_timer core_timers[CORE_COUNT];
static uint32_t frequency = TIMER_FALLBACK_HZ;
static uint64_t period; /* counts per tick */
static uint32_t ctl_at_init;

static struct core_timer *this_timer(void)
{
	return &core_timers[read_mpidr() & 3];
}

uint64_t timer_count(void)
{
	return read_cntvct();
}

uint32_t timer_frequency(void)
{
	return frequency;
}

uint64_t clock_ns(void)
{
	uint64_t count = read_cntvct();

	return count / frequency * 1000000000ULL + count % frequency * 1000000000ULL / frequency;
}

uint32_t timer_ctl_at_init(void)
{
	return ctl_at_init;
}

uint64_t timer_ticks(void)
{
	return this_timer()->ticks;
}

uint64_t timer_missed_ticks(void)
{
	return this_timer()->missed;
}

/*
 * The compare value: the earliest of the next tick, the end of a polled
 * sleep and (on core 0, which wakes the scheduler's sleepers) the first
 * sleeper's deadline. The ISB makes the new timer condition take effect
 * before anything that relies on it.
 */
static void program(const struct core_timer *timer)
{
	uint64_t deadline = timer->next_tick, wakeup = timer->wakeup;

	if (timer->sleep_deadline && timer->sleep_deadline < deadline)
		deadline = timer->sleep_deadline;
	if (wakeup && wakeup < deadline)
		deadline = wakeup;
	write_cntv_cval(deadline);
	isb();
}

void timer_wakeup_changed(uint64_t first)
{
	uint32_t cpsr = irq_save();

	if ((read_mpidr() & 3) == 0) {
		core_timers[0].wakeup = first;
		if (period)
			program(&core_timers[0]);
	} else {
		smp_send_timer(0); /* core 0 asks the scheduler itself (timer_sync_wakeup) */
	}
	irq_restore(cpsr);
}

void timer_sync_wakeup(void)
{
	uint64_t first = sched_next_wakeup();
	uint32_t cpsr = irq_save();

	core_timers[0].wakeup = first;
	if (period)
		program(&core_timers[0]);
	irq_restore(cpsr);
}

static void timer_interrupt(void *unused)
{
	unsigned core = read_mpidr() & 3;
	struct core_timer *timer = &core_timers[core];
	uint64_t now = read_cntvct();

	(void)unused;

	if (now >= timer->next_tick) {
		uint64_t late = (now - timer->next_tick) / period;

		timer->ticks++;
		timer->missed += late;
		timer->next_tick += (late + 1) * period;
		sched_tick();
	}
	if (timer->sleep_deadline && now >= timer->sleep_deadline)
		timer->sleep_deadline = 0; /* the sleeper sees the count and goes on */
	if (core == 0)
		timer->wakeup = sched_wake_sleepers(now);
	program(timer);
}

/* This core's tick: its virtual timer, the next tick a period away, its line routed here. */
static void start_tick(struct core_timer *timer)
{
	write_cntv_ctl(0);
	timer->next_tick = read_cntvct() + period;
	timer->sleep_deadline = 0;
	timer->wakeup = 0;
	program(timer);
}

void timer_init_secondary(void)
{
	start_tick(this_timer());
	(void)irq_enable(IRQ_CNTV); /* a core-local line: routed on this core */
	write_cntv_ctl(CNT_CTL_ENABLE);
	isb();
}

void timer_init(void)
{
	struct core_timer *timer = this_timer();
	uint32_t cntfrq = read_cntfrq();
	int error;

	ctl_at_init = read_cntv_ctl();
	if (cntfrq)
		frequency = cntfrq;
	period = frequency / TIMER_TICK_HZ;
	start_tick(timer);
	error = irq_register(IRQ_CNTV, timer_interrupt, NULL);
	if (error == 0)
		error = irq_enable(IRQ_CNTV);
	if (error)
		panic("timer: cannot take the virtual timer's interrupt (line %u): %d", IRQ_CNTV,
		      error);
	write_cntv_ctl(CNT_CTL_ENABLE); /* interrupt unmasked at the timer */
	isb();
	if (cntfrq)
		kprintf("timer: generic timer at %lu Hz (CNTFRQ), tick %u Hz on the virtual timer\n",
			(unsigned long)frequency, TIMER_TICK_HZ);
	else
		kprintf("timer: CNTFRQ reads 0 (no loader set it): assumed %lu Hz, tick %u Hz\n",
			(unsigned long)frequency, TIMER_TICK_HZ);
}

uint64_t timer_count_after_us(uint64_t us)
{
	return read_cntvct() + (us * frequency + 999999) / 1000000;
}

void kdelay_us(uint32_t us)
{
	uint64_t deadline = timer_count_after_us(us);

	while (read_cntvct() < deadline)
		;
}

void ksleep_ms(uint32_t ms)
{
	uint64_t deadline = timer_count_after_us((uint64_t)ms * 1000);
	struct core_timer *timer;
	uint32_t cpsr;

	if (irq_masked() || period == 0) { /* no interrupt will come: poll */
		while (read_cntvct() < deadline)
			;
		return;
	}
	if (sched_running()) {
		(void)thread_sleep_until(
			deadline); /* an interrupted sleep is the caller's to see */
		return;
	}
	timer = this_timer();
	cpsr = irq_save();
	timer->sleep_deadline = deadline;
	program(timer);
	while (read_cntvct() < deadline)
		irq_wait();
	timer->sleep_deadline = 0;
	program(timer);
	irq_restore(cpsr);
}
