/*
 * drivers/local.c - the BCM2836 ARM-local block: the cores' mailboxes.
 */
#include "drivers/bcm2836_local.h"

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
	mmio_barrier();
}

void local_mailbox_clear(unsigned core, unsigned n, uint32_t bits)
{
	mmio_barrier();
	mmio_write32(local_base + LOCAL_MAILBOX_CLR(core, n), bits);
	mmio_barrier();
}
