/*
 * drivers/rng.h - the BCM2835 hardware random number generator (the
 * BCM2836 keeps it at the same place), for the 16 bytes of AT_RANDOM that
 * every program's C library seeds its stack protector and pointer guard
 * from. Not in the "BCM2835 ARM Peripherals" document; the layout (CTRL
 * 0x0 with RBGEN in bit 0, STATUS 0x4 with the words ready in bits 31:24
 * and the warm-up count below, DATA 0x8) is the one Linux's bcm2835-rng
 * and QEMU's bcm2835_rng agree on.
 */
#ifndef BRAMBLE_DRIVERS_RNG_H
#define BRAMBLE_DRIVERS_RNG_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

#define RNG_OFFSET         0x104000 /* into the peripheral window */
#define RNG_REGISTERS_SIZE 0x14

/* Start the generator; it discards its first numbers while it warms up. */
void rng_init(vaddr_t registers);

/* Its registers have moved (the MMIO allocator's mapping): nothing else changes. */
void rng_rebase(vaddr_t registers);

/*
 * size bytes of the generator's output into buffer: 0, or ERR_TIMEOUT
 * (nothing came within RNG_WAIT_US for a word; buffer then holds what
 * came before) or ERR_DEVICE (not started).
 */
int rng_read(void *buffer, size_t size);

#endif /* BRAMBLE_DRIVERS_RNG_H */
