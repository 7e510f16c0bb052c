/*
 * kernel/smp_test.c - cores 1-3 up: each parked core arrived in C with
 * the state boot/start.S promises (kernel/smp.h).
 */
#include "kernel/smp.h"

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/boot_info.h"
#include "kernel/error.h"
#include "kernel/ktest.h"
#include "kernel/stack.h"

#define SCTLR_MMU_CACHES (SCTLR_M | SCTLR_C | SCTLR_I)

extern const uint8_t vectors_start[];

KTEST(smp, parked_cores_online)
{
	/* Every core the boot parked is online (core 0 too). */
	KT_ASSERT_EQ(boot_info.parked_cores | 1U, smp_online());
}

KTEST(smp, each_core_as_core_0)
{
	for (unsigned core = 1; core < CORE_COUNT; core++) {
		const struct core_report *r = smp_report(core);
		uintptr_t stack_top = stack_top_svc(core);

		if (!(smp_online() & (1U << core)))
			continue;
		KT_ASSERT_EQ(core, r->mpidr & 3);
		KT_ASSERT((r->actlr & ACTLR_SMP) == (read_actlr() & ACTLR_SMP)); /* as core 0's */
		KT_ASSERT_EQ(SCTLR_MMU_CACHES, r->sctlr & SCTLR_MMU_CACHES);
		KT_ASSERT_EQ(TTBCR_N_2GIB | TTBCR_PD0, r->ttbcr);
		KT_ASSERT_EQ(read_ttbr1(), r->ttbr1); /* the same table, the same walk attributes */
		KT_ASSERT_EQ((uint32_t)(uintptr_t)vectors_start, r->vbar);
		KT_ASSERT(r->sp < stack_top && r->sp > stack_top - 4096); /* on its own SVC stack */
		KT_ASSERT_EQ(MODE_SVC, r->cpsr & MODE_MASK);
		KT_ASSERT(r->cpsr & PSR_I);
	}
}

struct where {
	uint32_t core;
	uint32_t thread;
	uint32_t cpsr;
};

static void record_where(void *arg)
{
	struct where *w = arg;

	w->core = read_mpidr() & 3;
	w->thread = read_tpidrprw();
	w->cpsr = read_cpsr();
}

/* An IPI has each core run a function: on that core, in its IRQ handler, and back. */
KTEST(smp, call_runs_on_each_core)
{
	for (unsigned core = 1; core < CORE_COUNT; core++) {
		struct where w = { 0xFF, 0, 0 };
		uint32_t before = smp_ipis(core);

		if (!(smp_online() & (1U << core)))
			continue;
		KT_ASSERT_EQ(0, smp_call(core, record_where, &w));
		KT_ASSERT_EQ(core, w.core);
		KT_ASSERT(w.thread != 0 && w.thread != read_tpidrprw()); /* its own thread struct */
		KT_ASSERT(w.cpsr & PSR_I);                               /* in a handler */
		KT_ASSERT_EQ(before + 1, smp_ipis(core));
	}
	KT_ASSERT_EQ(ERR_INVALID, smp_call(0, record_where, NULL)); /* not to itself */
	KT_ASSERT_EQ(ERR_INVALID, smp_call(CORE_COUNT, record_where, NULL));
}
