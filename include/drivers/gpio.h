/*
 * drivers/gpio.h - BCM2835/2836 GPIO: pin functions and pull resistors
 * ("BCM2835 ARM Peripherals", chapter 6).
 */
#ifndef BRAMBLE_DRIVERS_GPIO_H
#define BRAMBLE_DRIVERS_GPIO_H

#include "layout.h"

#define GPIO_OFFSET         0x200000 /* into the peripheral window */
#define GPIO_REGISTERS_SIZE 0xB4     /* GPFSEL0 to the test register: BCM2835 6.1 */
#define GPIO_PIN_COUNT      54

enum gpio_function {
	GPIO_INPUT = 0,
	GPIO_OUTPUT = 1,
	GPIO_ALT0 = 4,
	GPIO_ALT1 = 5,
	GPIO_ALT2 = 6,
	GPIO_ALT3 = 7,
	GPIO_ALT4 = 3,
	GPIO_ALT5 = 2,
};

enum gpio_pull { GPIO_PULL_NONE = 0, GPIO_PULL_DOWN = 1, GPIO_PULL_UP = 2 };

void gpio_init(vaddr_t registers);
int gpio_set_function(unsigned pin, enum gpio_function function);
int gpio_set_pull(unsigned pin, enum gpio_pull pull);

#endif /* BRAMBLE_DRIVERS_GPIO_H */
