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
#include "kernel/error.h"
#include "kernel/fpu.h"
#include "kernel/irq.h"
#include "kernel/ksyms.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"
#include "kernel/thread.h"
#include "kernel/timer.h"
#include "mm/descriptor.h"

#define ARRIVAL_WAIT_US 100000 /* a core that has not arrived by then is left where it is */
#define CALL_WAIT_US    100000 /* a core that has not run a call by then: ERR_TIMEOUT */
#define IPI_MAILBOX     1      /* mailbox 0 is the self-tests', 3 the boot's */
#define IPI_CALL        (1U << 0)
#define IPI_STOP        (1U << 1)
#define IPI_RESCHED     (1U << 2)
#define IPI_TIMER       (1U << 3)
#define STOP_WAIT_US    10000 /* a core that has not stopped by then is reported as such */

void secondary_entry(void); /* boot/start.S: physical, in the boot stub */

static struct core_report reports[CORE_COUNT];
static uint32_t online = 1; /* core 0 */

/* A call for a core to run (smp_call): one at a time, under call_lock. */
static struct {
	void (*fn)(void *arg);
	void *arg;
	volatile uint32_t done;
} calls[CORE_COUNT];
static uint32_t ipis[CORE_COUNT];

/* Where each core was when a stop reached it (smp_stop_others). */
static struct {
	volatile uint32_t stopped;
	uint32_t pc, lr, sp, cpsr;
} stops[CORE_COUNT];
static const struct lock_class call_class = { LOCK_RANK_SMP_CALL, "smp call" };
static struct spinlock call_lock = SPINLOCK_INIT(&call_class);

static unsigned this_core(void)
{
	return read_mpidr() & 3;
}

/*
 * The inter-processor interrupt: a write to the core's mailbox 1, each bit
 * a request. A call runs here, in the target core's IRQ handler, and says
 * it is done after a DMB, so that the caller sees everything it wrote.
 */
static void ipi_interrupt(void *unused)
{
	unsigned core = this_core();
	uint32_t bits = local_mailbox_read(core, IPI_MAILBOX);

	(void)unused;
	local_mailbox_clear(core, IPI_MAILBOX, bits);
	/*
	 * Counted first: a caller that sees its call done, or a sleeper this
	 * IPI wakes, must find it counted already.
	 */
	ipis[core]++;
	if (bits & IPI_CALL) {
		dmb(); /* the caller's fn and arg, written before its mailbox write */
		calls[core].fn(calls[core].arg);
		dmb();
		calls[core].done = 1;
		dsb();
		__asm__ volatile("sev");
	}
	if (bits & IPI_RESCHED)
		sched_resched_ipi();
	if (bits & IPI_TIMER)
		timer_sync_wakeup();
	if (bits & IPI_STOP) {
		const struct exception_frame *frame = irq_frame();

		stops[core].pc = frame->pc;
		stops[core].lr = frame->lr;
		stops[core].sp = frame->sp;
		stops[core].cpsr = frame->cpsr;
		dmb();
		stops[core].stopped = 1;
		dsb();
		__asm__ volatile("sev");
		for (;;)
			__asm__ volatile("wfi"); /* IRQs masked (a handler): stopped for good */
	}
}

static uint32_t read_sp(void)
{
	uint32_t sp;

	__asm__ volatile("mov %0, sp" : "=r"(sp));
	return sp;
}

void secondary_main(unsigned core)
{
	struct core_report *r = &reports[core];

	/* Its idle thread, before anything that asks for the current thread. */
	write_tpidrprw((uint32_t)sched_idle_thread(core));
	r->mpidr = read_mpidr();
	r->actlr = read_actlr();
	r->sctlr = read_sctlr();
	r->ttbcr = read_ttbcr();
	r->ttbr1 = read_ttbr1();
	r->vbar = read_vbar();
	r->sp = read_sp();
	r->cpsr = read_cpsr();
	/* Its interrupts: the IPI mailbox, and no longer the boot one (it is done with). */
	local_mailbox_irq(core, LOCAL_BOOT_MAILBOX, false);
	local_mailbox_irq(core, IPI_MAILBOX, true);
	timer_init_secondary();
	fpu_init_secondary();
	dmb(); /* the report is seen before the flag that says it is there */
	r->online = 1;
	dsb();
	__asm__ volatile("sev");
	sched_start_secondary(core); /* its idle thread, from here on */
}

/* A request to core through its IPI mailbox: one bit, set with the mailbox's own write-to-set. */
static void send(unsigned core, uint32_t bit)
{
	if (core < CORE_COUNT && (online & (1U << core))) {
		dsb(); /* what the request is about (a queued thread, a sleeper) is seen first */
		local_mailbox_set(core, IPI_MAILBOX, bit);
	}
}

void smp_send_resched(unsigned core)
{
	send(core, IPI_RESCHED);
}

void smp_send_timer(unsigned core)
{
	send(core, IPI_TIMER);
}

int smp_call(unsigned core, void (*fn)(void *arg), void *arg)
{
	uint64_t deadline;
	int error = 0;

	if (core >= CORE_COUNT || core == this_core() || !(online & (1U << core)) || !fn)
		return ERR_INVALID;
	spin_lock(&call_lock);
	calls[core].fn = fn;
	calls[core].arg = arg;
	calls[core].done = 0;
	dmb();
	local_mailbox_set(core, IPI_MAILBOX, IPI_CALL);
	deadline = timer_count_after_us(CALL_WAIT_US);
	while (!calls[core].done && timer_count() < deadline)
		__asm__ volatile("yield" ::: "memory"); /* (as in smp_boot) */
	dmb();                                          /* what fn wrote, seen after its done */
	if (!calls[core].done) {
		/*
		 * It may still run fn, late, on an arg that is gone by then, and
		 * then say done: its slot is never used again (no call is taken
		 * for another's answer).
		 */
		online &= ~(1U << core);
		kprintf("smp: core %u did not answer a call within %u ms: no more calls to it\n",
			core, CALL_WAIT_US / 1000);
		error = ERR_TIMEOUT;
	}
	spin_unlock(&call_lock);
	return error;
}

uint32_t smp_ipis(unsigned core)
{
	return core < CORE_COUNT ? ipis[core] : 0;
}

uint32_t smp_boot(void)
{
	uint32_t *l1 = (uint32_t *)VIRT_L1_TABLE;
	uint32_t entry = (uint32_t)(uintptr_t)secondary_entry;
	unsigned slot = entry >> SECTION_SHIFT;
	bool late = false;

	/*
	 * The identity section the cores turn their MMU on through: kernel-only,
	 * read-only and executable, in the kernel's table below 0x80000000,
	 * which core 0 never walks (TTBCR.N = 1). Cleaned to the point of
	 * coherency: the cores' first walks may come before their caches
	 * join the coherent domain.
	 */
	/* Every core takes IPIs, core 0 too (a fatal stop on another core stops it). */
	if (irq_register(IRQ_MAILBOX(IPI_MAILBOX), ipi_interrupt, NULL) ||
	    irq_enable(IRQ_MAILBOX(IPI_MAILBOX)))
		kprintf("smp: the IPI mailbox's line is taken: no calls to other cores\n");
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
		if (reports[core].online) {
			online |= 1U << core;
		} else {
			/* It may still take the address later: take it back, and keep the section. */
			local_mailbox_clear(core, LOCAL_BOOT_MAILBOX, entry);
			late = true;
			kprintf("smp: core %u did not arrive within %u ms: it stays parked\n", core,
				ARRIVAL_WAIT_US / 1000);
		}
	}
	/*
	 * The identity section goes, from every core's TLB (B3.10.1, B3.10.5),
	 * once every core woken has arrived in C (and so left it). If one has
	 * not, it may be on its way through it: the section stays, kernel-only
	 * in the lower half that core 0's TTBR0 split never walks.
	 */
	if (late)
		return online;
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

void smp_stop_others(void)
{
	unsigned self = this_core();

	for (unsigned core = 0; core < CORE_COUNT; core++) {
		uint64_t deadline;
		uintptr_t offset;
		const char *name;

		if (core == self || !(online & (1U << core)))
			continue;
		local_mailbox_set(core, IPI_MAILBOX, IPI_STOP);
		deadline = timer_count_after_us(STOP_WAIT_US);
		while (!stops[core].stopped && timer_count() < deadline)
			__asm__ volatile("yield" ::: "memory");
		dmb();
		if (!stops[core].stopped) {
			kprintf("fatal: core %u did not stop within %u ms\n", core,
				STOP_WAIT_US / 1000);
			continue;
		}
		name = ksyms_lookup(stops[core].pc, &offset);
		kprintf("fatal: core %u stopped at pc 0x%08lx (%s+0x%lx), lr 0x%08lx, sp 0x%08lx, "
			"cpsr 0x%08lx\n",
			core, (unsigned long)stops[core].pc, name ? name : "?",
			(unsigned long)offset, (unsigned long)stops[core].lr,
			(unsigned long)stops[core].sp, (unsigned long)stops[core].cpsr);
	}
}
