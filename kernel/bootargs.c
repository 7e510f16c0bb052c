/*
 * kernel/bootargs.c - recognising ATAGs and device trees (kernel/bootargs.h).
 */
#include "kernel/bootargs.h"

#include <string.h>

#define ATAG_HEADER_WORDS   2
#define ATAG_CORE_MIN_WORDS 2 /* ATAG_CORE may have no data at all */
#define ATAG_MEM_WORDS      4 /* header, size, start */
#define ATAG_INITRD2_WORDS  4 /* header, start, size */

static uint32_t big_endian(uint32_t value)
{
	return __builtin_bswap32(value);
}

static struct bootargs parse_atags(const uint32_t *data, size_t limit)
{
	struct bootargs result = { .kind = BOOTARGS_UNKNOWN };
	size_t words = limit / 4, at = 0;

	while (at + ATAG_HEADER_WORDS <= words) {
		uint32_t size = data[at], tag = data[at + 1];

		if (tag == ATAG_NONE) {
			/* The list's end; it counts as one more header. */
			result.kind = BOOTARGS_ATAGS;
			result.size = (uint32_t)(at + ATAG_HEADER_WORDS) * 4;
			return result;
		}
		if (size < ATAG_HEADER_WORDS || size > words - at)
			break;
		if (tag == ATAG_MEM && size >= ATAG_MEM_WORDS && !result.has_memory) {
			result.has_memory = true;
			result.memory_size = data[at + 2];
			result.memory_base = data[at + 3];
		}
		if (tag == ATAG_INITRD2 && size >= ATAG_INITRD2_WORDS && !result.has_initrd) {
			result.has_initrd = true;
			result.initrd_start = data[at + 2];
			result.initrd_size = data[at + 3];
		}
		if (tag == ATAG_CMDLINE && !result.cmdline) {
			const char *text = (const char *)&data[at + ATAG_HEADER_WORDS];

			if (!memchr(text, '\0', (size - ATAG_HEADER_WORDS) * 4))
				break;
			result.cmdline = text;
		}
		at += size;
	}
	return (struct bootargs){ .kind = BOOTARGS_UNKNOWN };
}

struct bootargs bootargs_parse(const uint32_t *data, size_t limit)
{
	struct bootargs none = { .kind = BOOTARGS_NONE };
	struct bootargs unknown = { .kind = BOOTARGS_UNKNOWN };

	if (!data)
		return none;
	if (limit < 8)
		return unknown;
	if (big_endian(data[0]) == FDT_MAGIC) {
		struct bootargs tree = { .kind = BOOTARGS_DEVICE_TREE,
					 .size = big_endian(data[1]) };

		return tree.size >= 8 ? tree : unknown;
	}
	if (data[1] == ATAG_CORE && data[0] >= ATAG_CORE_MIN_WORDS)
		return parse_atags(data, limit);
	return unknown;
}

const char *bootargs_kind_name(enum bootargs_kind kind)
{
	switch (kind) {
	case BOOTARGS_NONE:
		return "nothing";
	case BOOTARGS_ATAGS:
		return "ATAGs";
	case BOOTARGS_DEVICE_TREE:
		return "a device tree";
	default:
		return "something unrecognised";
	}
}
