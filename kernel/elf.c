/*
 * kernel/elf.c - checking a static ARM executable (kernel/elf.h).
 *
 * Theory of operation
 * -------------------
 * Three passes over the file, none writing anything but *out:
 *
 *   1. the ELF header, field by field, each refusal with its own reason;
 *   2. the program header table, once for the headers that refuse the
 *      file whatever else it holds (PT_INTERP, PT_DYNAMIC), then once for
 *      PT_LOAD, each checked on its own and put into out->segments by
 *      insertion (at most ELF_MAX_SEGMENTS, so O(n^2) is eight steps);
 *   3. the sorted segments against each other: two that touch one page
 *      would need that page mapped with both permissions, and since they
 *      are sorted, a segment that meets any later one meets the next.
 *
 * Every field is read byte by byte (little-endian), so the file needs no
 * alignment. Offsets and sizes from the file are 32-bit; each range
 * [offset, offset + length) is checked as offset <= limit && length <=
 * limit - offset, which cannot wrap in 32 or 64 bits, and never as a sum
 * first. Page arithmetic is done on page numbers (address >> 12) so that
 * a segment in the last page of the address space needs no 33rd bit.
 *
 *	file:  [ELF header][program headers] ... [.text bytes] ... [.data bytes]
 *	                                          |                  |
 *	memory:              vaddr -> [ R-X: filesz ]   [ RW-: filesz | zero to memsz ]
 *	                                                 ^ end = page-rounded last byte + 1
 */
#include "kernel/elf.h"

/* e_ident (gABI 4, "ELF Identification"). */
#define EI_CLASS    4
#define EI_DATA     5
#define EI_VERSION  6
#define ELFCLASS32  1
#define ELFDATA2LSB 1
#define EV_CURRENT  1

#define ET_EXEC 2  /* e_type: an executable file (ET_DYN is a shared object or PIE) */
#define EM_ARM  40 /* e_machine */

/* The ELF32 header's fields, by byte offset. */
#define EHDR_SIZE      52
#define EHDR_TYPE      16
#define EHDR_MACHINE   18
#define EHDR_VERSION   20
#define EHDR_ENTRY     24
#define EHDR_PHOFF     28
#define EHDR_FLAGS     36
#define EHDR_PHENTSIZE 42
#define EHDR_PHNUM     44

/* An ELF32 program header's fields, by byte offset. */
#define PHDR_SIZE   32
#define PHDR_TYPE   0
#define PHDR_OFFSET 4
#define PHDR_VADDR  8
#define PHDR_FILESZ 16
#define PHDR_MEMSZ  20
#define PHDR_FLAGS  24
#define PHDR_ALIGN  28
#define PHNUM_MAX   64 /* more than any static program has; bounds the walks */

/* p_type (gABI 5, "Program Header"; PT_GNU_STACK is the GNU extension). */
#define PT_LOAD      1
#define PT_DYNAMIC   2
#define PT_INTERP    3
#define PT_PHDR      6
#define PT_GNU_STACK 0x6474E551

/* p_flags. */
#define PF_X 1
#define PF_W 2
#define PF_R 4

/* The granule a loader maps with: the ARMv7 short-descriptor small page. */
#define PAGE_SHIFT 12
#define PAGE_BYTES (1u << PAGE_SHIFT)

#define THUMB_BIT 1u /* AAELF32: bit 0 of e_entry selects Thumb state */

/* One program header, decoded. */
struct program_header {
	uint32_t type, offset, vaddr, filesz, memsz, flags, align;
};

static uint16_t read16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t read32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* [offset, offset + length) lies inside limit bytes. */
static bool range_inside(size_t limit, uint32_t offset, size_t length)
{
	return offset <= limit && length <= limit - offset;
}

/* The index-th header of a table already known to lie inside the file. */
static void read_program_header(const uint8_t *file, uint32_t phoff, unsigned index,
				struct program_header *ph)
{
	const uint8_t *p = file + phoff + (size_t)index * PHDR_SIZE;

	ph->type = read32(p + PHDR_TYPE);
	ph->offset = read32(p + PHDR_OFFSET);
	ph->vaddr = read32(p + PHDR_VADDR);
	ph->filesz = read32(p + PHDR_FILESZ);
	ph->memsz = read32(p + PHDR_MEMSZ);
	ph->flags = read32(p + PHDR_FLAGS);
	ph->align = read32(p + PHDR_ALIGN);
}

/* The ELF header: NULL if it is one this loader takes, else why not. */
static const char *check_header(const uint8_t *file, size_t size)
{
	static const uint8_t magic[4] = { 0x7F, 'E', 'L', 'F' };
	uint16_t phnum;

	if (size < EHDR_SIZE)
		return "shorter than an ELF header";
	for (unsigned i = 0; i < sizeof(magic); i++)
		if (file[i] != magic[i])
			return "not an ELF file";
	if (file[EI_CLASS] != ELFCLASS32)
		return "not a 32-bit ELF file";
	if (file[EI_DATA] != ELFDATA2LSB)
		return "not little-endian";
	if (file[EI_VERSION] != EV_CURRENT || read32(file + EHDR_VERSION) != EV_CURRENT)
		return "unknown ELF version";
	if (read16(file + EHDR_MACHINE) != EM_ARM)
		return "not an ARM file";
	if (read16(file + EHDR_TYPE) != ET_EXEC)
		return "not a static executable";
	if (read16(file + EHDR_PHENTSIZE) != PHDR_SIZE)
		return "program header size is not 32";
	phnum = read16(file + EHDR_PHNUM);
	if (phnum < 1 || phnum > PHNUM_MAX)
		return "program header count not in 1..64";
	if (!range_inside(size, read32(file + EHDR_PHOFF), (size_t)phnum * PHDR_SIZE))
		return "program headers outside the file";
	return NULL;
}

static bool power_of_two(uint32_t x)
{
	return x != 0 && (x & (x - 1)) == 0;
}

/* One PT_LOAD with memsz > 0, on its own: NULL if it can be mapped, else why not. */
static const char *check_load(const struct program_header *ph, size_t size, uint32_t user_start,
			      uint32_t user_end)
{
	if (ph->filesz > ph->memsz)
		return "segment file size above its memory size";
	if (!range_inside(size, ph->offset, ph->filesz))
		return "segment data outside the file";
	if (ph->align > 1 && !power_of_two(ph->align))
		return "segment alignment not a power of two";
	if (ph->align >= PAGE_BYTES && ph->vaddr % PAGE_BYTES != ph->offset % PAGE_BYTES)
		return "segment address and offset differ within a page";
	if (ph->vaddr < user_start || ph->vaddr > user_end || ph->memsz > user_end - ph->vaddr)
		return "segment outside user space";
	if ((ph->flags & PF_W) && (ph->flags & PF_X))
		return "writable and executable segment";
	return NULL;
}

static unsigned segment_prot(uint32_t flags)
{
	return (flags & PF_R ? ELF_PROT_READ : 0) | (flags & PF_W ? ELF_PROT_WRITE : 0) |
	       (flags & PF_X ? ELF_PROT_EXEC : 0);
}

/* Into out->segments, kept in ascending vaddr; the caller checked there is room. */
static void insert_segment(struct elf_image *out, const struct program_header *ph)
{
	unsigned at = out->count;

	while (at > 0 && out->segments[at - 1].vaddr > ph->vaddr) {
		out->segments[at] = out->segments[at - 1];
		at--;
	}
	out->segments[at].vaddr = ph->vaddr;
	out->segments[at].memsz = ph->memsz;
	out->segments[at].offset = ph->offset;
	out->segments[at].filesz = ph->filesz;
	out->segments[at].prot = segment_prot(ph->flags);
	out->count++;
}

/* The page numbers of a segment's first and last bytes (memsz > 0, no wrap: checked). */
static uint32_t first_page(const struct elf_segment *s)
{
	return s->vaddr >> PAGE_SHIFT;
}

static uint32_t last_page(const struct elf_segment *s)
{
	return (s->vaddr + (s->memsz - 1)) >> PAGE_SHIFT;
}

/* The sorted segments, pairwise; NULL if they can be mapped together. */
static const char *check_layout(const struct elf_image *out)
{
	for (unsigned i = 0; i + 1 < out->count; i++)
		if (last_page(&out->segments[i]) >= first_page(&out->segments[i + 1]))
			return "segments share a page";
	/* The page after the last byte must have an address of its own for brk. */
	if (last_page(&out->segments[out->count - 1]) == UINT32_MAX >> PAGE_SHIFT)
		return "image ends in the last page of the address space";
	return NULL;
}

static bool entry_executable(const struct elf_image *out)
{
	uint32_t entry = out->entry & ~THUMB_BIT;

	for (unsigned i = 0; i < out->count; i++) {
		const struct elf_segment *s = &out->segments[i];

		if ((s->prot & ELF_PROT_EXEC) && entry >= s->vaddr && entry - s->vaddr < s->memsz)
			return true;
	}
	return false;
}

/* Where the program header table is in memory when a segment loads it, else 0. */
static uint32_t table_address(const struct elf_image *out, uint32_t phoff)
{
	size_t table = (size_t)out->phnum * PHDR_SIZE;

	for (unsigned i = 0; i < out->count; i++) {
		const struct elf_segment *s = &out->segments[i];

		if (phoff >= s->offset && range_inside(s->filesz, phoff - s->offset, table))
			return s->vaddr + (phoff - s->offset);
	}
	return 0;
}

/* Pass 2: the program headers, into *out. NULL, or why the file is refused. */
static const char *read_segments(const uint8_t *file, size_t size, uint32_t user_start,
				 uint32_t user_end, struct elf_image *out)
{
	uint32_t phoff = read32(file + EHDR_PHOFF);
	struct program_header ph;
	bool have_phdr = false;
	const char *why;

	for (unsigned i = 0; i < out->phnum; i++) {
		read_program_header(file, phoff, i, &ph);
		if (ph.type == PT_INTERP || ph.type == PT_DYNAMIC)
			return "dynamically linked";
	}
	for (unsigned i = 0; i < out->phnum; i++) {
		read_program_header(file, phoff, i, &ph);
		if (ph.type == PT_PHDR && !have_phdr) {
			out->phdr_vaddr = ph.vaddr;
			have_phdr = true;
		} else if (ph.type == PT_GNU_STACK && (ph.flags & PF_X)) {
			out->executable_stack = true;
		} else if (ph.type == PT_LOAD && ph.memsz > 0) {
			why = check_load(&ph, size, user_start, user_end);
			if (why)
				return why;
			if (out->count == ELF_MAX_SEGMENTS)
				return "too many loadable segments";
			insert_segment(out, &ph);
		}
	}
	if (out->count == 0)
		return "no loadable segment";
	if (!have_phdr)
		out->phdr_vaddr = table_address(out, phoff);
	return NULL;
}

static const char *parse(const uint8_t *file, size_t size, uint32_t user_start, uint32_t user_end,
			 struct elf_image *out)
{
	const struct elf_segment *last;
	const char *why = check_header(file, size);

	if (why)
		return why;
	out->entry = read32(file + EHDR_ENTRY);
	out->flags = read32(file + EHDR_FLAGS);
	out->phdr_vaddr = 0;
	out->phnum = read16(file + EHDR_PHNUM);
	out->phentsize = PHDR_SIZE;
	out->executable_stack = false;
	out->count = 0;
	why = read_segments(file, size, user_start, user_end, out);
	if (!why)
		why = check_layout(out);
	if (why)
		return why;
	if (!entry_executable(out))
		return "entry point not in an executable segment";
	last = &out->segments[out->count - 1];
	out->end = (last_page(last) + 1) << PAGE_SHIFT;
	return NULL;
}

int elf_parse(const void *file, size_t size, uint32_t user_start, uint32_t user_end,
	      struct elf_image *out, const char **why)
{
	const char *reason = file && out ? parse(file, size, user_start, user_end, out)
					 : "no file or no image to fill";

	if (!reason)
		return 0;
	if (why)
		*why = reason;
	return ERR_INVALID;
}
