/*
 * drivers/board.c - the Raspberry Pi 2's devices, and where their registers
 * went (drivers/board.h).
 */
#include "drivers/board.h"

#include <string.h>

#include "drivers/bcm2835_intc.h"
#include "drivers/bcm2836_local.h"
#include "drivers/gpio.h"
#include "drivers/mailbox.h"
#include "drivers/pl011.h"
#include "drivers/rng.h"
#include "drivers/systimer.h"
#include "drivers/watchdog.h"
#include "kernel/error.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "mm/mmio.h"
#include "mm/mmu.h"

struct board_device {
	const char *name;
	paddr_t phys;
	size_t size;                    /* the driver's register window */
	void (*use)(vaddr_t registers); /* hands the driver its registers' new address */
	vaddr_t virt;                   /* where the MMIO allocator put them */
};

static struct board_device devices[] = {
	{ "uart", PHYS_PERIPH_BASE + PL011_OFFSET, PL011_REGISTERS_SIZE, pl011_rebase, 0 },
	{ "gpio", PHYS_PERIPH_BASE + GPIO_OFFSET, GPIO_REGISTERS_SIZE, gpio_init, 0 },
	{ "mailbox", PHYS_PERIPH_BASE + MAILBOX_OFFSET, MAILBOX_REGISTERS_SIZE, mailbox_init, 0 },
	{ "systimer", PHYS_PERIPH_BASE + SYSTIMER_OFFSET, SYSTIMER_REGISTERS_SIZE, systimer_init,
	  0 },
	{ "intc", PHYS_PERIPH_BASE + INTC_OFFSET, INTC_REGISTERS_SIZE, intc_init, 0 },
	{ "pm", PHYS_PERIPH_BASE + PM_OFFSET, PM_REGISTERS_SIZE, watchdog_init, 0 },
	{ "rng", PHYS_PERIPH_BASE + RNG_OFFSET, RNG_REGISTERS_SIZE, rng_rebase, 0 },
	{ "local", PHYS_LOCAL_BASE, PHYS_LOCAL_SIZE, local_init, 0 },
};

#define DEVICE_COUNT (sizeof(devices) / sizeof(devices[0]))

void board_map_devices(void)
{
	for (unsigned i = 0; i < DEVICE_COUNT; i++) {
		int error =
			mmio_map(devices[i].phys, devices[i].size, MEM_DEVICE, &devices[i].virt);

		if (error)
			panic("%s: cannot map its registers at 0x%08lx: %s", devices[i].name,
			      (unsigned long)devices[i].phys, error_name(error));
		devices[i].use(devices[i].virt);
	}
	if (mmu_unmap_sections(&kernel_aspace, VIRT_EARLY_PERIPH,
			       PHYS_PERIPH_SIZE >> SECTION_SHIFT))
		panic("the boot-time peripheral window at 0x%08lx is not there to remove",
		      (unsigned long)VIRT_EARLY_PERIPH);
	kprintf("devices (physical -> virtual, Device, execute-never):\n");
	for (unsigned i = 0; i < DEVICE_COUNT; i++)
		kprintf("  %-9s 0x%08lx -> 0x%08lx\n", devices[i].name,
			(unsigned long)devices[i].phys, (unsigned long)devices[i].virt);
}

vaddr_t device_registers(const char *name)
{
	for (unsigned i = 0; i < DEVICE_COUNT; i++)
		if (strcmp(devices[i].name, name) == 0)
			return devices[i].virt;
	return 0;
}

bool board_device(unsigned index, const char **name, paddr_t *phys, size_t *size, vaddr_t *virt)
{
	if (index >= DEVICE_COUNT)
		return false;
	*name = devices[index].name;
	*phys = devices[index].phys;
	*size = devices[index].size;
	*virt = devices[index].virt;
	return true;
}
