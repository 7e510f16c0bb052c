/*
 * kernel/bench.h - benchmarks: code paths measured in guest instructions.
 *
 * Benchmarks are compiled only into the benchmark image (make bench), never
 * into kernel7.img. Each registers itself with KBENCH(name) in the .kbench
 * section; the benchmark image runs them all instead of the self-tests. A
 * benchmark prints figures; it never fails on them.
 *
 * Under QEMU with -icount shift=0,sleep=off the cycle counter (PMCCNTR,
 * started by boot/start.S) counts one per guest instruction, and every
 * reading is the same from run to run.
 */
#ifndef BRAMBLE_KERNEL_BENCH_H
#define BRAMBLE_KERNEL_BENCH_H

#include <stdint.h>

struct kbench {
	const char *name;
	void (*run)(void);
};

#define KBENCH(name)                                                                              \
	static void kbench_##name(void);                                                          \
	static const struct kbench kbench_record_##name                                           \
		__attribute__((used, section(".kbench"), aligned(4))) = { #name, kbench_##name }; \
	static void kbench_##name(void)

/*
 * The cycle counter, as a compiler barrier too: no memory access moves
 * across it, so a measured call is measured alone. Measure calls from a
 * noinline function of their own, so that nothing else of the caller gets
 * scheduled between the two readings.
 */
static inline uint32_t bench_now(void)
{
	uint32_t value;

	__asm__ volatile("mrc p15, 0, %0, c9, c13, 0" : "=r"(value) : : "memory");
	return value;
}

/* What two back-to-back bench_now() calls measure: subtract it from every interval. */
uint32_t bench_overhead(void);

/* A small deterministic generator for benchmark inputs. */
uint32_t bench_random(void);

/* Run every registered benchmark. */
void bench_run_all(void);

/*
 * A figure against its target: a line "bench: OVER TARGET: ..." when
 * value is above it, which scripts/bench turns into a failed make bench.
 */
void bench_target(const char *what, uint32_t value, uint32_t target);

/* a - b, or 0 when b is larger (a counter that is not counting instructions). */
uint32_t bench_less(uint32_t a, uint32_t b);

#endif /* BRAMBLE_KERNEL_BENCH_H */
