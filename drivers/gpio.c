/*
 * drivers/gpio.c - pin function select and pull-up/down control.
 */
#include "drivers/gpio.h"

#include "arch/cp15.h"
#include "arch/mmio.h"
#include "drivers/systimer.h"
#include "kernel/error.h"

#define GPFSEL0   0x00 /* 10 pins per register, 3 bits each */
#define GPPUD     0x94
#define GPPUDCLK0 0x98 /* 32 pins per register */

/*
 * The pull control sequence needs 150 cycles of set-up and hold (section
 * 6.1): cycles of the VideoCore's 250 MHz clock, 0.6 us. Wait 1 us on the
 * system timer, after a DSB so that the write has reached the device.
 */
#define GPIO_PULL_SETUP_US 1

static vaddr_t gpio_base;

void gpio_init(vaddr_t registers)
{
	gpio_base = registers;
}

static void settle(void)
{
	dsb();
	systimer_delay_us(GPIO_PULL_SETUP_US);
}

int gpio_set_function(unsigned pin, enum gpio_function function)
{
	uintptr_t reg;
	unsigned shift;
	uint32_t value;

	if (pin >= GPIO_PIN_COUNT || !gpio_base)
		return ERR_INVALID;
	reg = gpio_base + GPFSEL0 + 4 * (pin / 10);
	shift = 3 * (pin % 10);
	mmio_barrier();
	value = mmio_read32(reg);
	value &= ~(7U << shift);
	value |= (uint32_t)function << shift;
	mmio_write32(reg, value);
	mmio_barrier();
	return 0;
}

int gpio_set_pull(unsigned pin, enum gpio_pull pull)
{
	uintptr_t clock_reg;

	if (pin >= GPIO_PIN_COUNT || !gpio_base)
		return ERR_INVALID;
	clock_reg = gpio_base + GPPUDCLK0 + 4 * (pin / 32);
	mmio_barrier();
	mmio_write32(gpio_base + GPPUD, pull);
	settle();
	mmio_write32(clock_reg, 1U << (pin % 32));
	settle();
	mmio_write32(gpio_base + GPPUD, GPIO_PULL_NONE);
	mmio_write32(clock_reg, 0);
	mmio_barrier();
	return 0;
}
