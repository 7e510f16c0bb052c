/*
 * tests/host/fuzz_elf.c - libFuzzer target for the executable checker.
 *
 * An input is read one of two ways:
 *   raw: when it begins with the ELF magic (or is shorter than 8 bytes),
 *      the input is the file, and the user range is [0x1000, 0x80000000);
 *   framed: else this target writes a good ELF header around the input,
 *      so the fuzzer spends its time in the program headers:
 *        [mode] [count] [entry, 4 bytes] [program headers...] [payload...]
 *      mode & 1 chooses compact program headers (8 bytes each, decoded by
 *      expand_compact() into segments near one another, where overlap,
 *      adjacency and the ends of the user range are) or raw 32-byte ones;
 *      mode / 2 % 4 chooses one of four user ranges; mode & 16 puts the
 *      table at the end of the file instead of after the header; with
 *      mode & 32 the entry is taken inside the first header's segment.
 * Either way the file is handed over in a heap buffer of exactly its size,
 * so AddressSanitizer reports any read past it, and again at an odd
 * address, which must not change the answer. A refusal must be
 * ERR_INVALID with a reason; an acceptance must agree with the file as
 * this target reads it by itself: every PT_LOAD with memsz > 0 there and
 * nothing else, sorted, inside the user range, its file bytes inside the
 * file, no page shared, no W+X, the entry executable, end right. A breach
 * aborts, which libFuzzer reports with the input that did it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/elf.h"
#include "kernel/error.h"

#define FRAME_HEADER 6
#define COMPACT_SIZE 8
#define PHDR_SIZE    32
#define EHDR_SIZE    52
#define PHNUM_LIMIT  70 /* headers a framed input may ask for: past the 64 allowed */

#define PT_NULL      0
#define PT_LOAD      1
#define PT_DYNAMIC   2
#define PT_INTERP    3
#define PT_PHDR      6
#define PT_GNU_STACK 0x6474E551
#define PF_X         1
#define PF_W         2
#define PF_R         4

struct range {
	uint32_t start, end;
};

static const struct range user_ranges[] = {
	{ 0x00001000, 0x80000000 },
	{ 0x00000000, 0xFFFFFFFF },
	{ 0x00010000, 0x00020000 },
	{ 0x00008000, 0xC0000000 },
};

static volatile uint8_t sink;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_elf: %s\n", what);
	abort();
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put16(uint8_t *p, uint32_t value)
{
	p[0] = (uint8_t)value;
	p[1] = (uint8_t)(value >> 8);
}

static void put32(uint8_t *p, uint32_t value)
{
	put16(p, value);
	put16(p + 2, value >> 16);
}

/* One compact header (8 bytes) as a 32-byte program header, relative to the user range. */
static void expand_compact(const uint8_t *c, const struct range *user, uint8_t *ph)
{
	static const uint32_t types[8] = { PT_LOAD, PT_LOAD, PT_LOAD,      PT_PHDR,
					   PT_LOAD, PT_NULL, PT_GNU_STACK, PT_INTERP };
	static const uint32_t aligns[8] = { 0, 1, 4, 0x1000, 0x1000, 0x10000, 3, 0x1800 };
	uint32_t type = types[c[0] & 7], vaddr, memsz, offset, filesz;

	if ((c[0] & 7) == 7 && (c[0] & 8))
		type = PT_DYNAMIC;
	/* Near the bottom of the user range, or (bit 3 of a load) near its top. */
	if (type == PT_LOAD && (c[0] & 8))
		vaddr = user->end - (uint32_t)get16(c + 1) * 64;
	else
		vaddr = user->start + (uint32_t)get16(c + 1) * 64;
	memsz = (uint32_t)get16(c + 3) * 16 + (c[7] & 15);
	if ((c[0] & 7) == 4)
		memsz = 0;
	/* Offsets that agree with the address modulo a page, or not. */
	offset = c[7] & 16 ? (uint32_t)c[5] * 0x1000 + (vaddr & 0xFFF) : (uint32_t)c[5] * 64;
	filesz = (uint32_t)c[6] * 16;
	put32(ph + 0, type);
	put32(ph + 4, offset);
	put32(ph + 8, vaddr);
	put32(ph + 12, vaddr);
	put32(ph + 16, filesz);
	put32(ph + 20, memsz);
	put32(ph + 24, (uint32_t)(c[0] >> 4) & 7);
	put32(ph + 28, aligns[c[7] >> 5]);
}

/* Framed: a header written around the input's program headers and payload. */
static uint8_t *frame(const uint8_t *data, size_t length, size_t *size, struct range *user)
{
	unsigned mode = data[0], record = mode & 1 ? COMPACT_SIZE : PHDR_SIZE;
	size_t rest = length - FRAME_HEADER, count = data[1] % PHNUM_LIMIT, payload, table, phoff;
	uint32_t entry = get32(data + 2);
	const uint8_t *records = data + FRAME_HEADER;
	uint8_t *file;

	*user = user_ranges[mode / 2 % 4];
	if (count > rest / record)
		count = rest / record;
	payload = rest - count * record;
	table = count * PHDR_SIZE;
	*size = EHDR_SIZE + table + payload;
	phoff = mode & 16 ? EHDR_SIZE + payload : EHDR_SIZE;
	file = malloc(*size);
	if (!file)
		fail("out of memory");
	memset(file, 0, EHDR_SIZE);
	file[0] = 0x7F;
	file[1] = 'E';
	file[2] = 'L';
	file[3] = 'F';
	file[4] = 1;          /* ELFCLASS32 */
	file[5] = 1;          /* ELFDATA2LSB */
	file[6] = 1;          /* EV_CURRENT */
	put16(file + 16, 2);  /* ET_EXEC */
	put16(file + 18, 40); /* EM_ARM */
	put32(file + 20, 1);
	put32(file + 28, (uint32_t)phoff);
	put32(file + 36, 0x05000200);
	put16(file + 40, EHDR_SIZE);
	put16(file + 42, PHDR_SIZE);
	put16(file + 44, (uint32_t)count);
	for (size_t i = 0; i < count; i++) {
		uint8_t *ph = file + phoff + i * PHDR_SIZE;

		if (record == COMPACT_SIZE)
			expand_compact(records + i * COMPACT_SIZE, user, ph);
		else
			memcpy(ph, records + i * PHDR_SIZE, PHDR_SIZE);
	}
	if (count && (mode & 32)) {
		const uint8_t *first = file + phoff;

		entry = get32(first + 8) + (entry % (get32(first + 20) | 1));
	}
	put32(file + 24, entry);
	memcpy(file + (mode & 16 ? EHDR_SIZE : EHDR_SIZE + table), records + count * record,
	       payload);
	return file;
}

/* [offset, offset + length) inside size bytes, every byte read for ASan. */
static void touch(const uint8_t *file, size_t size, uint32_t offset, uint32_t length)
{
	uint8_t sum = 0;

	if (offset > size || length > size - offset)
		fail("segment bytes outside the file");
	for (uint32_t i = 0; i < length; i++)
		sum ^= file[offset + i];
	sink = sum;
}

static uint32_t page_of(uint64_t address)
{
	return (uint32_t)(address >> 12);
}

/* The image has the segment this PT_LOAD describes, with the protection its flags give. */
static bool holds_segment(const struct elf_image *image, const uint8_t *ph)
{
	uint32_t flags = get32(ph + 24);
	unsigned prot = (flags & PF_R ? ELF_PROT_READ : 0) | (flags & PF_W ? ELF_PROT_WRITE : 0) |
			(flags & PF_X ? ELF_PROT_EXEC : 0);

	for (unsigned i = 0; i < image->count; i++) {
		const struct elf_segment *s = &image->segments[i];

		if (s->vaddr == get32(ph + 8) && s->offset == get32(ph + 4) &&
		    s->filesz == get32(ph + 16) && s->memsz == get32(ph + 20) && s->prot == prot)
			return true;
	}
	return false;
}

/* An accepted image against the file, read here without elf.c's help. */
static void check_accepted(const uint8_t *file, size_t size, const struct range *user,
			   const struct elf_image *image)
{
	uint32_t phoff = get32(file + 28), loads = 0, phdr_vaddr = 0;
	bool have_phdr = false, exec_stack = false, entry_ok = false;
	uint64_t last_end = 0;

	if (size < EHDR_SIZE || get16(file + 16) != 2 || get16(file + 18) != 40 ||
	    get16(file + 42) != PHDR_SIZE || file[4] != 1 || file[5] != 1)
		fail("accepted a header it should not");
	if (image->entry != get32(file + 24) || image->flags != get32(file + 36) ||
	    image->phnum != get16(file + 44) || image->phentsize != PHDR_SIZE || image->phnum < 1 ||
	    image->phnum > 64 || (uint64_t)phoff + (uint64_t)image->phnum * PHDR_SIZE > size)
		fail("header fields not as the file has them");
	for (unsigned i = 0; i < image->phnum; i++) {
		const uint8_t *ph = file + phoff + i * PHDR_SIZE;
		uint32_t type = get32(ph);

		if (type == PT_INTERP || type == PT_DYNAMIC)
			fail("accepted a dynamically linked file");
		if (type == PT_PHDR && !have_phdr) {
			have_phdr = true;
			phdr_vaddr = get32(ph + 8);
		}
		if (type == PT_GNU_STACK && (get32(ph + 24) & PF_X))
			exec_stack = true;
		if (type == PT_LOAD && get32(ph + 20) != 0) {
			loads++;
			if (!holds_segment(image, ph))
				fail("a PT_LOAD of the file missing from the image");
			if ((get32(ph + 24) & (PF_W | PF_X)) == (PF_W | PF_X))
				fail("accepted a W+X segment");
		}
	}
	if (loads != image->count || image->count < 1 || image->count > ELF_MAX_SEGMENTS)
		fail("segment count");
	if (image->executable_stack != exec_stack)
		fail("executable_stack");
	for (unsigned i = 0; i < image->count; i++) {
		const struct elf_segment *s = &image->segments[i];
		uint64_t end = (uint64_t)s->vaddr + s->memsz;

		if (s->memsz == 0 || s->filesz > s->memsz)
			fail("a segment's sizes");
		touch(file, size, s->offset, s->filesz);
		if (s->vaddr < user->start || end > user->end)
			fail("a segment outside the user range");
		if ((s->prot & ~7u) || ((s->prot & ELF_PROT_WRITE) && (s->prot & ELF_PROT_EXEC)))
			fail("a segment's protection");
		if (i > 0 && page_of(last_end - 1) >= page_of(s->vaddr))
			fail("segments unsorted or sharing a page");
		if ((s->prot & ELF_PROT_EXEC) && (image->entry & ~1u) >= s->vaddr &&
		    (image->entry & ~1u) < end)
			entry_ok = true;
		last_end = end;
	}
	if (!entry_ok)
		fail("the entry is not in an executable segment");
	if ((image->end & 0xFFF) || image->end < last_end || image->end - last_end >= 0x1000)
		fail("end is not the last segment's end rounded up");
	if (have_phdr) {
		if (image->phdr_vaddr != phdr_vaddr)
			fail("phdr_vaddr is not PT_PHDR's");
	} else if (image->phdr_vaddr != 0) {
		bool found = false;

		for (unsigned i = 0; i < image->count; i++) {
			const struct elf_segment *s = &image->segments[i];

			if (phoff >= s->offset &&
			    (uint64_t)phoff + image->phnum * PHDR_SIZE <=
				    (uint64_t)s->offset + s->filesz &&
			    image->phdr_vaddr == s->vaddr + (phoff - s->offset))
				found = true;
		}
		if (!found)
			fail("phdr_vaddr is not where a segment loads the table");
	}
}

static bool same_image(const struct elf_image *a, const struct elf_image *b)
{
	if (a->entry != b->entry || a->flags != b->flags || a->phdr_vaddr != b->phdr_vaddr ||
	    a->phnum != b->phnum || a->phentsize != b->phentsize || a->end != b->end ||
	    a->executable_stack != b->executable_stack || a->count != b->count)
		return false;
	for (unsigned i = 0; i < a->count; i++)
		if (a->segments[i].vaddr != b->segments[i].vaddr ||
		    a->segments[i].memsz != b->segments[i].memsz ||
		    a->segments[i].offset != b->segments[i].offset ||
		    a->segments[i].filesz != b->segments[i].filesz ||
		    a->segments[i].prot != b->segments[i].prot)
			return false;
	return true;
}

static void check_refusal(int error, const char *why)
{
	if (error != ERR_INVALID)
		fail("an error elf_parse does not give");
	if (!why || !*why || strlen(why) > 80 || strchr(why, '\n'))
		fail("a refusal without a one-line reason");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length)
{
	static const uint8_t magic[4] = { 0x7F, 'E', 'L', 'F' };
	static const char *const unset = "unset";
	struct range user = user_ranges[0];
	struct elf_image image, again;
	const char *why = unset, *why_again = unset;
	uint8_t *file, *odd;
	size_t size;
	int error, error_again;

	if (length >= 8 && memcmp(data, magic, sizeof(magic)) != 0) {
		file = frame(data, length, &size, &user);
	} else {
		size = length;
		file = malloc(size ? size : 1);
		if (!file)
			fail("out of memory");
		memcpy(file, data, size);
	}

	error = elf_parse(file, size, user.start, user.end, &image, &why);
	if (error == 0) {
		if (why != unset)
			fail("an acceptance wrote *why");
		check_accepted(file, size, &user, &image);
	} else {
		check_refusal(error, why);
	}

	/* The same bytes at an odd address: the same answer. */
	odd = malloc(size + 3);
	if (!odd)
		fail("out of memory");
	memcpy(odd + 3, file, size);
	error_again = elf_parse(odd + 3, size, user.start, user.end, &again, &why_again);
	if (error_again != error || (error == 0 && !same_image(&image, &again)) ||
	    (error != 0 && strcmp(why, why_again) != 0))
		fail("a different answer at another alignment");
	free(odd);
	free(file);
	return 0;
}
