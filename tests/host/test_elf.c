/*
 * tests/host/test_elf.c - the executable checker, under ASan/UBSan.
 *
 * Every file but one is made here by a small writer (an ELF32 header and
 * program headers over a patterned payload) from a description that each
 * test changes in one place, and handed over in a heap buffer of exactly
 * its size, so a read one byte past the file is an AddressSanitizer
 * report. A good two-segment program first, then one refusal per rule,
 * each checked for ERR_INVALID and its reason; then sweeps (every
 * truncation, every single-byte change, an odd alignment); then a real
 * program, linked here at run time by the cross compiler ($CROSS, as in
 * the Makefile; a TAP SKIP when there is none).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "kernel/elf.h"
#include "kernel/error.h"
#include "tap.h"

#define USER_START 0x00001000u
#define USER_END   0x80000000u
#define FILE_MAX   0x20000 /* the writer's largest file */
#define PHDR_MAX   72      /* headers a description holds: past the 64 allowed */

#define PT_NULL      0
#define PT_LOAD      1
#define PT_DYNAMIC   2
#define PT_INTERP    3
#define PT_NOTE      4
#define PT_PHDR      6
#define PT_GNU_STACK 0x6474E551
#define PT_ARM_EXIDX 0x70000001
#define PF_X         1
#define PF_W         2
#define PF_R         4

struct phdr {
	uint32_t type, offset, vaddr, filesz, memsz, flags, align;
};

/* What the writer writes: the header's fields, count headers at phoff, size bytes. */
struct spec {
	uint8_t ident[16];
	uint16_t type, machine, phentsize, phnum;
	uint32_t version, entry, phoff, flags;
	unsigned count;
	struct phdr ph[PHDR_MAX];
	size_t size;
};

static void die(const char *what)
{
	printf("Bail out! %s\n", what);
	exit(1);
}

static void put16(uint8_t *p, uint16_t value)
{
	p[0] = (uint8_t)value;
	p[1] = (uint8_t)(value >> 8);
}

static void put32(uint8_t *p, uint32_t value)
{
	put16(p, (uint16_t)value);
	put16(p + 2, (uint16_t)(value >> 16));
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A copy of size bytes in a buffer of exactly that size. */
static uint8_t *copy_exact(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);

	if (!copy)
		die("out of memory");
	memcpy(copy, data, size);
	return copy;
}

/* The file a description makes: what lies past size is cut off. */
static uint8_t *write_elf(const struct spec *s)
{
	static uint8_t file[FILE_MAX];

	if (s->size > FILE_MAX)
		die("writer: file too large");
	for (size_t i = 0; i < FILE_MAX; i++)
		file[i] = (uint8_t)(i * 13 + 7);
	memcpy(file, s->ident, 16);
	put16(file + 16, s->type);
	put16(file + 18, s->machine);
	put32(file + 20, s->version);
	put32(file + 24, s->entry);
	put32(file + 28, s->phoff);
	put32(file + 32, 0); /* e_shoff: no section headers */
	put32(file + 36, s->flags);
	put16(file + 40, 52);
	put16(file + 42, s->phentsize);
	put16(file + 44, s->phnum);
	put16(file + 46, 40);
	put16(file + 48, 0);
	put16(file + 50, 0);
	for (unsigned i = 0; i < s->count; i++) {
		uint64_t at = (uint64_t)s->phoff + 32u * i;
		uint8_t *p = file + at;

		if (at + 32 > FILE_MAX)
			break;
		put32(p + 0, s->ph[i].type);
		put32(p + 4, s->ph[i].offset);
		put32(p + 8, s->ph[i].vaddr);
		put32(p + 12, s->ph[i].vaddr); /* p_paddr */
		put32(p + 16, s->ph[i].filesz);
		put32(p + 20, s->ph[i].memsz);
		put32(p + 24, s->ph[i].flags);
		put32(p + 28, s->ph[i].align);
	}
	return copy_exact(file, s->size);
}

/*
 * The program most tests start from, laid out as ld lays out a static
 * one: text from offset 0 (so it holds the headers), data and bss two
 * pages up, a non-executable stack.
 */
static struct spec good_spec(void)
{
	static const uint8_t ident[16] = { 0x7F, 'E', 'L', 'F', 1, 1, 1 };
	struct spec s;

	memset(&s, 0, sizeof(s));
	memcpy(s.ident, ident, sizeof(ident));
	s.type = 2;
	s.machine = 40;
	s.version = 1;
	s.entry = 0x10100;
	s.phoff = 52;
	s.flags = 0x05000200;
	s.phentsize = 32;
	s.ph[0] = (struct phdr){ PT_LOAD, 0, 0x10000, 0x800, 0x800, PF_R | PF_X, 0x1000 };
	s.ph[1] = (struct phdr){ PT_LOAD, 0x1000, 0x21000, 0x100, 0x2000, PF_R | PF_W, 0x1000 };
	s.ph[2] = (struct phdr){ PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 16 };
	s.count = 3;
	s.phnum = 3;
	s.size = 0x1100;
	return s;
}

static void add_header(struct spec *s, struct phdr ph)
{
	if (s->count == PHDR_MAX)
		die("writer: too many program headers");
	s->ph[s->count++] = ph;
	s->phnum = (uint16_t)s->count;
}

static int parse_spec(const struct spec *s, struct elf_image *image, const char **why)
{
	uint8_t *file = write_elf(s);
	int error = elf_parse(file, s->size, USER_START, USER_END, image, why);

	free(file);
	return error;
}

/* What elf_parse() says of a description: its reason, or what else it did. */
static const char *verdict(const struct spec *s)
{
	static char other[40];
	struct elf_image image;
	const char *why = NULL;
	int error = parse_spec(s, &image, &why);

	if (error == 0)
		return "(accepted)";
	if (error != ERR_INVALID || !why) {
		snprintf(other, sizeof(other), "(error %d, why %s)", error, why ? why : "NULL");
		return other;
	}
	return why;
}

static uint32_t last_page(const struct elf_segment *s)
{
	return (s->vaddr + s->memsz - 1) >> 12;
}

/* What must hold of any image elf_parse() accepted from size bytes. */
static bool image_holds(const struct elf_image *image, size_t size)
{
	if (image->count < 1 || image->count > ELF_MAX_SEGMENTS || image->phentsize != 32 ||
	    image->phnum < 1 || image->phnum > 64 || (image->end & 0xFFF))
		return false;
	for (unsigned i = 0; i < image->count; i++) {
		const struct elf_segment *s = &image->segments[i];

		if (s->memsz == 0 || s->filesz > s->memsz || s->offset > size ||
		    s->filesz > size - s->offset || s->vaddr < USER_START || s->vaddr > USER_END ||
		    s->memsz > USER_END - s->vaddr || (s->prot & ~7u) != 0 ||
		    ((s->prot & ELF_PROT_WRITE) && (s->prot & ELF_PROT_EXEC)) ||
		    (uint64_t)s->vaddr + s->memsz > image->end)
			return false;
		if (i > 0 && last_page(&image->segments[i - 1]) >= s->vaddr >> 12)
			return false;
	}
	return true;
}

static void test_good_program(void)
{
	struct spec s = good_spec();
	struct elf_image image;
	const char *why = "untouched";
	const struct elf_segment *text = &image.segments[0], *data = &image.segments[1];

	TAP_EQ_U32(0, parse_spec(&s, &image, &why), "a good two-segment program is accepted");
	TAP_EQ_STR("untouched", why, "and why is left alone");
	TAP_OK(image.entry == 0x10100 && image.flags == 0x05000200 && image.phnum == 3 &&
		       image.phentsize == 32,
	       "entry, flags and the table's shape");
	TAP_EQ_U32(2, image.count, "two loadable segments");
	TAP_OK(text->vaddr == 0x10000 && text->memsz == 0x800 && text->offset == 0 &&
		       text->filesz == 0x800 && text->prot == (ELF_PROT_READ | ELF_PROT_EXEC),
	       "text: where, how much, r-x");
	TAP_OK(data->vaddr == 0x21000 && data->memsz == 0x2000 && data->offset == 0x1000 &&
		       data->filesz == 0x100 && data->prot == (ELF_PROT_READ | ELF_PROT_WRITE),
	       "data: where, how much, rw-");
	TAP_EQ_U32(0x23000, image.end, "end: past data and bss, on a page");
	TAP_EQ_U32(0x10034, image.phdr_vaddr, "the table is found inside text");
	TAP_OK(!image.executable_stack, "PT_GNU_STACK without PF_X: no executable stack");
	TAP_OK(image_holds(&image, s.size), "the invariants hold");
	TAP_EQ_U32(ERR_INVALID, elf_parse(NULL, 0, 0, 0, &image, NULL), "why may be NULL");
}

static void test_good_variants(void)
{
	struct spec s;
	struct elf_image image;
	const char *why;

	s = good_spec();
	s.ph[3] = s.ph[0];
	s.ph[0] = s.ph[1];
	s.ph[1] = s.ph[2];
	s.ph[2] = s.ph[3];
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.count == 2 &&
		       image.segments[0].vaddr == 0x10000 && image.segments[1].vaddr == 0x21000,
	       "segments in reverse file order are stored sorted");

	s = good_spec();
	add_header(&s, (struct phdr){ PT_PHDR, 52, 0x10034 + 0x100, 96, 96, PF_R, 4 });
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.phdr_vaddr == 0x10134,
	       "PT_PHDR's p_vaddr is taken as it is");

	s = good_spec();
	s.phoff = 0x900; /* in the file, after text's bytes */
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.phdr_vaddr == 0,
	       "a table no segment loads: phdr_vaddr 0");

	s = good_spec();
	s.ph[0].filesz = 52 + 95;
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.phdr_vaddr == 0,
	       "a table one byte longer than the segment's file bytes: phdr_vaddr 0");

	s = good_spec();
	s.phoff = 0x1010;
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.phdr_vaddr == 0x21010,
	       "a table inside data's file bytes");

	s = good_spec();
	s.ph[2].flags = PF_R | PF_W | PF_X;
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.executable_stack,
	       "PT_GNU_STACK with PF_X: executable stack");

	s = good_spec();
	add_header(&s, (struct phdr){ PT_LOAD, 0xFFFFFFFF, 0, 0x1000, 0, PF_W | PF_X, 3 });
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.count == 2,
	       "a PT_LOAD with p_memsz 0 is ignored, whatever else it says");

	s = good_spec();
	add_header(&s, (struct phdr){ PT_ARM_EXIDX, 0x700, 0x10700, 8, 8, PF_R, 4 });
	add_header(&s, (struct phdr){ PT_NOTE, 0x7FFFFFFF, 0, 0x7FFFFFFF, 0, 0, 0 });
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.count == 2,
	       "PT_ARM_EXIDX and PT_NOTE are not looked at");

	s = good_spec();
	s.entry = 0x10101;
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.entry == 0x10101,
	       "a Thumb entry (bit 0 set) is accepted and kept as it is");
	s.entry = 0x107FF;
	TAP_EQ_STR("(accepted)", verdict(&s), "an entry at text's last byte");
	s.entry = 0x10000;
	TAP_EQ_STR("(accepted)", verdict(&s), "an entry at text's first byte");

	s = good_spec();
	s.ph[0].vaddr = USER_START;
	s.ph[0].align = 0;
	s.ph[0].offset = 0;
	s.ph[1].vaddr = USER_END - 0x2000;
	s.entry = USER_START;
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.end == USER_END,
	       "segments at both ends of user space");

	s = good_spec();
	s.ph[0].align = 0;
	s.ph[0].vaddr = 0x10010;
	s.ph[1].align = 1;
	s.ph[1].vaddr = 0x21001;
	s.entry = 0x10100;
	TAP_EQ_STR("(accepted)", verdict(&s), "p_align 0 and 1: address and offset need not agree");
	s.ph[0].align = 16;
	TAP_EQ_STR("(accepted)", verdict(&s), "nor below 4096");
	s = good_spec();
	s.ph[0].align = 0x10000;
	s.ph[0].vaddr = 0x11000;
	s.entry = 0x11000;
	TAP_EQ_STR("(accepted)", verdict(&s), "p_align 64 KiB: agreement modulo 4096 is enough");

	s = good_spec();
	s.ph[0].memsz = 0x1000;
	s.ph[1].vaddr = 0x11000;
	s.ph[1].offset = 0x1000;
	TAP_EQ_STR("(accepted)", verdict(&s), "segments on adjacent pages");

	s = good_spec();
	for (unsigned i = 2; i < ELF_MAX_SEGMENTS; i++)
		s.ph[i] = (struct phdr){ PT_LOAD, 0, 0x40000 + 0x1000 * i, 4, 4, PF_R, 0x1000 };
	s.count = ELF_MAX_SEGMENTS;
	s.phnum = ELF_MAX_SEGMENTS;
	TAP_OK(parse_spec(&s, &image, &why) == 0 && image.count == ELF_MAX_SEGMENTS,
	       "ELF_MAX_SEGMENTS loadable segments");

	s = good_spec();
	while (s.count < 64)
		add_header(&s, (struct phdr){ PT_NULL, 0, 0, 0, 0, 0, 0 });
	s.size = 52 + 64 * 32;
	s.ph[1].offset = 0x800;
	s.ph[1].vaddr = 0x20800;
	s.ph[1].filesz = 0x30;
	TAP_EQ_STR("(accepted)", verdict(&s), "64 program headers");
}

static void test_header_refusals(void)
{
	struct spec s;
	struct elf_image image;
	const char *why = NULL;
	uint8_t *file;

	s = good_spec();
	s.size = 51;
	TAP_EQ_STR("shorter than an ELF header", verdict(&s), "51 bytes");
	s.size = 0;
	TAP_EQ_STR("shorter than an ELF header", verdict(&s), "0 bytes");
	TAP_OK(elf_parse(NULL, 4096, USER_START, USER_END, &image, &why) == ERR_INVALID &&
		       strcmp(why, "no file or no image to fill") == 0,
	       "no file");
	s = good_spec();
	file = write_elf(&s);
	why = NULL;
	TAP_OK(elf_parse(file, s.size, USER_START, USER_END, NULL, &why) == ERR_INVALID &&
		       strcmp(why, "no file or no image to fill") == 0,
	       "no image");
	free(file);

	s = good_spec();
	s.ident[3] = 'G';
	TAP_EQ_STR("not an ELF file", verdict(&s), "bad magic");
	s = good_spec();
	s.ident[4] = 2;
	TAP_EQ_STR("not a 32-bit ELF file", verdict(&s), "ELFCLASS64");
	s = good_spec();
	s.ident[5] = 2;
	TAP_EQ_STR("not little-endian", verdict(&s), "ELFDATA2MSB");
	s = good_spec();
	s.ident[6] = 0;
	TAP_EQ_STR("unknown ELF version", verdict(&s), "EI_VERSION 0");
	s = good_spec();
	s.version = 2;
	TAP_EQ_STR("unknown ELF version", verdict(&s), "e_version 2");
	s = good_spec();
	s.machine = 3;
	TAP_EQ_STR("not an ARM file", verdict(&s), "EM_386");
	s = good_spec();
	s.machine = 183;
	TAP_EQ_STR("not an ARM file", verdict(&s), "EM_AARCH64");
	s = good_spec();
	s.type = 3;
	TAP_EQ_STR("not a static executable", verdict(&s), "ET_DYN (a PIE or shared object)");
	s.type = 1;
	TAP_EQ_STR("not a static executable", verdict(&s), "ET_REL");
	s.type = 4;
	TAP_EQ_STR("not a static executable", verdict(&s), "ET_CORE");
	s = good_spec();
	s.phentsize = 56;
	TAP_EQ_STR("program header size is not 32", verdict(&s), "e_phentsize 56");
	s = good_spec();
	s.phnum = 0;
	TAP_EQ_STR("program header count not in 1..64", verdict(&s), "e_phnum 0");
	s = good_spec();
	while (s.count < 65)
		add_header(&s, (struct phdr){ PT_NULL, 0, 0, 0, 0, 0, 0 });
	s.size = 0x1000 + 0x100;
	s.phoff = 0x1000 - 65 * 32;
	TAP_EQ_STR("program header count not in 1..64", verdict(&s), "e_phnum 65");
	s = good_spec();
	s.phnum = 0xFFFF;
	TAP_EQ_STR("program header count not in 1..64", verdict(&s), "e_phnum PN_XNUM");

	s = good_spec();
	s.phoff = (uint32_t)s.size - 3 * 32 + 1;
	TAP_EQ_STR("program headers outside the file", verdict(&s),
		   "a table one byte past the end");
	s.phoff = (uint32_t)s.size - 3 * 32;
	TAP_EQ_STR("(accepted)", verdict(&s), "a table ending at the end of the file");
	s.phoff = 0xFFFFFFE0;
	TAP_EQ_STR("program headers outside the file", verdict(&s), "e_phoff near 4 GiB (wraps)");
	s.phoff = (uint32_t)s.size;
	TAP_EQ_STR("program headers outside the file", verdict(&s), "e_phoff at the end");
}

static void test_segment_refusals(void)
{
	struct spec s;

	s = good_spec();
	add_header(&s, (struct phdr){ PT_INTERP, 0x900, 0, 20, 0, PF_R, 1 });
	TAP_EQ_STR("dynamically linked", verdict(&s), "PT_INTERP");
	s = good_spec();
	add_header(&s, (struct phdr){ PT_DYNAMIC, 0x1000, 0x21000, 8, 8, PF_R | PF_W, 4 });
	TAP_EQ_STR("dynamically linked", verdict(&s), "PT_DYNAMIC");
	s.ph[0].flags |= PF_W;
	TAP_EQ_STR("dynamically linked", verdict(&s), "it is the reason given before any other");

	s = good_spec();
	s.ph[1].filesz = s.ph[1].memsz + 1;
	s.size = 0x1000 + s.ph[1].filesz;
	TAP_EQ_STR("segment file size above its memory size", verdict(&s), "p_filesz > p_memsz");

	s = good_spec();
	s.ph[1].filesz = 0x101;
	TAP_EQ_STR("segment data outside the file", verdict(&s), "file bytes one past the end");
	s = good_spec();
	s.ph[1].offset = 0x1101;
	s.ph[1].filesz = 0;
	s.ph[1].align = 0;
	TAP_EQ_STR("segment data outside the file", verdict(&s),
		   "an offset past the end, filesz 0");
	s.ph[1].offset = 0x1100;
	TAP_EQ_STR("(accepted)", verdict(&s), "an offset at the end, filesz 0");
	s = good_spec();
	s.ph[1].offset = 0xFFFFF000;
	s.ph[1].filesz = 0x1100;
	s.ph[1].memsz = 0x2000;
	TAP_EQ_STR("segment data outside the file", verdict(&s), "offset + filesz wraps 32 bits");

	s = good_spec();
	s.ph[1].align = 3;
	TAP_EQ_STR("segment alignment not a power of two", verdict(&s), "p_align 3");
	s.ph[1].align = 0x1800;
	TAP_EQ_STR("segment alignment not a power of two", verdict(&s), "p_align 0x1800");
	s.ph[1].align = 0x80000000;
	TAP_EQ_STR("(accepted)", verdict(&s), "p_align 2 GiB is a power of two");

	s = good_spec();
	s.ph[1].vaddr = 0x21010;
	TAP_EQ_STR("segment address and offset differ within a page", verdict(&s),
		   "p_align 4096, vaddr and offset 16 bytes apart");

	s = good_spec();
	s.ph[0].vaddr = USER_START - 0x1000;
	s.entry = s.ph[0].vaddr;
	TAP_EQ_STR("segment outside user space", verdict(&s), "below user_start");
	s = good_spec();
	s.ph[1].vaddr = USER_END - 0x1000;
	TAP_EQ_STR("segment outside user space", verdict(&s), "running past user_end");
	s.ph[1].vaddr = USER_END;
	TAP_EQ_STR("segment outside user space", verdict(&s), "starting at user_end");
	s.ph[1].vaddr = 0xFFFFF000;
	TAP_EQ_STR("segment outside user space", verdict(&s), "vaddr + memsz wraps 32 bits");

	s = good_spec();
	s.ph[1].flags = PF_R | PF_W | PF_X;
	TAP_EQ_STR("writable and executable segment", verdict(&s), "PF_W and PF_X");
	s.ph[1].flags = PF_W | PF_X;
	TAP_EQ_STR("writable and executable segment", verdict(&s), "without PF_R too");

	s = good_spec();
	s.ph[0].memsz = 0x1FF0; /* text and its bss up to 0x11FF0 */
	s.ph[1].vaddr = 0x11FF0;
	s.ph[1].offset = 0xFF0;
	s.ph[1].align = 0;
	TAP_EQ_STR("segments share a page", verdict(&s), "bss of one page, data on it");
	s = good_spec();
	s.ph[1].vaddr = 0x10000;
	s.ph[1].offset = 0x1000;
	TAP_EQ_STR("segments share a page", verdict(&s), "two segments at one address");
	s = good_spec();
	add_header(&s, (struct phdr){ PT_LOAD, 0, 0x22FFF, 1, 1, PF_R, 0 });
	TAP_EQ_STR("segments share a page", verdict(&s), "a third in data's last page");

	s = good_spec();
	for (unsigned i = 2; i <= ELF_MAX_SEGMENTS; i++)
		s.ph[i] = (struct phdr){ PT_LOAD, 0, 0x40000 + 0x1000 * i, 4, 4, PF_R, 0x1000 };
	s.count = ELF_MAX_SEGMENTS + 1;
	s.phnum = (uint16_t)s.count;
	TAP_EQ_STR("too many loadable segments", verdict(&s), "ELF_MAX_SEGMENTS + 1 segments");

	s = good_spec();
	s.ph[0].type = PT_NULL;
	s.ph[1].type = PT_NOTE;
	TAP_EQ_STR("no loadable segment", verdict(&s), "no PT_LOAD");
	s = good_spec();
	s.ph[0].memsz = 0;
	s.ph[0].filesz = 0;
	s.ph[1].memsz = 0;
	s.ph[1].filesz = 0;
	TAP_EQ_STR("no loadable segment", verdict(&s), "only empty PT_LOADs");

	s = good_spec();
	s.entry = 0x21000;
	TAP_EQ_STR("entry point not in an executable segment", verdict(&s), "entry in data");
	s.entry = 0x10800;
	TAP_EQ_STR("entry point not in an executable segment", verdict(&s),
		   "entry one past text's end");
	s.entry = 0;
	TAP_EQ_STR("entry point not in an executable segment", verdict(&s), "entry 0");

	/* Only reachable with a user range that runs into the last page. */
	s = good_spec();
	s.ph[1].vaddr = 0xFFFFE000;
	s.ph[1].memsz = 0x1FFF;
	{
		struct elf_image image;
		const char *why = NULL;
		uint8_t *file = write_elf(&s);

		TAP_OK(elf_parse(file, s.size, USER_START, 0xFFFFFFFF, &image, &why) ==
				       ERR_INVALID &&
			       strcmp(why, "image ends in the last page of the address space") == 0,
		       "an image whose page-rounded end would be 4 GiB");
		s.ph[1].memsz = 0x1000;
		free(file);
		file = write_elf(&s);
		TAP_OK(elf_parse(file, s.size, USER_START, 0xFFFFFFFF, &image, &why) == 0 &&
			       image.end == 0xFFFFF000,
		       "one page lower it is accepted");
		free(file);
	}
}

/* Every truncation refused; every single-byte change refused or sound; any alignment. */
static void test_sweeps(void)
{
	struct spec s = good_spec();
	uint8_t *file = write_elf(&s);
	struct elf_image image;
	const char *why;
	bool all = true;
	unsigned accepted = 0;

	for (size_t k = 0; k < s.size; k++) {
		uint8_t *cut = copy_exact(file, k);

		why = NULL;
		all &= elf_parse(cut, k, USER_START, USER_END, &image, &why) == ERR_INVALID &&
		       why && *why;
		free(cut);
	}
	TAP_OK(all, "every truncation is refused, with a reason");

	all = true;
	for (size_t at = 0; at < 52 + 3 * 32; at++) {
		static const uint8_t flips[] = { 0x01, 0x10, 0x80, 0xFF };

		for (unsigned f = 0; f <= sizeof(flips); f++) {
			uint8_t *copy = copy_exact(file, s.size);
			int error;

			copy[at] = f < sizeof(flips) ? copy[at] ^ flips[f] : 0;
			why = NULL;
			error = elf_parse(copy, s.size, USER_START, USER_END, &image, &why);
			if (error == 0) {
				accepted++;
				all &= image_holds(&image, s.size);
			} else {
				all &= error == ERR_INVALID && why && *why;
			}
			free(copy);
		}
	}
	printf("# %u of %u changed headers accepted\n", accepted, (52u + 3 * 32) * 5);
	TAP_OK(all, "every byte of the headers changed: refused with a reason, or sound");

	all = true;
	for (unsigned shift = 1; shift < 8; shift++) {
		uint8_t *odd = malloc(s.size + shift);

		if (!odd)
			die("out of memory");
		memcpy(odd + shift, file, s.size);
		all &= elf_parse(odd + shift, s.size, USER_START, USER_END, &image, &why) == 0 &&
		       image.count == 2 && image.end == 0x23000;
		free(odd);
	}
	TAP_OK(all, "a file at every alignment reads the same");
	free(file);
}

static uint8_t *read_whole_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data;
	long length;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (length = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	data = malloc(length ? (size_t)length : 1);
	if (data && fread(data, 1, (size_t)length, f) != (size_t)length) {
		free(data);
		data = NULL;
	}
	fclose(f);
	*size = (size_t)length;
	return data;
}

/*
 * A program with text, data and bss, as a static ARM executable would
 * have them: _start first in text, a known word first in data.
 */
static const char real_source[] = "\t.text\n"
				  "\t.global _start\n"
				  "_start:\n"
				  "\tldr r0, =value\n"
				  "\tldr r0, [r0]\n"
				  "\tldr r1, =buffer\n"
				  "\tmov r7, #1\n"
				  "\tsvc #0\n"
				  "\t.data\n"
				  "value:\t.word 0x12345678\n"
				  "\t.bss\n"
				  "buffer:\t.space 256\n";

#define REAL_CHECKS 6

/* The cross compiler, as the Makefile names it: $(CROSS)gcc. */
static const char *cross_prefix(void)
{
	const char *cross = getenv("CROSS");

	return cross ? cross : "arm-none-eabi-";
}

static bool have_cross_compiler(void)
{
	char command[256];

	snprintf(command, sizeof(command), "command -v %sgcc >/dev/null 2>&1", cross_prefix());
	return system(command) == 0;
}

/* Link real_source into dir/hello.elf; false if that fails. */
static bool link_real_program(const char *dir, char *elf_path, size_t length)
{
	char source_path[256], command[1024];
	FILE *f;

	snprintf(source_path, sizeof(source_path), "%s/hello.S", dir);
	snprintf(elf_path, length, "%s/hello.elf", dir);
	f = fopen(source_path, "w");
	if (!f)
		return false;
	fputs(real_source, f);
	fclose(f);
	snprintf(command, sizeof(command),
		 "%sgcc -mcpu=cortex-a7 -marm -nostdlib -static -Wl,-Ttext=0x10000 -o %s %s",
		 cross_prefix(), elf_path, source_path);
	return system(command) == 0;
}

static void check_real_program(const uint8_t *file, size_t size)
{
	struct elf_image image;
	const char *why = "";
	const struct elf_segment *text = &image.segments[0], *data = &image.segments[1];
	int error = elf_parse(file, size, USER_START, USER_END, &image, &why);

	if (error)
		printf("# refused: %s\n", why);
	TAP_EQ_U32(0, error, "real program: accepted");
	TAP_OK(error == 0 && image.count == 2 && text->vaddr == 0x10000 &&
		       text->prot == (ELF_PROT_READ | ELF_PROT_EXEC) &&
		       data->prot == (ELF_PROT_READ | ELF_PROT_WRITE),
	       "real program: text at 0x10000, r-x; data rw-");
	TAP_EQ_U32(0x10000, error ? 0 : image.entry, "real program: entry is _start");
	TAP_OK(error == 0 && image.count == 2 && data->memsz >= data->filesz + 256 &&
		       data->filesz >= 4 && get32(file + data->offset) == 0x12345678,
	       "real program: data's first word from its offset, bss behind it");
	TAP_EQ_U32(5, error ? 0 : image.flags >> 24, "real program: EABI version 5 in e_flags");
	TAP_OK(error == 0 && image_holds(&image, size) && !image.executable_stack,
	       "real program: the invariants hold, no executable stack");
}

static void skip(unsigned n, const char *reason)
{
	for (unsigned i = 0; i < n; i++) {
		tap_count++;
		printf("ok %u # SKIP %s\n", tap_count, reason);
	}
}

/* Linked here, in a directory of its own; no cross compiler, no test. */
static void test_real_program(void)
{
	char dir[] = "/tmp/bramble-elf-XXXXXX", path[256];
	uint8_t *file = NULL;
	size_t size = 0;

	if (!have_cross_compiler()) {
		skip(REAL_CHECKS, "no cross compiler to link a program with");
		return;
	}
	if (!mkdtemp(dir))
		die("mkdtemp failed");
	if (link_real_program(dir, path, sizeof(path)))
		file = read_whole_file(path, &size);
	if (file) {
		check_real_program(file, size);
		free(file);
	} else {
		TAP_OK(false, "real program: linked and read");
		skip(REAL_CHECKS - 1, "no program to check");
	}
	remove(path);
	snprintf(path, sizeof(path), "%s/hello.S", dir);
	remove(path);
	rmdir(dir);
}

int main(void)
{
	tap_plan(89);
	test_good_program();
	test_good_variants();
	test_header_refusals();
	test_segment_refusals();
	test_sweeps();
	test_real_program();
	return tap_done();
}
