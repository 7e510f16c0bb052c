/*
 * bench/bench.c - the benchmark runner (kernel/bench.h).
 */
#include "lib/xorshift.h"
#include "kernel/bench.h"

#include "kernel/printk.h"
#include "kernel/smp.h"
#include "layout.h"

extern const struct kbench __kbench_start[], __kbench_end[];

static uint32_t random_state = 0x9E3779B9;

uint32_t bench_random(void)
{
	return xorshift32(&random_state);
}

uint32_t bench_overhead(void)
{
	uint32_t best = 0xFFFFFFFF;

	for (int i = 0; i < 8; i++) {
		uint32_t start = bench_now();
		uint32_t stop = bench_now();

		if (stop - start < best)
			best = stop - start;
	}
	return best;
}

static void user_cycle_counter(void *unused)
{
	(void)unused;
	__asm__ volatile("mcr p15, 0, %0, c9, c14, 0\n\tisb" : : "r"(1) : "memory");
}

void bench_run_all(void)
{
	kprintf("bench: guest instructions (PMCCNTR under -icount shift=0,sleep=off), "
		"measurement overhead %lu subtracted; without -icount (the console's bench under "
		"make run) the counter follows the host's clock, and a difference that comes out "
		"below 0 is shown as 0\n",
		(unsigned long)bench_overhead());
	/*
	 * Let PL0 read the cycle counter (PMUSERENR.EN, B4.1.123), so user
	 * programs can time themselves: the benchmark image only; the kernel
	 * proper leaves PL0 without the PMU.
	 */
	user_cycle_counter(NULL);
	for (unsigned core = 1; core < CORE_COUNT; core++) /* (each core has its own PMU) */
		if (smp_online() & (1U << core))
			smp_call(core, user_cycle_counter, NULL);
	for (const struct kbench *bench = __kbench_start; bench < __kbench_end; bench++) {
		kprintf("bench: --- %s\n", bench->name);
		bench->run();
	}
	kprintf("bench: done\n");
}

void bench_target(const char *what, uint32_t value, uint32_t target)
{
	if (value > target)
		kprintf("bench: OVER TARGET: %s: %lu, target %lu\n", what, (unsigned long)value,
			(unsigned long)target);
}

uint32_t bench_less(uint32_t a, uint32_t b)
{
	return a > b ? a - b : 0;
}
