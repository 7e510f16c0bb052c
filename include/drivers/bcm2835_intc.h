/*
 * drivers/bcm2835_intc.h - the BCM2835 ARM interrupt controller ("BCM2835
 * ARM Peripherals", chapter 7), at PHYS_PERIPH_BASE + 0xB200: the 64 GPU
 * interrupts (pending 1: 0-31, pending 2: 32-63) and 8 basic ARM sources.
 * On the BCM2836 its output reaches one core, through the core-local
 * block's GPU route (drivers/bcm2836_local.h).
 */
#ifndef BRAMBLE_DRIVERS_BCM2835_INTC_H
#define BRAMBLE_DRIVERS_BCM2835_INTC_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"

#define INTC_OFFSET         0xB200 /* into the peripheral window */
#define INTC_REGISTERS_SIZE 0x28   /* basic pending to disable basic */

#define INTC_GPU_COUNT   64
#define INTC_BASIC_COUNT 8

void intc_init(vaddr_t registers);

/* What is pending: the basic sources (bits 0-7), GPU 0-31, GPU 32-63. */
void intc_pending(uint32_t *basic, uint32_t *gpu_low, uint32_t *gpu_high);

/* GPU interrupt n (0-63), or basic source n (0-7): enable, disable. */
void intc_gpu_enable(unsigned n, bool on);
void intc_basic_enable(unsigned n, bool on);

/* Nothing of this controller to FIQ (FIQ control register cleared). */
void intc_fiq_off(void);

#endif /* BRAMBLE_DRIVERS_BCM2835_INTC_H */
