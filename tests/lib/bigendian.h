/*
 * tests/lib/bigendian.h - big-endian words in byte buffers, for the host
 * tests and fuzz targets that build device trees.
 */
#ifndef BRAMBLE_TESTS_BIGENDIAN_H
#define BRAMBLE_TESTS_BIGENDIAN_H

#include <stdint.h>

static inline void put_be32(uint8_t *p, uint32_t value)
{
	p[0] = (uint8_t)(value >> 24);
	p[1] = (uint8_t)(value >> 16);
	p[2] = (uint8_t)(value >> 8);
	p[3] = (uint8_t)value;
}

static inline uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void put_be64(uint8_t *p, uint64_t value)
{
	put_be32(p, (uint32_t)(value >> 32));
	put_be32(p + 4, (uint32_t)value);
}

#endif /* BRAMBLE_TESTS_BIGENDIAN_H */
