/*
 * kernel/ksyms.c - looking up the kernel's symbol table (kernel/ksyms.h).
 *
 * The table comes from scripts/gen-ksyms: an array of (address, offset of
 * the name) pairs sorted by address, each address once, and one block of
 * NUL-terminated names. 8 bytes per symbol plus its name; a lookup is a
 * binary search, no allocation, safe in a panic or an exception handler.
 */
#include "kernel/ksyms.h"

#include <stddef.h>

#include "kernel/sections.h"

struct ksyms_entry {
	uint32_t address;
	uint32_t name; /* offset in ksyms_table_names */
};

/* Written by scripts/gen-ksyms, placed by linker.ld. */
extern const uint32_t ksyms_table_size;
extern const struct ksyms_entry ksyms_table[];
extern const char ksyms_table_names[];

unsigned ksyms_count(void)
{
	return ksyms_table_size;
}

uintptr_t ksyms_address(unsigned index)
{
	return index < ksyms_table_size ? ksyms_table[index].address : 0;
}

const char *ksyms_name(unsigned index)
{
	return index < ksyms_table_size ? &ksyms_table_names[ksyms_table[index].name] : NULL;
}

const char *ksyms_lookup(uintptr_t address, uintptr_t *offset)
{
	unsigned low = 0, high = ksyms_table_size;

	if (address < (uintptr_t)__text_start || address >= (uintptr_t)__text_end || high == 0 ||
	    address < ksyms_table[0].address)
		return NULL;
	/* Entry low is at or below address, entries from high on are above it. */
	while (high - low > 1) {
		unsigned middle = low + (high - low) / 2;

		if (ksyms_table[middle].address <= address)
			low = middle;
		else
			high = middle;
	}
	if (offset)
		*offset = address - ksyms_table[low].address;
	return &ksyms_table_names[ksyms_table[low].name];
}
