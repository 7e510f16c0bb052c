/*
 * kernel/fdt.h - reading a flattened device tree (a DTB).
 *
 * The format is the Devicetree Specification's (v0.4, chapter 5): a header,
 * a memory reservation block, a structure block of tokens and a strings
 * block of property names, all big-endian. Pure functions over memory the
 * caller maps: compiled into the kernel and into the host tests
 * (tests/host/test_fdt.c, tests/host/fuzz_fdt.c).
 *
 * The blob comes from a loader, so nothing in it is trusted. fdt_open()
 * checks the header and then walks the whole tree once: a blob it accepts
 * has a terminated reservation map, well-formed tokens with every length
 * and name inside its block, nodes nested at most FDT_MAX_DEPTH deep and a
 * final FDT_END. The accessors check every read again on their own (cheap,
 * and it keeps each of them safe by itself), so no function here reads
 * outside [blob, blob + totalsize), nor past the limit given to fdt_open().
 * There is no allocation and no recursion: a walk is one pass over tokens
 * with a depth counter.
 *
 * Errors (kernel/error.h): ERR_INVALID for a malformed blob or argument,
 * ERR_NOT_FOUND for a node, property or reservation that is not there.
 * A function that fails leaves its outputs as they were.
 */
#ifndef BRAMBLE_KERNEL_FDT_H
#define BRAMBLE_KERNEL_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/error.h"

#define FDT_MAGIC             0xD00DFEED /* the same as kernel/bootargs.h's */
#define FDT_HEADER_SIZE       40         /* the ten words of a version 17 header */
#define FDT_VERSION_MIN       16         /* the oldest layout read (unit names, not paths) */
#define FDT_VERSION_READ      17         /* the newest one this reader knows */
#define FDT_MAX_DEPTH         16         /* nodes open at once, the root counting as one */
#define FDT_MEMORY_RANGES_MAX 8

/* Structure block tokens. */
#define FDT_BEGIN_NODE 0x00000001
#define FDT_END_NODE   0x00000002
#define FDT_PROP       0x00000003
#define FDT_NOP        0x00000004
#define FDT_END        0x00000009

/* An opened tree: filled by fdt_open(), read by the rest. */
struct fdt {
	const uint8_t *blob;
	uint32_t total_size; /* the header's totalsize, within the limit */
	uint32_t version;
	uint32_t boot_cpu;      /* boot_cpuid_phys */
	uint32_t rsvmap_offset; /* the blocks, as offsets from blob */
	uint32_t rsvmap_count;  /* entries before the (0, 0) one */
	uint32_t struct_offset;
	uint32_t struct_size;
	uint32_t strings_offset;
	uint32_t strings_size;
};

/* A range of physical memory; base + size never passes 4 GiB. */
struct fdt_memory_range {
	uint64_t base;
	uint64_t size;
};

/* What the kernel wants from the tree at boot (fdt_read_boot()). */
struct fdt_boot {
	bool has_memory;       /* /memory gave at least one range */
	bool memory_above_4g;  /* a range reached past 4 GiB: cut at 4 GiB or dropped */
	bool memory_truncated; /* over FDT_MEMORY_RANGES_MAX ranges: the rest dropped */
	unsigned memory_count;
	struct fdt_memory_range memory[FDT_MEMORY_RANGES_MAX];
	bool has_bootargs;
	const char *bootargs;  /* into the blob, NUL-terminated within the property */
	bool has_initrd;       /* /chosen/linux,initrd-start and -end, both there */
	uint64_t initrd_start; /* first byte, as the blob says: maybe past 4 GiB */
	uint64_t initrd_end;   /* one past the last byte; never below initrd_start */
};

/*
 * Check the blob's header and structure (at most limit bytes readable at
 * blob) and fill *fdt. The header must have the magic, a totalsize from
 * FDT_HEADER_SIZE to limit, version >= FDT_VERSION_MIN and
 * last_comp_version <= FDT_VERSION_READ; each block must start after the
 * header and end inside totalsize, the structure block 4-byte aligned and
 * the reservation map 8-byte aligned. Version 16 headers have no
 * size_dt_struct: the structure block then runs to totalsize. Blocks may
 * overlap: that cannot lead a read outside the blob.
 */
int fdt_open(struct fdt *fdt, const void *blob, size_t limit);

uint32_t fdt_total_size(const struct fdt *fdt);

/*
 * The index-th entry of the memory reservation map, as the blob has it
 * (the caller judges the range). ERR_NOT_FOUND at the terminating (0, 0)
 * entry and past it; ERR_INVALID if the map runs past the blob.
 */
int fdt_reservation(const struct fdt *fdt, unsigned index, uint64_t *address, uint64_t *size);

/*
 * The node at an absolute path ("/" is the root, "/chosen", "/soc/gpio").
 * A component with no '@' also matches a node whose name is it followed by
 * '@' and a unit address: "/memory" finds "memory@0" (the first such node
 * in the blob). *node is a handle for fdt_get_property(): the offset of the
 * node's FDT_BEGIN_NODE in the structure block. Aliases and empty
 * components ("//", a trailing '/') are ERR_INVALID; a path deeper than
 * FDT_MAX_DEPTH levels (the root is one) cannot be in an opened tree and is
 * ERR_NOT_FOUND.
 */
int fdt_find_node(const struct fdt *fdt, const char *path, uint32_t *node);

/*
 * A property of the node itself (not of its children), by exact name.
 * *value points into the blob, *length bytes; either output may be NULL.
 * A handle that is not at an FDT_BEGIN_NODE is ERR_INVALID. Handles should
 * come from fdt_find_node(): another one that happens to land on a word
 * equal to FDT_BEGIN_NODE inside a value is still read safely, but what it
 * answers means nothing.
 */
int fdt_get_property(const struct fdt *fdt, uint32_t node, const char *name, const void **value,
		     uint32_t *length);

/*
 * Fill *out from /memory's reg (decoded with the root's #address-cells and
 * #size-cells, 2 and 1 when absent; each must be 1 or 2), /chosen/bootargs
 * and /chosen/linux,initrd-start and -end (4 or 8 bytes each). What is
 * absent leaves its has_ flag false; what is there but malformed is
 * ERR_INVALID: bad cells, a /memory without reg or with a reg that is not
 * whole entries or wraps, a bootargs with no NUL within the property, an
 * initrd property of another size, with one end only, or ending before it
 * starts. Ranges of size 0 are skipped (a firmware that did not fill reg);
 * ranges past 4 GiB are cut there or dropped, and flagged, since the
 * kernel is 32-bit. Only the first node that /memory finds is read.
 */
int fdt_read_boot(const struct fdt *fdt, struct fdt_boot *out);

#endif /* BRAMBLE_KERNEL_FDT_H */
