/*
 * bench/lock_bench.c - what a spinlock costs when nobody else wants it
 * (make bench): the price every locked path pays on one core, before any
 * contention. LDREX/STREX, the DMBs, the DSB and SEV are each one
 * instruction under -icount; on a Cortex-A7 the barriers cost more.
 */
#include "kernel/bench.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
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

static void nothing(void *arg)
{
	(void)arg;
}

/*
 * An IPI's round trip: core 0 asks core 1 to run an empty function and
 * waits for its answer (the mailbox write, core 1's IRQ entry, dispatch,
 * the call, its done, and core 0 seeing it). Under -icount QEMU runs the
 * cores in turn, so the figure counts both cores' instructions and the
 * turns between them: an upper bound on the work, not a latency.
 */
KBENCH(ipi_round_trip)
{
	uint32_t start, total;

	if (!(smp_online() & 2)) {
		kprintf("ipi: skipped, core 1 is not online\n");
		return;
	}
	(void)smp_call(1, nothing, NULL);
	start = bench_now();
	for (unsigned i = 0; i < 100; i++)
		(void)smp_call(1, nothing, NULL);
	total = bench_now() - start;
	kprintf("ipi: call of an empty function on core 1, round trip: %lu instructions\n",
		(unsigned long)(total / 100));
}
