/*
 * lib/xorshift.h - Marsaglia's xorshift32 (Journal of Statistical Software
 * 8(14), 2003, the 13/17/5 triple): a tiny deterministic generator for test
 * and benchmark inputs, never for anything that must be unpredictable.
 */
#ifndef BRAMBLE_LIB_XORSHIFT_H
#define BRAMBLE_LIB_XORSHIFT_H

#include <stdint.h>

/* The next value of the sequence held in *state (which must not be 0). */
static inline uint32_t xorshift32(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

#endif /* BRAMBLE_LIB_XORSHIFT_H */
