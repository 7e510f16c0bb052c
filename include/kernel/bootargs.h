/*
 * kernel/bootargs.h - what a loader passes in r2: ATAGs or a device tree.
 *
 * Pure functions over memory the caller maps: compiled into the kernel and
 * into the host tests (tests/host/test_bootargs.c).
 *
 * ATAGs (Linux's "Booting ARM Linux", the tag list): a sequence of
 * { size in words, tag, data... }, starting with ATAG_CORE and ending with
 * ATAG_NONE (size 0). A flattened device tree starts with the big-endian
 * magic 0xD00DFEED followed by its big-endian total size.
 */
#ifndef BRAMBLE_KERNEL_BOOTARGS_H
#define BRAMBLE_KERNEL_BOOTARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ATAG_NONE    0x00000000
#define ATAG_CORE    0x54410001
#define ATAG_MEM     0x54410002
#define ATAG_INITRD2 0x54420005 /* an initrd: physical start, size */
#define ATAG_CMDLINE 0x54410009 /* the kernel command line, NUL-terminated */
#define FDT_MAGIC    0xD00DFEED

enum bootargs_kind {
	BOOTARGS_NONE,        /* r2 was 0 */
	BOOTARGS_ATAGS,       /* a valid ATAG list */
	BOOTARGS_DEVICE_TREE, /* a flattened device tree header */
	BOOTARGS_UNKNOWN,     /* something else, or a broken list */
};

struct bootargs {
	enum bootargs_kind kind;
	uint32_t size;        /* bytes the structure occupies (to keep it safe) */
	bool has_memory;      /* ATAGs: an ATAG_MEM was found */
	uint32_t memory_base; /* ATAGs: the first ATAG_MEM */
	uint32_t memory_size;
	const char *cmdline; /* ATAGs: ATAG_CMDLINE's text (in the list, NUL-terminated), or NULL */
	bool has_initrd;     /* ATAGs: an ATAG_INITRD2 */
	uint32_t initrd_start;
	uint32_t initrd_size;
};

/*
 * Look at the words at data (at most limit bytes readable) and say what
 * they are. Never reads past limit; a list that runs past it is UNKNOWN,
 * and so is one whose ATAG_CMDLINE has no NUL inside its tag. A device
 * tree is only recognised here (its magic and size): kernel/fdt.h reads it.
 */
struct bootargs bootargs_parse(const uint32_t *data, size_t limit);

const char *bootargs_kind_name(enum bootargs_kind kind);

#endif /* BRAMBLE_KERNEL_BOOTARGS_H */
