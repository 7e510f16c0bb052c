/*
 * bench/lock_bench.c - what a spinlock costs when nobody else wants it
 * (make bench): the price every locked path pays on one core, before any
 * contention. LDREX/STREX, the DMBs, the DSB and SEV are each one
 * instruction under -icount; on a Cortex-A7 the barriers cost more.
 */
#include "kernel/bench.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"

#define ROUNDS 1000

static const struct lock_class bench_class = { 1000, "bench" };

KBENCH(spinlock_uncontended)
{
	struct spinlock lock = SPINLOCK_INIT(&bench_class);
	uint32_t start, loop, locked, saved;

	start = bench_now();
	for (unsigned i = 0; i < ROUNDS; i++)
		__asm__ volatile("" ::: "memory");
	loop = bench_now() - start;
	start = bench_now();
	for (unsigned i = 0; i < ROUNDS; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	locked = bench_now() - start;
	start = bench_now();
	for (unsigned i = 0; i < ROUNDS; i++)
		spin_unlock_irqrestore(&lock, spin_lock_irqsave(&lock));
	saved = bench_now() - start;
	kprintf("lock: spin_lock + spin_unlock, uncontended: %lu instructions; with irqsave/"
		"irqrestore: %lu\n",
		(unsigned long)((locked - loop) / ROUNDS),
		(unsigned long)((saved - loop) / ROUNDS));
}
