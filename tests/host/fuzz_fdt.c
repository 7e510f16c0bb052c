/*
 * tests/host/fuzz_fdt.c - libFuzzer target for the device tree reader.
 *
 * An input is read one of three ways:
 *   raw: when it begins with the magic (or is shorter than it), the input
 *      is the blob, header and all;
 *   framed: else, when its first byte is odd, the input is the body of a
 *      tree and this target writes a consistent header around it, so the
 *      fuzzer spends its time in the reservation map and the structure and
 *      strings blocks rather than finding offsets that fit:
 *        [mode] [entries] [struct length, 2 bytes] [delta, 4 bytes] [rest...]
 *      entries % 4 reservation entries (16 bytes each) come first in rest,
 *      then the structure block, then the strings block. Bit 1 of the mode
 *      byte leaves out the (0, 0) entry, bit 2 writes version 16; when
 *      entries / 4 % 16 is below 10, delta is added to that header word,
 *      which tries every header check at and around its boundary;
 *   written: else the input is a program for a small tree writer (write_tree()):
 *      nodes and properties named from tables the reader looks for, so
 *      /memory, /chosen and the cells are reached in seconds, with raw
 *      words among them for what the writer would not do.
 * Each way the blob is handed over in a heap buffer of exactly its size,
 * so AddressSanitizer reports any read past it. When it opens, every
 * accessor runs and its answers must hold: values inside the blob,
 * bootargs NUL-terminated inside its property, memory ranges below
 * 4 GiB, lookups never failing on the structure fdt_open() accepted, the
 * same answers again from a copy cut to totalsize (nothing past it read).
 * A breach aborts, which libFuzzer reports with the input that did it.
 * Built with AddressSanitizer and UBSan.
 */
#include "bigendian.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/error.h"
#include "kernel/fdt.h"

#define FRAME_HEADER 8  /* mode, entries, struct length, delta */
#define MAX_HANDLES  64 /* arbitrary handles tried per input */
#define MAX_NAMES    32 /* strings-block names tried as properties */
#define FOUR_GIB     0x100000000ULL

static const char *const paths[] = {
	"/",    "/chosen",     "/memory", "/memory@0",        "/cpus",    "/cpus/cpu@0",
	"/soc", "/soc/serial", "/a/b/c",  "/chosen/bootargs", "/x@1/y@2",
};

static const char *const names[] = {
	"reg",
	"bootargs",
	"#address-cells",
	"#size-cells",
	"linux,initrd-start",
	"linux,initrd-end",
	"compatible",
	"",
};

static volatile uint8_t sink;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_fdt: %s\n", what);
	abort();
}

/* [p, p + length) inside [blob, blob + size); every byte read, for ASan. */
static void check_inside(const uint8_t *blob, size_t size, const void *p, uint32_t length,
			 const char *what)
{
	const uint8_t *q = p;
	uint8_t sum = 0;

	if (q < blob || q > blob + size || length > (size_t)(blob + size - q))
		fail(what);
	for (uint32_t i = 0; i < length; i++)
		sum ^= q[i];
	sink = sum;
}

static void check_property(const struct fdt *fdt, const uint8_t *blob, uint32_t node,
			   const char *name, bool handle_known_good)
{
	const void *value = NULL;
	uint32_t length = 0;
	int error = fdt_get_property(fdt, node, name, &value, &length);

	if (error == 0)
		check_inside(blob, fdt->total_size, value, length, "a property outside the blob");
	else if (error != ERR_NOT_FOUND && (handle_known_good || error != ERR_INVALID))
		fail("fdt_get_property: an error an opened tree cannot give");
}

/* Property names as the strings block has them: one walk, the first few. */
static unsigned block_names(const struct fdt *fdt, const char **found)
{
	const char *strings = (const char *)fdt->blob + fdt->strings_offset;
	unsigned n = 0;

	for (uint32_t at = 0; at < fdt->strings_size && n < MAX_NAMES;) {
		const char *nul = memchr(strings + at, 0, fdt->strings_size - at);

		if (!nul)
			break;
		found[n++] = strings + at;
		at = (uint32_t)(nul - strings) + 1;
	}
	return n;
}

static void check_boot(const struct fdt *fdt, const uint8_t *blob)
{
	struct fdt_boot boot, again, sentinel;
	int error;

	memset(&boot, 0xA5, sizeof(boot));
	sentinel = boot;
	error = fdt_read_boot(fdt, &boot);
	if (error) {
		if (error != ERR_INVALID)
			fail("fdt_read_boot: an error it does not give");
		if (memcmp(&boot, &sentinel, sizeof(boot)) != 0)
			fail("fdt_read_boot failed but wrote *out");
		return;
	}
	if (boot.memory_count > FDT_MEMORY_RANGES_MAX || boot.has_memory != (boot.memory_count > 0))
		fail("memory count");
	for (unsigned i = 0; i < boot.memory_count; i++)
		if (boot.memory[i].size == 0 || boot.memory[i].base >= FOUR_GIB ||
		    boot.memory[i].size > FOUR_GIB - boot.memory[i].base)
			fail("a memory range empty or past 4 GiB");
	if (boot.has_bootargs) {
		uint32_t chosen, length;
		const void *value;

		/* The pointer must be the property's, with a NUL inside it. */
		if (fdt_find_node(fdt, "/chosen", &chosen) ||
		    fdt_get_property(fdt, chosen, "bootargs", &value, &length) ||
		    value != (const void *)boot.bootargs || !memchr(value, 0, length))
			fail("bootargs is not a NUL-terminated /chosen/bootargs");
		check_inside(blob, fdt->total_size, boot.bootargs,
			     (uint32_t)strlen(boot.bootargs) + 1, "bootargs outside the blob");
	}
	if (boot.has_initrd && boot.initrd_end < boot.initrd_start)
		fail("initrd ends before it starts");
	if (fdt_read_boot(fdt, &again) != 0 || memcmp(&boot, &again, sizeof(boot)) != 0)
		fail("fdt_read_boot answered differently twice");
}

/* Everything, on an opened tree. handles: input bytes choosing offsets to try. */
static void check_opened(const struct fdt *fdt, const uint8_t *blob, size_t size,
			 const uint8_t *handles, size_t handle_bytes)
{
	const char *found[MAX_NAMES];
	unsigned name_count;
	uint64_t address, length;
	unsigned i;
	int error;

	if (fdt->blob != blob || fdt_total_size(fdt) < FDT_HEADER_SIZE ||
	    fdt_total_size(fdt) > size)
		fail("total size outside [header, limit]");
	if (fdt->struct_offset > fdt->total_size ||
	    fdt->struct_size > fdt->total_size - fdt->struct_offset ||
	    fdt->strings_offset > fdt->total_size ||
	    fdt->strings_size > fdt->total_size - fdt->strings_offset || (fdt->struct_offset & 3) ||
	    (fdt->rsvmap_offset & 7))
		fail("a block outside the blob");

	for (i = 0; (error = fdt_reservation(fdt, i, &address, &length)) == 0; i++)
		if (i > fdt->total_size / 16)
			fail("more reservations than fit");
	if (error != ERR_NOT_FOUND)
		fail("the reservation map of an opened tree broke");

	name_count = block_names(fdt, found);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		uint32_t node;

		error = fdt_find_node(fdt, paths[i], &node);
		if (error == ERR_NOT_FOUND)
			continue;
		if (error)
			fail("fdt_find_node: an error an opened tree cannot give");
		if (node >= fdt->struct_size || (node & 3))
			fail("a node handle outside the structure block");
		for (unsigned j = 0; j < sizeof(names) / sizeof(names[0]); j++)
			check_property(fdt, blob, node, names[j], true);
		for (unsigned j = 0; j < name_count; j++)
			check_property(fdt, blob, node, found[j], true);
	}

	/* Handles that did not come from fdt_find_node: refused or answered safely. */
	for (i = 0; i < MAX_HANDLES && i < handle_bytes; i++) {
		uint32_t node = (uint32_t)handles[i] * 4;

		check_property(fdt, blob, node, "reg", false);
		check_property(fdt, blob, node ^ 0xFFFFFF00, "reg", false);
	}
	check_boot(fdt, blob);
}

/* Open and check a blob held in exactly size bytes; returns fdt_open()'s answer. */
static int run(const uint8_t *blob, size_t size, const uint8_t *handles, size_t handle_bytes,
	       struct fdt *fdt)
{
	struct fdt sentinel;
	int error;

	memset(fdt, 0x5A, sizeof(*fdt));
	sentinel = *fdt;
	error = fdt_open(fdt, blob, size);
	if (error) {
		if (error != ERR_INVALID)
			fail("fdt_open: an error it does not give");
		if (memcmp(fdt, &sentinel, sizeof(*fdt)) != 0)
			fail("fdt_open failed but wrote *fdt");
		return error;
	}
	check_opened(fdt, blob, size, handles, handle_bytes);
	return 0;
}

/* The same tree cut to totalsize must open and read the same: nothing past it is read. */
static void run_cut(const struct fdt *whole, const uint8_t *handles, size_t handle_bytes)
{
	uint8_t *cut = malloc(whole->total_size);
	struct fdt fdt;
	struct fdt_boot a, b;
	int ea, eb;

	if (!cut)
		fail("out of memory");
	memcpy(cut, whole->blob, whole->total_size);
	if (run(cut, whole->total_size, handles, handle_bytes, &fdt) != 0)
		fail("the tree cut to totalsize does not open");
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	ea = fdt_read_boot(whole, &a);
	eb = fdt_read_boot(&fdt, &b);
	if (ea != eb || a.has_memory != b.has_memory || a.memory_count != b.memory_count ||
	    memcmp(a.memory, b.memory, sizeof(a.memory)) != 0 || a.has_initrd != b.has_initrd ||
	    a.initrd_start != b.initrd_start || a.initrd_end != b.initrd_end ||
	    a.has_bootargs != b.has_bootargs ||
	    (a.has_bootargs && strcmp(a.bootargs, b.bootargs) != 0))
		fail("the tree cut to totalsize reads differently");
	free(cut);
}

/* A header for blocks laid out as dtc does: reservation map right after it. */
static void write_header(uint8_t *blob, size_t size, size_t struct_offset, size_t struct_bytes,
			 size_t strings_offset, size_t strings_bytes, uint32_t version)
{
	put_be32(blob + 0, FDT_MAGIC);
	put_be32(blob + 4, (uint32_t)size);
	put_be32(blob + 8, (uint32_t)struct_offset);
	put_be32(blob + 12, (uint32_t)strings_offset);
	put_be32(blob + 16, FDT_HEADER_SIZE);
	put_be32(blob + 20, version);
	put_be32(blob + 24, 16);
	put_be32(blob + 32, (uint32_t)strings_bytes);
	put_be32(blob + 36, (uint32_t)struct_bytes);
}

/* Framed: a header written around the input's blocks. */
static uint8_t *frame(const uint8_t *data, size_t length, size_t *size)
{
	unsigned mode = data[0], entries = data[1] % 4, field = data[1] / 4 % 16;
	size_t rest = length - FRAME_HEADER, at = FRAME_HEADER;
	size_t rsv_bytes = (size_t)entries * 16, struct_bytes = (size_t)data[2] << 8 | data[3];
	size_t terminator = mode & 2 ? 0 : 16, strings_bytes, struct_offset, strings_offset;
	uint8_t *blob;

	if (rsv_bytes > rest)
		rsv_bytes = rest / 16 * 16;
	rest -= rsv_bytes;
	if (struct_bytes > rest)
		struct_bytes = rest;
	strings_bytes = rest - struct_bytes;
	struct_offset = FDT_HEADER_SIZE + rsv_bytes + terminator;
	strings_offset = struct_offset + struct_bytes;
	*size = strings_offset + strings_bytes;
	blob = malloc(*size);
	if (!blob)
		fail("out of memory");
	memset(blob, 0, *size);
	write_header(blob, *size, struct_offset, struct_bytes, strings_offset, strings_bytes,
		     mode & 4 ? 16 : 17);
	if (field < 10)
		put_be32(blob + 4 * field, get_be32(blob + 4 * field) + get_be32(data + 4));
	memcpy(blob + FDT_HEADER_SIZE, data + at, rsv_bytes);
	at += rsv_bytes;
	memcpy(blob + struct_offset, data + at, struct_bytes);
	at += struct_bytes;
	memcpy(blob + strings_offset, data + at, strings_bytes);
	return blob;
}

/*
 * The writer's program, a byte an operation (op = byte % 8, arg = byte / 8):
 *   0 begin a node named node_names[arg % 8] 1 end a node (if one is open)
 *   2 a property prop_names[arg] of the next byte % 81 bytes of input
 *   3 a property prop_names[arg] of one cell, the next 4 bytes
 *   4 FDT_NOP                               5 a raw word, the next 4 bytes
 *   6 a reservation entry, the next 16 bytes
 *   7 prop_names[arg] as a string "a=1 b" (with its NUL when arg is even)
 * Open nodes are closed at the end, and FDT_END follows.
 */
static const char *const node_names[] = { "",    "memory@0", "memory", "chosen", "memory@1000",
					  "soc", "cpus",     "x" };
static const char *const prop_names[] = { "reg",         "bootargs",           "#address-cells",
					  "#size-cells", "linux,initrd-start", "linux,initrd-end",
					  "device_type", "compatible" };

struct tree_writer {
	uint8_t *structure;
	size_t struct_size;
	uint8_t rsvmap[16 * 16];
	size_t rsvmap_size;
	uint32_t name_offsets[8];
	char strings[256];
	size_t strings_size;
};

static void emit(struct tree_writer *w, const void *bytes, size_t length)
{
	memcpy(w->structure + w->struct_size, bytes, length);
	w->struct_size += length;
	while (w->struct_size & 3)
		w->structure[w->struct_size++] = 0;
}

static void emit32(struct tree_writer *w, uint32_t value)
{
	uint8_t word[4];

	put_be32(word, value);
	emit(w, word, 4);
}

static void emit_prop(struct tree_writer *w, unsigned name, const void *value, size_t length)
{
	emit32(w, FDT_PROP);
	emit32(w, (uint32_t)length);
	emit32(w, w->name_offsets[name % 8]);
	emit(w, value, length);
}

/* Up to n bytes of the program's input as an operand, zeros past its end. */
static const uint8_t *operand(const uint8_t *data, size_t length, size_t *at, size_t n,
			      uint8_t *scratch)
{
	memset(scratch, 0, n);
	for (size_t i = 0; i < n && *at < length; i++)
		scratch[i] = data[(*at)++];
	return scratch;
}

static uint8_t *write_tree(const uint8_t *data, size_t length, size_t *size)
{
	struct tree_writer w = { 0 };
	unsigned depth = 0;
	size_t at = 1, struct_offset, strings_offset;
	uint8_t scratch[80];
	uint8_t *blob;

	/*
	 * An input byte writes at most 92 bytes (a property of 80), and 4 more
	 * when its node is closed at the end.
	 */
	w.structure = malloc(96 * length + 4 * length + 64);
	if (!w.structure)
		fail("out of memory");
	for (unsigned i = 0; i < 8; i++) {
		w.name_offsets[i] = (uint32_t)w.strings_size;
		memcpy(w.strings + w.strings_size, prop_names[i], strlen(prop_names[i]) + 1);
		w.strings_size += strlen(prop_names[i]) + 1;
	}
	while (at < length) {
		unsigned op = data[at] % 8, arg = data[at] / 8;
		const uint8_t *v;

		at++;
		switch (op) {
		case 0:
			emit32(&w, FDT_BEGIN_NODE);
			emit(&w, node_names[arg % 8], strlen(node_names[arg % 8]) + 1);
			depth++;
			break;
		case 1:
			if (depth) {
				emit32(&w, FDT_END_NODE);
				depth--;
			}
			break;
		case 2: {
			size_t n = at < length ? data[at++] % 81 : 0;

			v = operand(data, length, &at, n, scratch);
			emit_prop(&w, arg, v, n);
			break;
		}
		case 3:
			emit_prop(&w, arg, operand(data, length, &at, 4, scratch), 4);
			break;
		case 4:
			emit32(&w, FDT_NOP);
			break;
		case 5:
			v = operand(data, length, &at, 4, scratch);
			emit(&w, v, 4);
			break;
		case 6:
			v = operand(data, length, &at, 16, scratch);
			if (w.rsvmap_size < sizeof(w.rsvmap)) {
				memcpy(w.rsvmap + w.rsvmap_size, v, 16);
				w.rsvmap_size += 16;
			}
			break;
		case 7:
			emit_prop(&w, arg, "a=1 b", arg & 1 ? 5 : 6);
			break;
		}
	}
	while (depth--)
		emit32(&w, FDT_END_NODE);
	emit32(&w, FDT_END);

	struct_offset = FDT_HEADER_SIZE + w.rsvmap_size + 16;
	strings_offset = struct_offset + w.struct_size;
	*size = strings_offset + w.strings_size;
	blob = malloc(*size);
	if (!blob)
		fail("out of memory");
	memset(blob, 0, *size);
	write_header(blob, *size, struct_offset, w.struct_size, strings_offset, w.strings_size, 17);
	memcpy(blob + FDT_HEADER_SIZE, w.rsvmap, w.rsvmap_size);
	memcpy(blob + struct_offset, w.structure, w.struct_size);
	memcpy(blob + strings_offset, w.strings, w.strings_size);
	free(w.structure);
	return blob;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length)
{
	struct fdt fdt;
	uint8_t *blob;
	size_t size;

	static const uint8_t magic[4] = { 0xD0, 0x0D, 0xFE, 0xED };

	if (length >= FRAME_HEADER && memcmp(data, magic, sizeof(magic)) != 0) {
		blob = data[0] & 1 ? frame(data, length, &size) : write_tree(data, length, &size);
	} else {
		size = length;
		blob = malloc(size ? size : 1);
		if (!blob)
			fail("out of memory");
		memcpy(blob, data, size);
	}
	/* The input's tail chooses the arbitrary handles. */
	if (run(blob, size, data + length / 2, length - length / 2, &fdt) == 0 &&
	    fdt.total_size < size)
		run_cut(&fdt, data + length / 2, length - length / 2);
	free(blob);
	return 0;
}
