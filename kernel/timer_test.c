/*
 * kernel/timer_test.c - self-tests of the clock, the tick and timed waits,
 * measured against the one clock the generic timer does not drive: the
 * BCM2835 system timer (1 MHz).
 */
#include "arch/cp15.h"
#include "drivers/systimer.h"
#include "kernel/irq.h"
#include "kernel/ktest.h"
#include "kernel/timer.h"

#define TICK_US (1000000 / TIMER_TICK_HZ)

KTEST(timer, clock_monotonic)
{
	uint64_t previous = clock_ns(), now;
	uint32_t frequency = timer_frequency();

	KT_ASSERT(frequency >= 1000000); /* 19.2 MHz on a Pi 2, 62.5 MHz under QEMU */
	KT_ASSERT_EQ(read_cntfrq() ? read_cntfrq() : TIMER_FALLBACK_HZ, frequency);
	for (int i = 0; i < 2000; i++) {
		now = clock_ns();
		if (now < previous)
			KT_FAIL("clock_ns went back from %llu to %llu",
				(unsigned long long)previous, (unsigned long long)now);
		previous = now;
	}
	/* The conversion: one second of counts is 10^9 ns, also past 2^32 counts. */
	KT_ASSERT(clock_ns() > 0);
}

/*
 * Without -icount, QEMU's clocks follow the host's, and a host that takes
 * the CPU from QEMU for a few milliseconds stretches whatever was being
 * timed then. So a sample over its upper bound is taken again, at most
 * SAMPLES times in all: a kernel that oversleeps does it every time and
 * still fails; one that is short fails at once, since no host can make a
 * wait shorter.
 */
#define SAMPLES 3

/* A sleep of ms milliseconds, by the system timer: at least ms, at most ms plus one tick. */
static uint32_t sleep_us(uint32_t ms)
{
	uint32_t start = systimer_now_us();

	ksleep_ms(ms);
	return systimer_now_us() - start;
}

/* The shortest of up to SAMPLES sleeps, stopping at the first within [ms, ms + a tick]. */
static uint32_t sleep_sampled_us(uint32_t ms)
{
	uint32_t best = UINT32_MAX;

	for (int i = 0; i < SAMPLES; i++) {
		uint32_t slept = sleep_us(ms);

		if (slept < ms * 1000)
			return slept; /* short: a failure, whatever the host did */
		if (slept < best)
			best = slept;
		if (slept <= ms * 1000 + TICK_US)
			break;
	}
	return best;
}

KTEST(timer, sleep_50ms_by_system_timer)
{
	uint64_t clock_start;
	uint32_t slept;

	if (irq_masked())
		KT_SKIP("IRQs are masked here");
	clock_start = clock_ns();
	slept = sleep_sampled_us(50);
	if (slept < 50000 || slept > 50000 + TICK_US)
		KT_FAIL("ksleep_ms(50) took %lu us by the system timer, not 50000-%u",
			(unsigned long)slept, 50000 + TICK_US);
	KT_ASSERT(clock_ns() - clock_start >= 50000000ULL);
}

KTEST(timer, sleep_with_irqs_masked_polls)
{
	uint32_t cpsr = irq_save();
	uint32_t slept = sleep_sampled_us(5);

	irq_restore(cpsr);
	if (slept < 5000 || slept > 5000 + TICK_US)
		KT_FAIL("ksleep_ms(5) with IRQs masked took %lu us, not 5000-%u",
			(unsigned long)slept, 5000 + TICK_US);
}

KTEST(timer, tick_rate)
{
	uint64_t ticks = 0, missed = 0;

	if (irq_masked())
		KT_SKIP("IRQs are masked here");
	/* 100 ms is 10 ticks at 100 Hz; where the first one falls decides 9, 10 or 11. */
	for (int i = 0; i < SAMPLES; i++) {
		missed = timer_missed_ticks();
		ticks = timer_ticks();
		ksleep_ms(100);
		ticks = timer_ticks() - ticks;
		missed = timer_missed_ticks() - missed;
		if (ticks >= TIMER_TICK_HZ / 10 - 1 && ticks <= TIMER_TICK_HZ / 10 + 1 && !missed)
			break;
	}
	if (ticks < TIMER_TICK_HZ / 10 - 1 || ticks > TIMER_TICK_HZ / 10 + 1)
		KT_FAIL("%llu ticks in 100 ms at %u Hz, %d times", (unsigned long long)ticks,
			TIMER_TICK_HZ, SAMPLES);
	KT_ASSERT_EQ(missed, 0);
}

KTEST(timer, delay_us)
{
	uint32_t start, took = UINT32_MAX;

	for (int i = 0; i < SAMPLES && took > 2000 + TICK_US; i++) {
		start = systimer_now_us();
		kdelay_us(2000);
		took = systimer_now_us() - start;
		if (took < 2000)
			break;
	}
	if (took < 2000 || took > 2000 + TICK_US)
		KT_FAIL("kdelay_us(2000) took %lu us", (unsigned long)took);
}
