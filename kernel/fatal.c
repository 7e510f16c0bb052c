/*
 * kernel/fatal.c - fatal_stop() and halt() (kernel/fatal.h).
 */
#include "kernel/fatal.h"

#include <stddef.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/printk.h"
#include "kernel/semihost.h"
#include "kernel/smp.h"
#include "kernel/stack.h"

static fatal_hook_fn fatal_hook;
static const char *stopping_for;
static int stopping_core = -1; /* the core that is stopping the machine */

void fatal_set_hook(fatal_hook_fn hook)
{
	fatal_hook = hook;
}

bool fatal_stopping(void)
{
	return __atomic_load_n(&stopping_core, __ATOMIC_ACQUIRE) >= 0;
}

/*
 * SP_svc = top, from whatever PL1 mode this is. In SVC mode itself the
 * stack in use is the one that got us here, and it is left alone.
 */
static void reset_svc_stack(uintptr_t top)
{
	if ((read_cpsr() & MODE_MASK) == MODE_SVC)
		return;
	__asm__ volatile("mrs r12, cpsr\n\t"
			 "cps #0x13\n\t" /* MODE_SVC */
			 "mov sp, %0\n\t"
			 "msr cpsr_c, r12"
			 :
			 : "r"(top)
			 : "r12", "memory");
}

void halt(void)
{
	__asm__ volatile("cpsid aif" ::: "memory");
	reset_svc_stack(stack_top_svc(read_mpidr() & 3));
	semihost_exit(1);
	kprintf("bramble: halted\n");
	for (;;)
		__asm__ volatile("wfi");
}

void fatal_stop(const char *reason)
{
	int me = (int)(read_mpidr() & 3), first = -1;

	__asm__ volatile("cpsid aif" ::: "memory");
	/*
	 * One core stops the machine: the first to claim it (an atomic
	 * exchange, LDREX/STREX). A second fatal error on that core is
	 * reported in a line; one on another core parks that core for good
	 * (the first is stopping it, or will find it stopped).
	 */
	if (!__atomic_compare_exchange_n(&stopping_core, &first, me, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE)) {
		if (first != me)
			for (;;)
				__asm__ volatile("wfi");
		kprintf("\nfatal: %s, while stopping for: %s\n", reason, stopping_for);
		halt();
	}
	stopping_for = reason;
	smp_stop_others(); /* (before the test runner's Bail out!: the TAP ends with it) */
	if (fatal_hook)
		fatal_hook(reason);
	halt();
}
