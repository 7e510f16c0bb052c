/*
 * drivers/rng.c - the BCM2835 hardware random number generator
 * (drivers/rng.h).
 */
#include "drivers/rng.h"

#include <string.h>

#include "arch/mmio.h"
#include "drivers/systimer.h"
#include "kernel/error.h"

#define RNG_CTRL         0x0
#define RNG_STATUS       0x4
#define RNG_DATA         0x8
#define RNG_CTRL_RBGEN   0x1
#define RNG_WARMUP_COUNT 0x40000 /* numbers thrown away before the first is given */
#define RNG_READY_SHIFT  24      /* STATUS: words waiting in the FIFO */
#define RNG_WAIT_US      100000

static vaddr_t rng_base;

void rng_init(vaddr_t registers)
{
	rng_base = registers;
	mmio_write32(rng_base + RNG_STATUS, RNG_WARMUP_COUNT);
	mmio_write32(rng_base + RNG_CTRL, RNG_CTRL_RBGEN);
	mmio_barrier();
}

void rng_rebase(vaddr_t registers)
{
	rng_base = registers;
}

int rng_read(void *buffer, size_t size)
{
	uint8_t *out = buffer;

	if (!rng_base)
		return ERR_DEVICE;
	mmio_barrier();
	while (size) {
		uint32_t start = systimer_now_us(), word;
		size_t n = size < 4 ? size : 4;

		while ((mmio_read32(rng_base + RNG_STATUS) >> RNG_READY_SHIFT) == 0) {
			if (systimer_now_us() - start > RNG_WAIT_US) {
				mmio_barrier();
				return ERR_TIMEOUT;
			}
		}
		word = mmio_read32(rng_base + RNG_DATA);
		memcpy(out, &word, n);
		out += n;
		size -= n;
	}
	mmio_barrier();
	return 0;
}
