/*
 * drivers/local.c - the BCM2836 ARM-local block: the cores' mailboxes and
 * their interrupt routes.
 *
 * A mailbox write is usually followed by SEV, which wakes the core waiting
 * on that mailbox in WFE (the parking protocol, boot/start.S). DMB orders
 * memory accesses only (ARM ARM A3.8.3), not SEV, so the writes end with a
 * DSB: the write has completed before the event can be sent, and the woken
 * core cannot read the mailbox before the new value is there and sleep
 * again for good.
 */
#include "drivers/bcm2836_local.h"

#include "arch/cp15.h"
#include "arch/mmio.h"

static vaddr_t local_base;

void local_init(vaddr_t registers)
{
	local_base = registers;
}

uint32_t local_mailbox_read(unsigned core, unsigned n)
{
	uint32_t value;

	mmio_barrier();
	value = mmio_read32(local_base + LOCAL_MAILBOX_CLR(core, n));
	mmio_barrier();
	return value;
}

void local_mailbox_set(unsigned core, unsigned n, uint32_t bits)
{
	mmio_barrier();
	mmio_write32(local_base + LOCAL_MAILBOX_SET(core, n), bits);
	dsb(); /* complete before a SEV (see the top of this file) */
}

vaddr_t local_mailbox_set_address(unsigned core, unsigned n)
{
	return local_base + LOCAL_MAILBOX_SET(core, n);
}

void local_mailbox_clear(unsigned core, unsigned n, uint32_t bits)
{
	mmio_barrier();
	mmio_write32(local_base + LOCAL_MAILBOX_CLR(core, n), bits);
	dsb(); /* complete before a SEV */
}

void local_mailbox_interrupts(unsigned core, uint32_t routes)
{
	mmio_barrier();
	mmio_write32(local_base + LOCAL_MAILBOX_INTERRUPT_CONTROL(core), routes);
	mmio_barrier();
}

uint32_t local_mailbox_interrupts_read(unsigned core)
{
	uint32_t routes;

	mmio_barrier();
	routes = mmio_read32(local_base + LOCAL_MAILBOX_INTERRUPT_CONTROL(core));
	mmio_barrier();
	return routes;
}

uint32_t local_irq_source(unsigned core)
{
	uint32_t source;

	mmio_barrier();
	source = mmio_read32(local_base + LOCAL_IRQ_SOURCE(core));
	mmio_barrier();
	return source;
}

static void update_route(uint32_t reg, uint32_t bit, bool on)
{
	uint32_t routes;

	mmio_barrier();
	routes = mmio_read32(local_base + reg);
	mmio_write32(local_base + reg, on ? routes | bit : routes & ~bit);
	mmio_barrier();
}

void local_timer_irq(unsigned core, unsigned n, bool on)
{
	update_route(LOCAL_TIMER_INTERRUPT_CONTROL(core), LOCAL_ROUTE_IRQ(n), on);
}

void local_mailbox_irq(unsigned core, unsigned n, bool on)
{
	update_route(LOCAL_MAILBOX_INTERRUPT_CONTROL(core), LOCAL_ROUTE_IRQ(n), on);
}

void local_pmu_irq(unsigned core, bool on)
{
	mmio_barrier();
	mmio_write32(local_base + (on ? LOCAL_PMU_ROUTE_SET : LOCAL_PMU_ROUTE_CLEAR),
		     LOCAL_ROUTE_IRQ(core));
	mmio_barrier();
}

void local_gpu_route(unsigned core)
{
	mmio_barrier();
	mmio_write32(local_base + LOCAL_GPU_ROUTE, core & 3);
	mmio_barrier();
}

void local_fiq_sources_off(unsigned core)
{
	uint32_t timers, mailboxes;

	mmio_barrier();
	timers = mmio_read32(local_base + LOCAL_TIMER_INTERRUPT_CONTROL(core));
	mmio_write32(local_base + LOCAL_TIMER_INTERRUPT_CONTROL(core),
		     timers & ~LOCAL_ROUTE_FIQ_ALL);
	mailboxes = mmio_read32(local_base + LOCAL_MAILBOX_INTERRUPT_CONTROL(core));
	mmio_write32(local_base + LOCAL_MAILBOX_INTERRUPT_CONTROL(core),
		     mailboxes & ~LOCAL_ROUTE_FIQ_ALL);
	mmio_write32(local_base + LOCAL_PMU_ROUTE_CLEAR, LOCAL_ROUTE_FIQ(core));
	dsb(); /* the routes are off before the FIQ mask is lifted again */
}
