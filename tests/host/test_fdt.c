/*
 * tests/host/test_fdt.c - the device tree reader, under ASan/UBSan.
 *
 * Every blob is made here by a small writer (header, reservation map,
 * structure and strings, as the Devicetree Specification lays them out)
 * and handed over in a heap buffer of exactly its size, so a read one byte
 * past the blob is an AddressSanitizer report. Good trees first, then
 * every corruption, each with the error it must give; then sweeps: every
 * shorter structure or strings block, every truncation, and every single
 * byte of a good blob changed, with all accessors run on whatever opens.
 */
#include "bigendian.h"
#include <stdlib.h>

#include "kernel/error.h"
#include "kernel/fdt.h"
#include "tap.h"

#define WRITER_STRUCT_MAX  4096
#define WRITER_STRINGS_MAX 1024
#define WRITER_RSVMAP_MAX  16

/* Header fields, by byte offset (the specification's order). */
#define H_MAGIC           0
#define H_TOTALSIZE       4
#define H_OFF_DT_STRUCT   8
#define H_OFF_DT_STRINGS  12
#define H_OFF_MEM_RSVMAP  16
#define H_VERSION         20
#define H_LAST_COMP       24
#define H_SIZE_DT_STRINGS 32
#define H_SIZE_DT_STRUCT  36

struct writer {
	uint8_t rsvmap[WRITER_RSVMAP_MAX * 16];
	uint32_t rsvmap_size;
	uint8_t structure[WRITER_STRUCT_MAX];
	uint32_t struct_size;
	char strings[WRITER_STRINGS_MAX];
	uint32_t strings_size;
	bool no_end;        /* leave out the final FDT_END */
	bool no_rsvmap_end; /* leave out the (0, 0) entry */
};

/* A finished blob: data is malloc'ed with exactly size bytes. */
struct blob {
	uint8_t *data;
	uint32_t size;
	uint32_t struct_offset;
	uint32_t strings_offset;
};

static void die(const char *what)
{
	printf("Bail out! %s\n", what);
	exit(1);
}

static void writer_init(struct writer *w)
{
	memset(w, 0, sizeof(*w));
}

static void emit_bytes(struct writer *w, const void *bytes, uint32_t length)
{
	if (length > WRITER_STRUCT_MAX - w->struct_size)
		die("writer: structure block full");
	memcpy(w->structure + w->struct_size, bytes, length);
	w->struct_size += length;
}

/* Zeros up to the next 4-byte boundary, as the format pads names and values. */
static void emit_padding(struct writer *w)
{
	static const uint8_t zeros[3];

	emit_bytes(w, zeros, (4 - (w->struct_size & 3)) & 3);
}

/* One word; returns its offset in the structure block. */
static uint32_t emit32(struct writer *w, uint32_t value)
{
	uint8_t word[4];
	uint32_t at = w->struct_size;

	put_be32(word, value);
	emit_bytes(w, word, 4);
	return at;
}

static uint32_t begin_node(struct writer *w, const char *name)
{
	uint32_t at = emit32(w, FDT_BEGIN_NODE);

	emit_bytes(w, name, (uint32_t)strlen(name) + 1);
	emit_padding(w);
	return at;
}

static void end_node(struct writer *w)
{
	emit32(w, FDT_END_NODE);
}

/* A name's offset in the strings block, added once. */
static uint32_t string_offset(struct writer *w, const char *name)
{
	uint32_t length = (uint32_t)strlen(name) + 1;

	for (uint32_t at = 0; at < w->strings_size; at += (uint32_t)strlen(w->strings + at) + 1)
		if (strcmp(w->strings + at, name) == 0)
			return at;
	if (length > WRITER_STRINGS_MAX - w->strings_size)
		die("writer: strings block full");
	memcpy(w->strings + w->strings_size, name, length);
	w->strings_size += length;
	return w->strings_size - length;
}

/* A property; returns the offset of its FDT_PROP token. */
static uint32_t prop(struct writer *w, const char *name, const void *value, uint32_t length)
{
	uint32_t at = emit32(w, FDT_PROP);

	emit32(w, length);
	emit32(w, string_offset(w, name));
	emit_bytes(w, value, length);
	emit_padding(w);
	return at;
}

static uint32_t prop_string(struct writer *w, const char *name, const char *value)
{
	return prop(w, name, value, (uint32_t)strlen(value) + 1);
}

/* A property of n big-endian cells. */
static uint32_t prop_cells(struct writer *w, const char *name, const uint32_t *cells, unsigned n)
{
	uint8_t value[128];

	if (n > sizeof(value) / 4)
		die("writer: too many cells");
	for (unsigned i = 0; i < n; i++)
		put_be32(value + 4 * i, cells[i]);
	return prop(w, name, value, 4 * n);
}

static uint32_t prop_u32(struct writer *w, const char *name, uint32_t value)
{
	return prop_cells(w, name, &value, 1);
}

static uint32_t prop_u64(struct writer *w, const char *name, uint64_t value)
{
	uint32_t cells[2] = { (uint32_t)(value >> 32), (uint32_t)value };

	return prop_cells(w, name, cells, 2);
}

static void reserve(struct writer *w, uint64_t address, uint64_t size)
{
	if (w->rsvmap_size == sizeof(w->rsvmap))
		die("writer: reservation map full");
	put_be64(w->rsvmap + w->rsvmap_size, address);
	put_be64(w->rsvmap + w->rsvmap_size + 8, size);
	w->rsvmap_size += 16;
}

/*
 * Lay it out as dtc does: header, reservation map (8-aligned, right after
 * the 40-byte header), structure block, strings block; version 17.
 */
static struct blob finish(struct writer *w)
{
	struct blob b;
	uint32_t rsvmap_bytes = w->rsvmap_size + (w->no_rsvmap_end ? 0 : 16);
	uint32_t struct_bytes = w->struct_size + (w->no_end ? 0 : 4);

	b.struct_offset = FDT_HEADER_SIZE + rsvmap_bytes;
	b.strings_offset = b.struct_offset + struct_bytes;
	b.size = b.strings_offset + w->strings_size;
	b.data = malloc(b.size);
	if (!b.data)
		die("out of memory");
	memset(b.data, 0, b.size);
	put_be32(b.data + H_MAGIC, FDT_MAGIC);
	put_be32(b.data + H_TOTALSIZE, b.size);
	put_be32(b.data + H_OFF_DT_STRUCT, b.struct_offset);
	put_be32(b.data + H_OFF_DT_STRINGS, b.strings_offset);
	put_be32(b.data + H_OFF_MEM_RSVMAP, FDT_HEADER_SIZE);
	put_be32(b.data + H_VERSION, 17);
	put_be32(b.data + H_LAST_COMP, 16);
	put_be32(b.data + H_SIZE_DT_STRINGS, w->strings_size);
	put_be32(b.data + H_SIZE_DT_STRUCT, struct_bytes);
	memcpy(b.data + FDT_HEADER_SIZE, w->rsvmap, w->rsvmap_size);
	memcpy(b.data + b.struct_offset, w->structure, w->struct_size);
	if (!w->no_end)
		put_be32(b.data + b.struct_offset + w->struct_size, FDT_END);
	memcpy(b.data + b.strings_offset, w->strings, w->strings_size);
	return b;
}

/* A copy of the first size bytes, in a buffer of exactly that size. */
static uint8_t *copy_exact(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);

	if (!copy)
		die("out of memory");
	memcpy(copy, data, size);
	return copy;
}

static void set_field(struct blob *b, uint32_t field, uint32_t value)
{
	put_be32(b->data + field, value);
}

static int open_blob(const struct blob *b, struct fdt *fdt)
{
	return fdt_open(fdt, b->data, b->size);
}

/* fdt_open() on the blob, the blob freed. */
static int open_and_free(struct blob b)
{
	struct fdt fdt;
	int error = open_blob(&b, &fdt);

	free(b.data);
	return error;
}

/* [p, p + length) lies inside the blob. */
static bool inside(const struct blob *b, const void *p, uint32_t length)
{
	const uint8_t *q = p;

	return q >= b->data && q <= b->data + b->size && length <= (size_t)(b->data + b->size - q);
}

/*
 * The board-like tree most tests start from: 1/1 cells as on a Pi,
 * two reservations, chosen with bootargs and a 32-bit initrd, memory@0.
 */
struct pi_tree {
	uint32_t root, chosen, memory, soc, serial, reg_prop, bootargs_prop, model_prop;
};

static struct pi_tree build_pi(struct writer *w)
{
	struct pi_tree t;
	const uint32_t reg[] = { 0x00000000, 0x3B400000 };
	const uint32_t serial_reg[] = { 0x7E201000, 0x200 };

	writer_init(w);
	reserve(w, 0x00000000, 0x1000);
	reserve(w, 0x3B400000, 0x04C00000);
	t.root = begin_node(w, "");
	prop_u32(w, "#address-cells", 1);
	prop_u32(w, "#size-cells", 1);
	t.model_prop = prop_string(w, "model", "Raspberry Pi 2 Model B");
	t.chosen = begin_node(w, "chosen");
	t.bootargs_prop = prop_string(w, "bootargs", "console=serial0,115200 root=/dev/mmcblk0p2");
	prop_u32(w, "linux,initrd-start", 0x02000000);
	prop_u32(w, "linux,initrd-end", 0x02400000);
	end_node(w);
	t.memory = begin_node(w, "memory@0");
	prop_string(w, "device_type", "memory");
	t.reg_prop = prop_cells(w, "reg", reg, 2);
	end_node(w);
	t.soc = begin_node(w, "soc");
	t.serial = begin_node(w, "serial@7e201000");
	prop_string(w, "compatible", "arm,pl011");
	prop_cells(w, "reg", serial_reg, 2);
	end_node(w);
	end_node(w);
	end_node(w);
	return t;
}

/* A tree with the given root cells (0: none) and /memory reg of n cells. */
static struct blob build_memory(int address_cells, int size_cells, const uint32_t *reg, unsigned n)
{
	struct writer w;

	writer_init(&w);
	begin_node(&w, "");
	if (address_cells >= 0)
		prop_u32(&w, "#address-cells", (uint32_t)address_cells);
	if (size_cells >= 0)
		prop_u32(&w, "#size-cells", (uint32_t)size_cells);
	begin_node(&w, "memory@0");
	prop_cells(&w, "reg", reg, n);
	end_node(&w);
	end_node(&w);
	return finish(&w);
}

/* Where read_boot_blob() keeps bootargs once the blob it pointed into is freed. */
static char bootargs_copy[256];

/*
 * fdt_read_boot() on a blob, which is freed; *out filled on success, its
 * bootargs then pointing at a copy.
 */
static int read_boot_blob(struct blob b, struct fdt_boot *out)
{
	struct fdt fdt;
	int error = open_blob(&b, &fdt);

	if (error == 0)
		error = fdt_read_boot(&fdt, out);
	else
		error = 100; /* not the answer any test expects */
	if (error == 0 && out->has_bootargs) {
		snprintf(bootargs_copy, sizeof(bootargs_copy), "%s", out->bootargs);
		out->bootargs = bootargs_copy;
	}
	free(b.data);
	return error;
}

/* A /chosen holding what add() puts in it, read by fdt_read_boot(). */
static int read_chosen(void (*add)(struct writer *), struct fdt_boot *out)
{
	struct writer w;

	writer_init(&w);
	begin_node(&w, "");
	begin_node(&w, "chosen");
	add(&w);
	end_node(&w);
	end_node(&w);
	return read_boot_blob(finish(&w), out);
}

static void chosen_unterminated(struct writer *w)
{
	prop(w, "bootargs", "console=serial0", 15);
}

static void chosen_empty_bootargs(struct writer *w)
{
	prop(w, "bootargs", "", 0);
}

static void chosen_blank_bootargs(struct writer *w)
{
	prop_string(w, "bootargs", "");
}

static void chosen_two_strings(struct writer *w)
{
	prop(w, "bootargs", "quiet\0junk", 11);
}

static void chosen_initrd_64(struct writer *w)
{
	prop_u64(w, "linux,initrd-start", 0x0000000001000000ULL);
	prop_u64(w, "linux,initrd-end", 0x0000000001800000ULL);
}

static void chosen_initrd_mixed(struct writer *w)
{
	prop_u32(w, "linux,initrd-start", 0x01000000);
	prop_u64(w, "linux,initrd-end", 0x0000000001000100ULL);
}

static void chosen_initrd_start_only(struct writer *w)
{
	prop_u32(w, "linux,initrd-start", 0x01000000);
}

static void chosen_initrd_backwards(struct writer *w)
{
	prop_u32(w, "linux,initrd-start", 0x01000000);
	prop_u32(w, "linux,initrd-end", 0x00FFFFFF);
}

static void chosen_initrd_short(struct writer *w)
{
	prop(w, "linux,initrd-start", "\x01\x00", 2);
	prop_u32(w, "linux,initrd-end", 0x01000000);
}

static void chosen_initrd_twelve(struct writer *w)
{
	const uint32_t cells[] = { 0, 0, 0x01000000 };

	prop_u32(w, "linux,initrd-start", 0);
	prop_cells(w, "linux,initrd-end", cells, 3);
}

/*
 * Everything a caller can ask of an opened tree, with what must hold of
 * every answer: values inside the blob, lookups never failing on a
 * structure fdt_open() accepted. Returns false at the first breach.
 */
static bool accessors_hold(const struct blob *b, const struct fdt *fdt)
{
	static const char *const paths[] = { "/",    "/chosen",     "/memory",    "/memory@0",
					     "/soc", "/soc/serial", "/cpus/cpu@0" };
	static const char *const names[] = { "reg", "bootargs", "#address-cells", "model", "" };
	struct fdt_boot boot;
	uint64_t address, size;
	unsigned i;
	int error;

	for (i = 0; (error = fdt_reservation(fdt, i, &address, &size)) == 0; i++)
		if (i > fdt_total_size(fdt) / 16)
			return false;
	if (error != ERR_NOT_FOUND)
		return false;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		uint32_t node;

		error = fdt_find_node(fdt, paths[i], &node);
		if (error == ERR_NOT_FOUND)
			continue;
		if (error || node >= fdt->struct_size || (node & 3))
			return false;
		for (unsigned j = 0; j < sizeof(names) / sizeof(names[0]); j++) {
			const void *value;
			uint32_t length;

			error = fdt_get_property(fdt, node, names[j], &value, &length);
			if (error == ERR_NOT_FOUND)
				continue;
			if (error || !inside(b, value, length))
				return false;
		}
	}
	error = fdt_read_boot(fdt, &boot);
	if (error == ERR_INVALID)
		return true;
	if (error || boot.memory_count > FDT_MEMORY_RANGES_MAX)
		return false;
	if (boot.has_bootargs) {
		const uint8_t *text = (const uint8_t *)boot.bootargs;

		if (!inside(b, text, 1) || !memchr(text, 0, (size_t)(b->data + b->size - text)))
			return false;
	}
	return !boot.has_initrd || boot.initrd_start <= boot.initrd_end;
}

static void test_good_tree(void)
{
	struct writer w;
	struct pi_tree t = build_pi(&w);
	struct blob b = finish(&w);
	struct fdt fdt;
	struct fdt_boot boot;
	uint64_t address = 0, size = 0;
	uint32_t node = 0xFFFFFFFF, length = 0;
	const void *value = NULL;

	TAP_EQ_U32(0, open_blob(&b, &fdt), "a good tree opens");
	TAP_EQ_U32(b.size, fdt_total_size(&fdt), "its total size");
	TAP_OK(fdt_reservation(&fdt, 0, &address, &size) == 0 && address == 0 && size == 0x1000,
	       "reservation 0");
	TAP_OK(fdt_reservation(&fdt, 1, &address, &size) == 0 && address == 0x3B400000 &&
		       size == 0x04C00000,
	       "reservation 1");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_reservation(&fdt, 2, &address, &size),
		   "the (0, 0) entry ends the map");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_reservation(&fdt, 1000, NULL, NULL), "far past the end too");

	TAP_OK(fdt_find_node(&fdt, "/", &node) == 0 && node == t.root, "/ is the root");
	TAP_OK(fdt_find_node(&fdt, "/memory", &node) == 0 && node == t.memory,
	       "/memory finds memory@0");
	TAP_OK(fdt_find_node(&fdt, "/memory@0", &node) == 0 && node == t.memory,
	       "/memory@0 finds it by full name");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_find_node(&fdt, "/memory@1", &node),
		   "another unit address does not match");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_find_node(&fdt, "/mem", &node), "a prefix is not a match");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_find_node(&fdt, "/memory@0x", &node),
		   "nor is a longer unit address");
	TAP_OK(fdt_find_node(&fdt, "/soc/serial", &node) == 0 && node == t.serial,
	       "/soc/serial, two levels down");
	TAP_OK(fdt_find_node(&fdt, "/soc/serial@7e201000", &node) == 0 && node == t.serial,
	       "/soc/serial@7e201000");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_find_node(&fdt, "/serial", &node),
		   "a grandchild is not found as a child");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_find_node(&fdt, "/chosen/serial", &node),
		   "nor under another node");
	TAP_EQ_U32(ERR_INVALID, fdt_find_node(&fdt, "chosen", &node), "a relative path is refused");
	TAP_EQ_U32(ERR_INVALID, fdt_find_node(&fdt, "/chosen/", &node), "a trailing / is refused");
	TAP_EQ_U32(ERR_INVALID, fdt_find_node(&fdt, "//chosen", &node),
		   "an empty component is refused");
	TAP_EQ_U32(ERR_INVALID, fdt_find_node(&fdt, NULL, &node), "no path is refused");

	TAP_OK(fdt_get_property(&fdt, t.root, "#address-cells", &value, &length) == 0 &&
		       length == 4 && get_be32(value) == 1,
	       "the root's #address-cells");
	TAP_OK(fdt_get_property(&fdt, t.root, "model", &value, &length) == 0 &&
		       value == b.data + b.struct_offset + t.model_prop + 12 && length == 23,
	       "a property's value points into the blob");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_get_property(&fdt, t.root, "bootargs", &value, &length),
		   "a child's property is not the root's");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_get_property(&fdt, t.soc, "compatible", NULL, NULL),
		   "nor its parent's");
	TAP_OK(fdt_get_property(&fdt, t.memory, "reg", NULL, &length) == 0 && length == 8,
	       "memory@0's reg, outputs optional");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_get_property(&fdt, t.memory, "re", NULL, NULL),
		   "names match exactly");
	TAP_EQ_U32(ERR_INVALID, fdt_get_property(&fdt, t.memory + 2, "reg", NULL, NULL),
		   "a misaligned handle is refused");
	TAP_EQ_U32(ERR_INVALID, fdt_get_property(&fdt, t.reg_prop, "reg", NULL, NULL),
		   "a handle at a property is refused");
	TAP_EQ_U32(ERR_INVALID, fdt_get_property(&fdt, fdt.struct_size - 4, "reg", NULL, NULL),
		   "a handle at FDT_END is refused");
	TAP_EQ_U32(ERR_INVALID, fdt_get_property(&fdt, fdt.struct_size, "reg", NULL, NULL),
		   "a handle past the block is refused");
	TAP_EQ_U32(ERR_INVALID, fdt_get_property(&fdt, 0xFFFFFFFC, "reg", NULL, NULL),
		   "a handle far past it too");
	TAP_EQ_U32(ERR_INVALID, fdt_get_property(&fdt, t.root, NULL, NULL, NULL),
		   "no name is refused");

	TAP_EQ_U32(ERR_INVALID, fdt_read_boot(&fdt, NULL), "fdt_read_boot with nowhere to write");
	TAP_EQ_U32(0, fdt_read_boot(&fdt, &boot), "fdt_read_boot on the good tree");
	TAP_OK(boot.has_memory && boot.memory_count == 1 && boot.memory[0].base == 0 &&
		       boot.memory[0].size == 0x3B400000 && !boot.memory_above_4g &&
		       !boot.memory_truncated,
	       "memory: one range, 1/1 cells");
	TAP_OK(boot.has_bootargs && (const uint8_t *)boot.bootargs ==
					    b.data + b.struct_offset + t.bootargs_prop + 12,
	       "bootargs points at the property");
	TAP_EQ_STR("console=serial0,115200 root=/dev/mmcblk0p2",
		   boot.has_bootargs ? boot.bootargs : "", "bootargs text");
	TAP_OK(boot.has_initrd && boot.initrd_start == 0x02000000 && boot.initrd_end == 0x02400000,
	       "initrd, 32-bit form");
	TAP_OK(accessors_hold(&b, &fdt), "every accessor's answer lies inside the blob");
	free(b.data);
}

static void test_structure_variants(void)
{
	struct writer w;
	struct blob b;
	struct fdt fdt;
	struct fdt_boot boot;
	uint32_t node, second, found, length;
	const void *value;
	char path[64];

	/* NOPs anywhere; a property after a child node. */
	writer_init(&w);
	emit32(&w, FDT_NOP);
	begin_node(&w, "");
	emit32(&w, FDT_NOP);
	begin_node(&w, "chosen");
	end_node(&w);
	emit32(&w, FDT_NOP);
	prop_string(&w, "late", "after a child");
	end_node(&w);
	emit32(&w, FDT_NOP);
	b = finish(&w);
	TAP_EQ_U32(0, open_blob(&b, &fdt), "NOPs before, inside and after the root");
	TAP_OK(fdt_find_node(&fdt, "/", &node) == 0 && node == 4 &&
		       fdt_get_property(&fdt, node, "late", &value, &length) == 0 && length == 14,
	       "a property after a child is still the node's");
	free(b.data);

	/* Two nodes with one base name: the rest of the path is looked for in both. */
	writer_init(&w);
	begin_node(&w, "");
	begin_node(&w, "memory@0");
	end_node(&w);
	second = begin_node(&w, "memory@1000");
	node = begin_node(&w, "bank");
	end_node(&w);
	end_node(&w);
	end_node(&w);
	b = finish(&w);
	TAP_EQ_U32(0, open_blob(&b, &fdt), "two memory nodes open");
	TAP_OK(fdt_find_node(&fdt, "/memory/bank", &found) == 0 && found == node,
	       "/memory/bank is found under the second");
	TAP_OK(fdt_find_node(&fdt, "/memory@1000", &found) == 0 && found == second,
	       "/memory@1000 is the second");
	free(b.data);

	/* Nesting: FDT_MAX_DEPTH nodes open is the most. */
	writer_init(&w);
	begin_node(&w, "");
	strcpy(path, "");
	for (int i = 1; i < FDT_MAX_DEPTH; i++) {
		char name[2] = { (char)('a' + i - 1), 0 };

		node = begin_node(&w, name);
		strcat(path, "/");
		strcat(path, name);
	}
	for (int i = 0; i < FDT_MAX_DEPTH; i++)
		end_node(&w);
	b = finish(&w);
	TAP_EQ_U32(0, open_blob(&b, &fdt), "nodes nested FDT_MAX_DEPTH deep open");
	TAP_OK(fdt_find_node(&fdt, path, &found) == 0 && found == node, "and the deepest is found");
	strcat(path, "/p");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_find_node(&fdt, path, &found),
		   "a path deeper than the bound is not found");
	free(b.data);

	writer_init(&w);
	for (int i = 0; i <= FDT_MAX_DEPTH; i++)
		begin_node(&w, i ? "n" : "");
	for (int i = 0; i <= FDT_MAX_DEPTH; i++)
		end_node(&w);
	TAP_EQ_U32(ERR_INVALID, open_and_free(finish(&w)), "one deeper is refused");

	/* A bare root, nothing else: opens; read_boot finds nothing. */
	writer_init(&w);
	begin_node(&w, "");
	end_node(&w);
	b = finish(&w);
	memset(&boot, 0xA5, sizeof(boot));
	TAP_OK(open_blob(&b, &fdt) == 0 && fdt_read_boot(&fdt, &boot) == 0 && !boot.has_memory &&
		       boot.memory_count == 0 && !boot.has_bootargs && !boot.has_initrd,
	       "a bare root: nothing to boot with, no error");
	TAP_EQ_U32(ERR_NOT_FOUND, fdt_reservation(&fdt, 0, NULL, NULL),
		   "and an empty reservation map");
	free(b.data);

	/* Version 16: no size_dt_struct, the block runs to the end of the blob. */
	build_pi(&w);
	b = finish(&w);
	set_field(&b, H_VERSION, 16);
	set_field(&b, H_SIZE_DT_STRUCT, 0xFFFFFFFF);
	TAP_OK(open_blob(&b, &fdt) == 0 && fdt.struct_size == b.size - b.struct_offset &&
		       fdt_find_node(&fdt, "/soc/serial", &node) == 0,
	       "a version 16 header: size_dt_struct ignored");
	free(b.data);

	/* A blob in a bigger buffer: the limit only bounds totalsize. */
	build_pi(&w);
	b = finish(&w);
	{
		uint8_t *big = malloc(b.size + 100);

		if (!big)
			die("out of memory");
		memcpy(big, b.data, b.size);
		TAP_OK(fdt_open(&fdt, big, b.size + 100) == 0 && fdt_total_size(&fdt) == b.size,
		       "a limit above totalsize is fine");
		free(big);
	}
	free(b.data);
}

static void test_memory_cells(void)
{
	struct fdt_boot boot;
	const uint32_t reg_2_1[] = { 0, 0x00000000, 0x10000000, 1, 0x00000000, 0x1000 };
	const uint32_t reg_2_2[] = {
		0, 0x00000000, 0, 0x40000000, /* 1 GiB at 0 */
		0, 0xC0000000, 0, 0x80000000, /* crosses 4 GiB: cut at it */
		0, 0x80000000, 0, 0,          /* size 0: skipped */
	};
	const uint32_t reg_1_2[] = { 0x1000, 0, 0x2000 };
	const uint32_t reg_nine[] = { 0, 1, 2, 1, 4, 1, 6, 1, 8, 1, 10, 1, 12, 1, 14, 1, 16, 1 };
	const uint32_t reg_wraps[] = { 0xFFFFFFFF, 0xFFFFF000, 0, 0x2000 };
	const uint32_t reg_1_1[] = { 0x1000, 0x2000 };
	const uint32_t reg_odd[] = { 0, 0x1000, 0 };
	struct writer w;

	TAP_OK(read_boot_blob(build_memory(-1, -1, reg_2_1, 6), &boot) == 0 && boot.has_memory &&
		       boot.memory_count == 1 && boot.memory[0].base == 0 &&
		       boot.memory[0].size == 0x10000000 && boot.memory_above_4g,
	       "default cells are 2 and 1; a range above 4 GiB is dropped and flagged");
	TAP_OK(read_boot_blob(build_memory(2, 2, reg_2_2, 12), &boot) == 0 &&
		       boot.memory_count == 2 && boot.memory[0].size == 0x40000000 &&
		       boot.memory[1].base == 0xC0000000 && boot.memory[1].size == 0x40000000 &&
		       boot.memory_above_4g,
	       "2/2 cells: a range across 4 GiB is cut there; size 0 is skipped");
	TAP_OK(read_boot_blob(build_memory(1, 2, reg_1_2, 3), &boot) == 0 &&
		       boot.memory_count == 1 && boot.memory[0].base == 0x1000 &&
		       boot.memory[0].size == 0x2000 && !boot.memory_above_4g,
	       "1/2 cells");
	TAP_OK(read_boot_blob(build_memory(1, 1, reg_nine, 18), &boot) == 0 &&
		       boot.memory_count == FDT_MEMORY_RANGES_MAX && boot.memory_truncated &&
		       boot.memory[7].base == 14,
	       "nine ranges: the first eight kept, flagged");

	memset(&boot, 0x5A, sizeof(boot));
	{
		struct fdt_boot before = boot;

		TAP_OK(read_boot_blob(build_memory(3, 1, reg_1_1, 2), &boot) == ERR_INVALID &&
			       memcmp(&boot, &before, sizeof(boot)) == 0,
		       "#address-cells 3 is refused, *out untouched");
	}
	TAP_EQ_U32(ERR_INVALID, read_boot_blob(build_memory(1, 0, reg_1_1, 2), &boot),
		   "#size-cells 0 is refused");
	TAP_EQ_U32(ERR_INVALID, read_boot_blob(build_memory(1, 1, reg_odd, 3), &boot),
		   "a reg that is not whole entries is refused");
	TAP_EQ_U32(ERR_INVALID, read_boot_blob(build_memory(1, 1, reg_1_1, 0), &boot),
		   "an empty reg is refused");
	TAP_EQ_U32(ERR_INVALID, read_boot_blob(build_memory(2, 2, reg_wraps, 4), &boot),
		   "a range wrapping 64 bits is refused");

	writer_init(&w);
	begin_node(&w, "");
	prop(&w, "#address-cells", "\0\0\0\0\0\0\0\1", 8);
	begin_node(&w, "memory");
	prop_cells(&w, "reg", reg_2_1, 3);
	end_node(&w);
	end_node(&w);
	TAP_EQ_U32(ERR_INVALID, read_boot_blob(finish(&w), &boot),
		   "an 8-byte #address-cells is refused");

	writer_init(&w);
	begin_node(&w, "");
	begin_node(&w, "memory");
	prop_string(&w, "device_type", "memory");
	end_node(&w);
	end_node(&w);
	TAP_EQ_U32(ERR_INVALID, read_boot_blob(finish(&w), &boot),
		   "a /memory without reg is refused");

	writer_init(&w);
	begin_node(&w, "");
	prop_u32(&w, "#address-cells", 7);
	begin_node(&w, "chosen");
	end_node(&w);
	end_node(&w);
	TAP_EQ_U32(0, read_boot_blob(finish(&w), &boot), "bad cells with no /memory are not read");
}

static void test_chosen(void)
{
	struct fdt_boot boot;

	TAP_EQ_U32(ERR_INVALID, read_chosen(chosen_unterminated, &boot),
		   "a bootargs with no NUL is refused");
	TAP_EQ_U32(ERR_INVALID, read_chosen(chosen_empty_bootargs, &boot),
		   "a bootargs of length 0 is refused");
	TAP_OK(read_chosen(chosen_blank_bootargs, &boot) == 0 && boot.has_bootargs &&
		       boot.bootargs[0] == '\0',
	       "a bootargs of \"\" is there, empty");
	TAP_OK(read_chosen(chosen_two_strings, &boot) == 0 && boot.has_bootargs &&
		       strcmp(boot.bootargs, "quiet") == 0,
	       "a bootargs ends at its first NUL");
	TAP_OK(read_chosen(chosen_initrd_64, &boot) == 0 && boot.has_initrd &&
		       boot.initrd_start == 0x01000000 && boot.initrd_end == 0x01800000 &&
		       !boot.has_bootargs,
	       "initrd, 64-bit form");
	TAP_OK(read_chosen(chosen_initrd_mixed, &boot) == 0 && boot.has_initrd &&
		       boot.initrd_end == 0x01000100,
	       "initrd, one bound of each size");
	TAP_EQ_U32(ERR_INVALID, read_chosen(chosen_initrd_start_only, &boot),
		   "an initrd start without an end is refused");
	TAP_EQ_U32(ERR_INVALID, read_chosen(chosen_initrd_backwards, &boot),
		   "an initrd ending before it starts is refused");
	TAP_EQ_U32(ERR_INVALID, read_chosen(chosen_initrd_short, &boot),
		   "a 2-byte initrd bound is refused");
	TAP_EQ_U32(ERR_INVALID, read_chosen(chosen_initrd_twelve, &boot),
		   "a 12-byte initrd bound is refused");
}

/* A good tree with one header field changed: what fdt_open() says. */
static int open_with_field(uint32_t field, uint32_t value)
{
	struct writer w;
	struct blob b;

	build_pi(&w);
	b = finish(&w);
	set_field(&b, field, value);
	return open_and_free(b);
}

static void test_bad_header(void)
{
	struct writer w;
	struct blob b;
	struct fdt fdt, before;
	uint32_t size, strings;

	build_pi(&w);
	b = finish(&w);
	size = b.size;
	strings = b.strings_offset;

	memset(&fdt, 0x3C, sizeof(fdt));
	before = fdt;
	set_field(&b, H_MAGIC, 0xEDFE0DD0);
	TAP_OK(fdt_open(&fdt, b.data, b.size) == ERR_INVALID &&
		       memcmp(&fdt, &before, sizeof(fdt)) == 0,
	       "bad magic is refused, *fdt untouched");
	set_field(&b, H_MAGIC, FDT_MAGIC);
	TAP_EQ_U32(ERR_INVALID, fdt_open(&fdt, b.data, b.size - 1), "totalsize past the limit");
	TAP_EQ_U32(ERR_INVALID, fdt_open(&fdt, b.data, FDT_HEADER_SIZE - 1),
		   "a limit below the header");
	TAP_EQ_U32(ERR_INVALID, fdt_open(&fdt, NULL, 4096), "no blob");
	TAP_EQ_U32(ERR_INVALID, fdt_open(NULL, b.data, b.size), "no struct fdt");
	free(b.data);

	TAP_EQ_U32(ERR_INVALID, open_with_field(H_TOTALSIZE, FDT_HEADER_SIZE - 1),
		   "totalsize below the header");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_TOTALSIZE, 0xFFFFFFFF), "totalsize 4 GiB - 1");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_VERSION, 15), "version 15");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_LAST_COMP, 18), "last_comp_version 18");
	TAP_EQ_U32(0, open_with_field(H_VERSION, 20), "a later version compatible with 16 opens");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_DT_STRUCT, size + 4),
		   "struct block past the end");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_DT_STRUCT, 0), "struct block in the header");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_DT_STRUCT, FDT_HEADER_SIZE + 16 * 3 + 2),
		   "struct block not 4-byte aligned");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_SIZE_DT_STRUCT, size),
		   "struct size past the end");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_SIZE_DT_STRUCT, 0xFFFFFFFC),
		   "struct size that wraps");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_SIZE_DT_STRUCT, 0), "an empty struct block");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_DT_STRINGS, size + 1),
		   "strings past the end");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_DT_STRINGS, strings + 1),
		   "strings block running past the end");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_SIZE_DT_STRINGS, 0xFFFFFFFF),
		   "strings size that wraps");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_MEM_RSVMAP, size + 8),
		   "reservation map past the end");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_MEM_RSVMAP, FDT_HEADER_SIZE + 4),
		   "reservation map not 8-byte aligned");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_MEM_RSVMAP, 0),
		   "reservation map in the header");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_MEM_RSVMAP, (size - 8) & ~7u),
		   "reservation map with no room for its end");
	TAP_EQ_U32(ERR_INVALID, open_with_field(H_OFF_MEM_RSVMAP, size & ~7u),
		   "reservation map at the very end");

	/* No (0, 0) entry: the map runs into the tokens and off the blob. */
	build_pi(&w);
	w.no_rsvmap_end = true;
	TAP_EQ_U32(ERR_INVALID, open_and_free(finish(&w)), "a reservation map without its end");
}

/* A structure block of raw words (the writer's token helpers bypassed). */
static int open_words(const uint32_t *words, unsigned n, const char *strings, uint32_t strings_size)
{
	struct writer w;

	writer_init(&w);
	w.no_end = true;
	for (unsigned i = 0; i < n; i++)
		emit32(&w, words[i]);
	memcpy(w.strings, strings, strings_size);
	w.strings_size = strings_size;
	return open_and_free(finish(&w));
}

static void test_bad_structure(void)
{
	static const char names[] = "reg\0model";
	const uint32_t minimal[] = { FDT_BEGIN_NODE, 0, FDT_END_NODE, FDT_END };
	const uint32_t prop_ok[] = { FDT_BEGIN_NODE, 0,      FDT_PROP, 4, 4, 0x61626300,
				     FDT_END_NODE,   FDT_END };
	const uint32_t unknown[] = { FDT_BEGIN_NODE, 0, 5, FDT_END_NODE, FDT_END };
	const uint32_t len_past[] = { FDT_BEGIN_NODE, 0,      FDT_PROP, 13, 4, 0x61626300,
				      FDT_END_NODE,   FDT_END };
	const uint32_t len_wraps[] = { FDT_BEGIN_NODE, 0,      FDT_PROP, 0xFFFFFFF8, 4,
				       FDT_END_NODE,   FDT_END };
	const uint32_t len_huge[] = { FDT_BEGIN_NODE, 0,      FDT_PROP, 0x7FFFFFFF, 0,
				      FDT_END_NODE,   FDT_END };
	const uint32_t nameoff_past[] = {
		FDT_BEGIN_NODE, 0, FDT_PROP, 0, 10, FDT_END_NODE, FDT_END
	};
	const uint32_t nameoff_huge[] = { FDT_BEGIN_NODE, 0,      FDT_PROP, 0, 0xFFFFFFFF,
					  FDT_END_NODE,   FDT_END };
	const uint32_t prop_cut[] = { FDT_BEGIN_NODE, 0, FDT_PROP, 0 };
	const uint32_t name_cut[] = { FDT_BEGIN_NODE, 0, FDT_BEGIN_NODE, 0x61626364 };
	const uint32_t end_inside[] = { FDT_BEGIN_NODE, 0, FDT_END };
	const uint32_t extra_end_node[] = { FDT_BEGIN_NODE, 0, FDT_END_NODE, FDT_END_NODE,
					    FDT_END };
	const uint32_t prop_outside[] = {
		FDT_BEGIN_NODE, 0, FDT_END_NODE, FDT_PROP, 0, 0, FDT_END
	};
	const uint32_t prop_before[] = { FDT_PROP, 0, 0, FDT_BEGIN_NODE, 0, FDT_END_NODE, FDT_END };
	const uint32_t two_roots[] = { FDT_BEGIN_NODE, 0,      FDT_END_NODE, FDT_BEGIN_NODE, 0,
				       FDT_END_NODE,   FDT_END };
	const uint32_t no_root[] = { FDT_NOP, FDT_END };
	const uint32_t missing_end[] = { FDT_BEGIN_NODE, 0, FDT_END_NODE, FDT_NOP };
	const uint32_t end_node_cut[] = { FDT_BEGIN_NODE, 0 };
	struct writer w;
	struct blob b;

#define N(a) (unsigned)(sizeof(a) / sizeof((a)[0]))
	TAP_EQ_U32(0, open_words(minimal, N(minimal), names, sizeof(names)),
		   "raw words: a minimal tree");
	TAP_EQ_U32(0, open_words(prop_ok, N(prop_ok), names, sizeof(names)),
		   "raw words: one property");
	TAP_EQ_U32(ERR_INVALID, open_words(unknown, N(unknown), names, sizeof(names)),
		   "an unknown token");
	TAP_EQ_U32(ERR_INVALID, open_words(len_past, N(len_past), names, 4),
		   "a property length past the block");
	TAP_EQ_U32(ERR_INVALID, open_words(len_wraps, N(len_wraps), names, 4),
		   "a property length that wraps");
	TAP_EQ_U32(ERR_INVALID, open_words(len_huge, N(len_huge), names, 4),
		   "a property length of 2 GiB");
	TAP_EQ_U32(ERR_INVALID, open_words(nameoff_past, N(nameoff_past), names, sizeof(names)),
		   "a name offset at the strings block's end");
	TAP_EQ_U32(ERR_INVALID, open_words(nameoff_huge, N(nameoff_huge), names, sizeof(names)),
		   "a name offset of 4 GiB - 1");
	TAP_EQ_U32(ERR_INVALID, open_words(prop_ok, N(prop_ok), names, sizeof(names) - 1),
		   "a property name without its NUL in the strings block");
	TAP_EQ_U32(ERR_INVALID, open_words(prop_ok, N(prop_ok), names, 0),
		   "an empty strings block");
	TAP_EQ_U32(ERR_INVALID, open_words(prop_cut, N(prop_cut), names, 4),
		   "a property header cut by the block's end");
	TAP_EQ_U32(ERR_INVALID, open_words(name_cut, N(name_cut), names, 4),
		   "a node name without NUL at the block's end");
	TAP_EQ_U32(ERR_INVALID, open_words(end_inside, N(end_inside), names, 4),
		   "FDT_END inside a node");
	TAP_EQ_U32(ERR_INVALID, open_words(extra_end_node, N(extra_end_node), names, 4),
		   "an FDT_END_NODE with no node open");
	TAP_EQ_U32(ERR_INVALID, open_words(prop_outside, N(prop_outside), names, 4),
		   "a property after the root");
	TAP_EQ_U32(ERR_INVALID, open_words(prop_before, N(prop_before), names, 4),
		   "a property before the root");
	TAP_EQ_U32(ERR_INVALID, open_words(two_roots, N(two_roots), names, 4), "two roots");
	TAP_EQ_U32(ERR_INVALID, open_words(no_root, N(no_root), names, 4), "no root");
	TAP_EQ_U32(ERR_INVALID, open_words(missing_end, N(missing_end), names, 4),
		   "no FDT_END (raw words)");
	TAP_EQ_U32(ERR_INVALID, open_words(end_node_cut, N(end_node_cut), names, 4),
		   "a root never closed");
#undef N

	build_pi(&w);
	w.no_end = true;
	TAP_EQ_U32(ERR_INVALID, open_and_free(finish(&w)), "the good tree without FDT_END");

	/* A property's length or name offset patched in the good tree. */
	{
		struct pi_tree t = build_pi(&w);

		b = finish(&w);
		put_be32(b.data + b.struct_offset + t.reg_prop + 4, 0xFFFFFFFF);
		TAP_EQ_U32(ERR_INVALID, open_and_free(b), "reg's length patched to 4 GiB - 1");
		build_pi(&w);
		b = finish(&w);
		put_be32(b.data + b.struct_offset + t.reg_prop + 4,
			 b.size - (b.struct_offset + t.reg_prop + 12) + 1);
		TAP_EQ_U32(ERR_INVALID, open_and_free(b), "reg's length patched one past the blob");
		build_pi(&w);
		b = finish(&w);
		put_be32(b.data + b.struct_offset + t.reg_prop + 8, w.strings_size);
		TAP_EQ_U32(ERR_INVALID, open_and_free(b),
			   "reg's name offset patched past the strings");
		build_pi(&w);
		b = finish(&w);
		put_be32(b.data + b.struct_offset + t.reg_prop + 8, w.strings_size - 1);
		TAP_EQ_U32(0, open_and_free(b),
			   "the last string's NUL alone is an empty name, fine");
	}
}

/* Every shorter structure block, strings block, and blob is refused. */
static void test_sweeps(void)
{
	struct writer w;
	struct blob b;
	struct fdt fdt;
	bool all = true;
	uint32_t struct_size, strings_size;

	build_pi(&w);
	b = finish(&w);
	struct_size = w.struct_size + 4;
	for (uint32_t s = 0; s < struct_size; s++) {
		set_field(&b, H_SIZE_DT_STRUCT, s);
		all &= open_blob(&b, &fdt) == ERR_INVALID;
	}
	TAP_OK(all, "every shorter structure block is refused");
	set_field(&b, H_SIZE_DT_STRUCT, struct_size);

	all = true;
	strings_size = w.strings_size;
	for (uint32_t s = 0; s < strings_size; s++) {
		set_field(&b, H_SIZE_DT_STRINGS, s);
		all &= open_blob(&b, &fdt) == ERR_INVALID;
	}
	TAP_OK(all, "every shorter strings block is refused");
	set_field(&b, H_SIZE_DT_STRINGS, strings_size);

	all = true;
	for (uint32_t k = 0; k < b.size; k++) {
		uint8_t *cut = copy_exact(b.data, k);

		all &= fdt_open(&fdt, cut, k) == ERR_INVALID;
		/* And with totalsize saying so: the blocks no longer fit. */
		if (k >= FDT_HEADER_SIZE) {
			put_be32(cut + H_TOTALSIZE, k);
			all &= fdt_open(&fdt, cut, k) == ERR_INVALID;
		}
		free(cut);
	}
	TAP_OK(all, "every truncated blob is refused, with or without its totalsize cut");

	/*
	 * Every byte changed four ways. Whatever opens must answer every
	 * accessor from inside the blob; ASan watches the reads.
	 */
	all = true;
	{
		static const uint8_t flips[] = { 0x01, 0x80, 0xFF };
		unsigned opened = 0;

		for (uint32_t at = 0; at < b.size; at++) {
			for (unsigned f = 0; f <= sizeof(flips); f++) {
				uint8_t *copy = copy_exact(b.data, b.size);
				struct blob c = { copy, b.size, b.struct_offset, b.strings_offset };

				copy[at] = f < sizeof(flips) ? copy[at] ^ flips[f] : 0;
				if (fdt_open(&fdt, copy, c.size) == 0) {
					opened++;
					all &= accessors_hold(&c, &fdt);
				}
				free(copy);
			}
		}
		printf("# %u of %u corrupted blobs opened\n", opened, b.size * 4);
	}
	TAP_OK(all, "every single-byte corruption: answers stay inside the blob");
	free(b.data);
}

int main(void)
{
	tap_plan(128);
	test_good_tree();
	test_structure_variants();
	test_memory_cells();
	test_chosen();
	test_bad_header();
	test_bad_structure();
	test_sweeps();
	return tap_done();
}
