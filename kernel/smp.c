/*
 * kernel/smp.c - bringing cores 1-3 up (kernel/smp.h).
 */
#include "kernel/smp.h"

#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "drivers/bcm2836_local.h"
#include "kernel/boot_info.h"
#include "kernel/printk.h"
#include "kernel/thread.h"
#include "kernel/timer.h"
#include "mm/descriptor.h"

#define ARRIVAL_WAIT_US 100000 /* a core that has not arrived by then is left where it is */

void secondary_entry(void); /* boot/start.S: physical, in the boot stub */

static struct core_report reports[CORE_COUNT];
/* What TPIDRPRW points at on each core: a thread of no process, so current_thread() is sane. */
static struct thread core_threads[CORE_COUNT];
static uint32_t online = 1; /* core 0 */

static uint32_t read_sp(void)
{
	uint32_t sp;

	__asm__ volatile("mov %0, sp" : "=r"(sp));
	return sp;
}

void secondary_main(unsigned core)
{
	struct core_report *r = &reports[core];

	write_tpidrprw((uint32_t)&core_threads[core]);
	r->mpidr = read_mpidr();
	r->actlr = read_actlr();
	r->sctlr = read_sctlr();
	r->ttbcr = read_ttbcr();
	r->ttbr1 = read_ttbr1();
	r->vbar = read_vbar();
	r->sp = read_sp();
	r->cpsr = read_cpsr();
	dmb(); /* the report is seen before the flag that says it is there */
	r->online = 1;
	dsb();
	__asm__ volatile("sev");
	for (;;)
		__asm__ volatile("wfi"); /* IRQs masked: nothing is taken here yet */
}

uint32_t smp_boot(void)
{
	uint32_t *l1 = (uint32_t *)VIRT_L1_TABLE;
	uint32_t entry = (uint32_t)(uintptr_t)secondary_entry;
	unsigned slot = entry >> SECTION_SHIFT;

	/*
	 * The identity section the cores turn their MMU on through: kernel-only,
	 * read-only and executable, in the kernel's table below 0x80000000,
	 * which core 0 never walks (TTBCR.N = 1). Cleaned to the point of
	 * coherency: the cores' first walks may come before their caches
	 * join the coherent domain.
	 */
	l1[slot] = descriptor_section(entry & ~(SECTION_SIZE - 1), MEM_NORMAL, MEM_EXEC);
	dcache_clean_line_poc((uint32_t)(uintptr_t)&l1[slot]);
	dsb();
	for (unsigned core = 1; core < CORE_COUNT; core++) {
		uint64_t deadline;

		if (!(boot_info.parked_cores & (1U << core)))
			continue;
		local_mailbox_set(core, LOCAL_BOOT_MAILBOX, entry);
		dsb();
		__asm__ volatile("sev");
		deadline = timer_count_after_us(ARRIVAL_WAIT_US);
		/*
		 * YIELD in the wait: a hint to a multithreading core, and where QEMU's
		 * TCG, running the cores in turn in one thread (as under -icount),
		 * lets the others run; a plain spin would keep the woken core from
		 * ever arriving there.
		 */
		while (!reports[core].online && timer_count() < deadline)
			__asm__ volatile("yield" ::: "memory");
		dmb();
		if (reports[core].online)
			online |= 1U << core;
		else
			kprintf("smp: core %u did not arrive within %u ms: it stays parked\n", core,
				ARRIVAL_WAIT_US / 1000);
	}
	/* The identity section goes, from every core's TLB (B3.10.1, B3.10.5). */
	l1[slot] = 0;
	dcache_clean_line_poc((uint32_t)(uintptr_t)&l1[slot]);
	dsb();
	tlb_invalidate_all_is();
	bp_invalidate_all_is();
	dsb();
	isb();
	return online;
}

uint32_t smp_online(void)
{
	return online;
}

const struct core_report *smp_report(unsigned core)
{
	return core < CORE_COUNT ? &reports[core] : NULL;
}
