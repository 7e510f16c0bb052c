/*
 * kernel/smp.h - bringing cores 1-3 up.
 *
 * The boot parks cores 1-3 in the kernel's own loop (boot/start.S, step
 * 7). smp_boot() sends each parked one to secondary_entry through its
 * mailbox 3, the protocol it waits on: it leaves HYP, sets ACTLR.SMP,
 * turns its MMU and caches on with the kernel's own table and attributes
 * (through an identity section core 0 maps for the while), takes its own
 * stacks and the vectors, and reaches secondary_main() in C, where it
 * records what it found, starts its own tick and says it is online; then
 * it joins the scheduler (kernel/thread.h) and runs its idle thread, which
 * sleeps in wfi until a thread is queued for it or an inter-processor
 * interrupt comes (its mailbox 1): smp_call() has it run a function.
 */
#ifndef BRAMBLE_KERNEL_SMP_H
#define BRAMBLE_KERNEL_SMP_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"

/* What a core found on arriving in C, for the self-tests and the banner. */
struct core_report {
	volatile uint32_t online; /* written last, after a DMB */
	uint32_t mpidr, actlr, sctlr, ttbcr, ttbr1, vbar, sp, cpsr;
};

/*
 * Start the parked cores 1-3 and wait for each (at most 100 ms of the
 * system timer per core). Returns the mask of cores online, core 0's bit
 * included.
 */
uint32_t smp_boot(void);

/* Cores online (bit n: core n), and what core n reported. */
uint32_t smp_online(void);
const struct core_report *smp_report(unsigned core);

/*
 * Have core run fn(arg) in its IPI handler, and wait until it has (at most
 * 100 ms): 0, ERR_INVALID (no such core online, the caller's own, no fn)
 * or ERR_TIMEOUT. One call at a time across the kernel (a lock).
 */
int smp_call(unsigned core, void (*fn)(void *arg), void *arg);

/*
 * A fatal stop: every other core online stops where it is (an IPI; it
 * stays in its handler with IRQs masked), and where each was is printed.
 */
void smp_stop_others(void);

/*
 * The scheduler's IPIs: have core look at its run queue again (a thread
 * was queued for it while it idled), or set its timer for the scheduler's
 * first sleeper (core 0, which wakes them).
 */
void smp_send_resched(unsigned core);
void smp_send_timer(unsigned core);

/* IPIs core has taken, for the tests and the bench. */
uint32_t smp_ipis(unsigned core);

/* boot/start.S's secondary_high calls this on cores 1-3: never returns. */
void secondary_main(unsigned core) __attribute__((noreturn));

#endif /* BRAMBLE_KERNEL_SMP_H */
