/*
 * mm/ptdump.c - the translation table in words: dump, walk, W^X scan.
 *
 * Theory of operation. One iterator visits the table in address order and
 * turns every entry into a struct ptdump_entry: what it maps (nothing, a
 * section, a supersection, a small or a large page), its memory kind and
 * permissions. An L1 entry that is not a page table stands for 1 MiB, an
 * L2 entry for 4 KiB; a 64 KiB large page or a 16 MiB supersection is 16
 * identical entries, visited one by one. The three users are visitors:
 *
 *   L1[0..4095] --+-- fault / section / supersection ---------> visit(va, 1 MiB)
 *                 +-- page table -> l2_at() -> L2[0..255] ---> visit(va, 4 KiB)
 *                                                                 |
 *               dump: grow the current range, print it when   <---+
 *                     the entry or the region changes
 *               W^X:  count, and note the writable+executable ones
 *
 * The walk reads the same entries for one address, without the iterator.
 *
 * Memory kind and permissions come from descriptor.c. What it cannot
 * decode (a supersection, a large page, a memory type or an AP encoding
 * that is none of bramble's, a section with PXN) is still judged, from its
 * raw AP[2:0] and XN bits, by the tables below, and the dump then shows
 * the raw descriptor instead of a kind name.
 *
 * Decisions:
 *   - Ranges merge by attributes only, as Linux's kernel_page_tables does:
 *     the dump says how memory is mapped, not where it goes (the walk says
 *     that). Undecoded entries merge only with an equal descriptor (the 16
 *     copies of a large page or supersection), so the raw value printed is
 *     every entry's.
 *   - Every range is printed, unmapped ones too, so the lines cover 4 GiB
 *     without a gap; an unmapped space outside all regions (the process
 *     half, the heap/MMIO gap) merges into one line.
 *   - A range never spans two regions, nor the inside and outside of one.
 *   - W^X errs towards reporting: PXN is ignored (bramble never sets it),
 *     the reserved AP[2:0] = 0b100 counts as writable, and a page table
 *     that cannot be read counts as an offender, since nothing vouches for
 *     what it maps. Domains are assumed to be clients (bramble's DACR), for
 *     which AP and XN are checked.
 *
 * Cost: one pass over 4096 L1 entries and the L2 tables they point to, and
 * for the dump O(regions) per entry. State lives on the caller's stack: a
 * PTDUMP_LINE_MAX line, a few words per range.
 */
#include "mm/ptdump.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arch/mmu.h"
#include "mm/descriptor.h"

/* Formats descriptor.c does not handle (ARM ARM B3.5.1, Figures B3-4 and B3-5). */
#define L1_TYPE_SECTION_PXN  0x3 /* a section, PXN = bit 0 */
#define L1_SUPERSECTION_BASE 0xFF000000
#define L2_TYPE_BITS         0x3
#define L2_TYPE_LARGE        0x1 /* bits [1:0] = 0b01: 64 KiB large page */
#define L2_LARGE_XN          (1 << 15)
#define L2_LARGE_BASE_MASK   0xFFFF0000
#define SUPERSECTION_SIZE    (16 * SECTION_SIZE)
#define LARGE_PAGE_SIZE      (16 * PAGE_SIZE)

enum ptdump_type {
	PTDUMP_UNMAPPED,
	PTDUMP_SECTION,
	PTDUMP_SECTION_PXN, /* bits [1:0] = 0b11: descriptor.c does not decode it */
	PTDUMP_SUPERSECTION,
	PTDUMP_PAGE,
	PTDUMP_LARGE_PAGE,
	PTDUMP_NO_TABLE, /* an L1 page-table entry whose table cannot be read */
	PTDUMP_TYPE_COUNT,
};

/* What an entry maps. decoded: descriptor.c knew its kind and permissions. */
struct ptdump_entry {
	enum ptdump_type type;
	bool decoded;
	enum mem_kind kind; /* when decoded */
	unsigned access;    /* AP[2:0], when not decoded */
	unsigned perm;      /* MEM_WRITE, MEM_EXEC: decoded, or judged from AP and XN */
	uint32_t raw;       /* the descriptor, when not decoded */
	paddr_t base;       /* physical base of the section or page */
};

struct ptdump_type_row {
	const char *name;      /* in the dump */
	const char *walk_name; /* in the walk */
	uint32_t size;         /* bytes the descriptor maps */
	uint32_t base_mask;
	uint32_t ap0, ap1, ap2, xn;
};

static const struct ptdump_type_row ptdump_types[PTDUMP_TYPE_COUNT] = {
	[PTDUMP_UNMAPPED] = { "unmapped", "fault", 0, 0, 0, 0, 0, 0 },
	[PTDUMP_SECTION] = { "section", "section", SECTION_SIZE, L1_SECT_BASE_MASK, L1_SECT_AP0,
			     L1_SECT_AP1, L1_SECT_AP2, L1_SECT_XN },
	[PTDUMP_SECTION_PXN] = { "section", "section (PXN)", SECTION_SIZE, L1_SECT_BASE_MASK,
				 L1_SECT_AP0, L1_SECT_AP1, L1_SECT_AP2, L1_SECT_XN },
	[PTDUMP_SUPERSECTION] = { "supersection", "supersection", SUPERSECTION_SIZE,
				  L1_SUPERSECTION_BASE, L1_SECT_AP0, L1_SECT_AP1, L1_SECT_AP2,
				  L1_SECT_XN },
	[PTDUMP_PAGE] = { "page", "small page", PAGE_SIZE, L2_PAGE_BASE_MASK, L2_PAGE_AP0,
			  L2_PAGE_AP1, L2_PAGE_AP2, L2_PAGE_XN },
	[PTDUMP_LARGE_PAGE] = { "large page", "large page", LARGE_PAGE_SIZE, L2_LARGE_BASE_MASK,
				L2_PAGE_AP0, L2_PAGE_AP1, L2_PAGE_AP2, L2_LARGE_XN },
	[PTDUMP_NO_TABLE] = { "L2 table", "page table", 0, 0, 0, 0, 0, 0 },
};

/*
 * AP[2:0] with the access flag off (ARM ARM B3.7.1, Table B3-6), as PL1
 * sees it. The reserved encoding is judged writable: nothing says it is not.
 */
#define AP_RESERVED 4

static const struct {
	const char *text;
	bool writable;
} ptdump_access[8] = {
	[0] = { "--", false },                                 /* no access */
	[1] = { "RW", true },                                  /* PL0: none */
	[2] = { "RW", true },                                  /* PL0: read-only */
	[3] = { "RW", true },                                  /* PL0: read-write */
	[AP_RESERVED] = { "??", true }, [5] = { "RO", false }, /* PL0: none */
	[6] = { "RO", false },                                 /* PL0: read-only */
	[7] = { "RO", false },                                 /* PL0: read-only */
};

/* Fill in what descriptor.c could not: kind unknown, permissions from the raw bits. */
static void ptdump_judge_raw(enum ptdump_type type, uint32_t descriptor, struct ptdump_entry *out)
{
	const struct ptdump_type_row *row = &ptdump_types[type];

	out->decoded = false;
	out->raw = descriptor;
	out->base = descriptor & row->base_mask;
	out->access = (descriptor & row->ap0 ? 1U : 0) | (descriptor & row->ap1 ? 2U : 0) |
		      (descriptor & row->ap2 ? 4U : 0);
	out->perm = (ptdump_access[out->access].writable ? MEM_WRITE : 0) |
		    (descriptor & row->xn ? 0 : MEM_EXEC);
}

static void ptdump_entry_clear(struct ptdump_entry *entry, enum ptdump_type type)
{
	*entry = (struct ptdump_entry){ .type = type, .decoded = true, .kind = MEM_NORMAL };
}

static void ptdump_take_decoded(const struct mem_attributes *attributes, struct ptdump_entry *out)
{
	out->kind = attributes->kind;
	out->perm = attributes->perm;
	out->base = attributes->base;
}

/* An L1 entry that is not a page table. */
static void ptdump_classify_l1(uint32_t descriptor, struct ptdump_entry *out)
{
	struct mem_attributes attributes;

	if ((descriptor & L1_TYPE_MASK) == L1_TYPE_FAULT) {
		ptdump_entry_clear(out, PTDUMP_UNMAPPED);
	} else if (descriptor & L1_SECT_SUPERSECTION) {
		ptdump_entry_clear(out, PTDUMP_SUPERSECTION);
		ptdump_judge_raw(PTDUMP_SUPERSECTION, descriptor, out);
	} else if ((descriptor & L1_TYPE_MASK) == L1_TYPE_SECTION_PXN) {
		ptdump_entry_clear(out, PTDUMP_SECTION_PXN);
		ptdump_judge_raw(PTDUMP_SECTION_PXN, descriptor, out);
	} else {
		ptdump_entry_clear(out, PTDUMP_SECTION);
		if (descriptor_decode_section(descriptor, &attributes) == 0)
			ptdump_take_decoded(&attributes, out);
		else
			ptdump_judge_raw(PTDUMP_SECTION, descriptor, out);
	}
}

static void ptdump_classify_l2(uint32_t descriptor, struct ptdump_entry *out)
{
	struct mem_attributes attributes;

	if (descriptor & L2_TYPE_SMALL) {
		ptdump_entry_clear(out, PTDUMP_PAGE);
		if (descriptor_decode_page(descriptor, &attributes) == 0)
			ptdump_take_decoded(&attributes, out);
		else
			ptdump_judge_raw(PTDUMP_PAGE, descriptor, out);
	} else if ((descriptor & L2_TYPE_BITS) == L2_TYPE_LARGE) {
		ptdump_entry_clear(out, PTDUMP_LARGE_PAGE);
		ptdump_judge_raw(PTDUMP_LARGE_PAGE, descriptor, out);
	} else {
		ptdump_entry_clear(out, PTDUMP_UNMAPPED);
	}
}

static void ptdump_classify_missing_table(uint32_t l1_descriptor, struct ptdump_entry *out)
{
	ptdump_entry_clear(out, PTDUMP_NO_TABLE);
	out->decoded = false;
	out->raw = l1_descriptor;
	out->base = l1_descriptor & L1_PAGE_TABLE_BASE_MASK;
	out->access = AP_RESERVED; /* shown as "??" */
	out->perm = MEM_WRITE | MEM_EXEC;
}

static const uint32_t *ptdump_l2_table(const struct ptdump_source *source, uint32_t l1_descriptor)
{
	return source->l2_at(source->context, l1_descriptor & L1_PAGE_TABLE_BASE_MASK);
}

typedef void (*ptdump_visit_fn)(void *state, vaddr_t va, uint32_t size,
				const struct ptdump_entry *entry);

static void ptdump_for_each_entry(const struct ptdump_source *source, ptdump_visit_fn visit,
				  void *state)
{
	struct ptdump_entry entry;

	for (unsigned index = 0; index < source->l1_entries; index++) {
		uint32_t descriptor = source->l1[index];
		vaddr_t va = (vaddr_t)index << SECTION_SHIFT;
		const uint32_t *table;

		if ((descriptor & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE) {
			ptdump_classify_l1(descriptor, &entry);
			visit(state, va, SECTION_SIZE, &entry);
			continue;
		}
		table = ptdump_l2_table(source, descriptor);
		if (!table) {
			ptdump_classify_missing_table(descriptor, &entry);
			visit(state, va, SECTION_SIZE, &entry);
			continue;
		}
		for (unsigned slot = 0; slot < L2_ENTRIES; slot++) {
			ptdump_classify_l2(table[slot], &entry);
			visit(state, va + (slot << PAGE_SHIFT), PAGE_SIZE, &entry);
		}
	}
}

/* "RW NX" and the like; buffer of 8. */
static void ptdump_format_perm(char *buffer, size_t size, const struct ptdump_entry *entry)
{
	const char *access = entry->decoded ? ((entry->perm & MEM_WRITE) ? "RW" : "RO")
					    : ptdump_access[entry->access].text;

	snprintf(buffer, size, "%s %s", access, (entry->perm & MEM_EXEC) ? "X" : "NX");
}

/* The largest unit that divides bytes exactly: 4G, 3M, 12K, 100B. */
static void ptdump_format_size(char *buffer, size_t size, uint64_t bytes)
{
	static const struct {
		unsigned shift;
		char unit;
	} units[] = { { 30, 'G' }, { 20, 'M' }, { 10, 'K' }, { 0, 'B' } };

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if ((bytes & ((1ULL << units[i].shift) - 1)) == 0) {
			snprintf(buffer, size, "%u%c", (unsigned)(bytes >> units[i].shift),
				 units[i].unit);
			return;
		}
	}
}

static void ptdump_trim(char *line)
{
	size_t length = 0;

	while (line[length])
		length++;
	while (length > 0 && line[length - 1] == ' ')
		line[--length] = '\0';
}

/* The dump: the range being grown, and where it goes. */
struct ptdump_dump_state {
	const struct ptdump_region *regions;
	unsigned region_count;
	ptdump_print_fn print;
	void *print_context;
	bool open;
	vaddr_t start;
	uint64_t end; /* exclusive: 1 << 32 at the top */
	int region;   /* index, or -1 outside all */
	struct ptdump_entry entry;
};

static bool ptdump_same_entry(const struct ptdump_entry *a, const struct ptdump_entry *b)
{
	if (a->type != b->type || a->decoded != b->decoded)
		return false;
	if (a->type == PTDUMP_UNMAPPED)
		return true;
	if (!a->decoded)
		return a->raw == b->raw;
	return a->kind == b->kind && a->perm == b->perm;
}

static int ptdump_region_at(const struct ptdump_dump_state *state, uint64_t address)
{
	for (unsigned i = 0; i < state->region_count; i++) {
		if (state->regions[i].start <= address && address <= state->regions[i].last)
			return (int)i;
	}
	return -1;
}

/* The first address above address where some region starts or ends. */
static uint64_t ptdump_next_boundary(const struct ptdump_dump_state *state, uint64_t address)
{
	uint64_t next = 1ULL << 32;

	for (unsigned i = 0; i < state->region_count; i++) {
		uint64_t start = state->regions[i].start;
		uint64_t after = (uint64_t)state->regions[i].last + 1;

		if (start > address && start < next)
			next = start;
		if (after > address && after < next)
			next = after;
	}
	return next;
}

static void ptdump_print_range(const struct ptdump_dump_state *state)
{
	const struct ptdump_entry *entry = &state->entry;
	char line[PTDUMP_LINE_MAX], size[16], type[20] = "", perm[8] = "";
	const char *region = state->region >= 0 ? state->regions[state->region].name : NULL;

	ptdump_format_size(size, sizeof(size), state->end - state->start);
	if (entry->type != PTDUMP_UNMAPPED) {
		if (entry->decoded)
			snprintf(type, sizeof(type), "%s", mem_kind_name(entry->kind));
		else
			snprintf(type, sizeof(type), "raw 0x%08x", (unsigned)entry->raw);
		ptdump_format_perm(perm, sizeof(perm), entry);
	}
	snprintf(line, sizeof(line), "0x%08x-0x%08x %6s %-12s %-16s %-5s %s%s%s",
		 (unsigned)state->start, (unsigned)(state->end - 1), size,
		 ptdump_types[entry->type].name, type, perm, region ? "[" : "",
		 region ? region : "", region ? "]" : "");
	ptdump_trim(line);
	state->print(state->print_context, line);
}

static void ptdump_dump_visit(void *opaque, vaddr_t va, uint32_t size,
			      const struct ptdump_entry *entry)
{
	struct ptdump_dump_state *state = opaque;
	uint64_t at = va, end = (uint64_t)va + size;

	while (at < end) {
		uint64_t stop = ptdump_next_boundary(state, at);
		int region = ptdump_region_at(state, at);

		if (stop > end)
			stop = end;
		if (state->open && state->end == at && state->region == region &&
		    ptdump_same_entry(&state->entry, entry)) {
			state->end = stop;
		} else {
			if (state->open)
				ptdump_print_range(state);
			state->open = true;
			state->start = (vaddr_t)at;
			state->end = stop;
			state->region = region;
			state->entry = *entry;
		}
		at = stop;
	}
}

void ptdump_dump(const struct ptdump_source *source, const struct ptdump_region *regions,
		 unsigned region_count, ptdump_print_fn print, void *print_context)
{
	struct ptdump_dump_state state = {
		.regions = regions,
		.region_count = region_count,
		.print = print,
		.print_context = print_context,
	};

	ptdump_for_each_entry(source, ptdump_dump_visit, &state);
	if (state.open)
		ptdump_print_range(&state);
}

/* "section at 0x00100000: Normal RW NX, pa 0x00123456", and the like. */
static void ptdump_describe(char *buffer, size_t size, const struct ptdump_entry *entry, vaddr_t va)
{
	const struct ptdump_type_row *row = &ptdump_types[entry->type];
	char perm[8];

	if (entry->type == PTDUMP_UNMAPPED) {
		snprintf(buffer, size, "fault (not mapped)");
		return;
	}
	ptdump_format_perm(perm, sizeof(perm), entry);
	snprintf(buffer, size, "%s at 0x%08x: %s %s, pa 0x%08x", row->walk_name,
		 (unsigned)entry->base, entry->decoded ? mem_kind_name(entry->kind) : "undecoded",
		 perm, (unsigned)(entry->base | (va & (row->size - 1))));
}

void ptdump_walk(const struct ptdump_source *source, vaddr_t va, ptdump_print_fn print,
		 void *print_context)
{
	unsigned index = va >> SECTION_SHIFT, slot = (va >> PAGE_SHIFT) % L2_ENTRIES;
	uint32_t descriptor;
	char line[PTDUMP_LINE_MAX];
	struct ptdump_entry entry;
	const uint32_t *table;
	int n;

	if (index >= source->l1_entries) {
		snprintf(line, sizeof(line), "walk 0x%08x: beyond this table's %u MiB",
			 (unsigned)va, source->l1_entries);
		print(print_context, line);
		return;
	}
	descriptor = source->l1[index];

	n = snprintf(line, sizeof(line), "walk 0x%08x: L1[0x%03x] = 0x%08x: ", (unsigned)va, index,
		     (unsigned)descriptor);
	if ((descriptor & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE) {
		ptdump_classify_l1(descriptor, &entry);
		ptdump_describe(line + n, sizeof(line) - (size_t)n, &entry, va);
		print(print_context, line);
		return;
	}
	snprintf(line + n, sizeof(line) - (size_t)n, "page table at 0x%08x",
		 (unsigned)(descriptor & L1_PAGE_TABLE_BASE_MASK));
	print(print_context, line);
	table = ptdump_l2_table(source, descriptor);
	if (!table) {
		print(print_context, "  L2 table cannot be read");
		return;
	}
	n = snprintf(line, sizeof(line), "  L2[0x%02x] = 0x%08x: ", slot, (unsigned)table[slot]);
	ptdump_classify_l2(table[slot], &entry);
	ptdump_describe(line + n, sizeof(line) - (size_t)n, &entry, va);
	print(print_context, line);
}

struct ptdump_wx_state {
	uint32_t mappings;
	unsigned offender_count;
	vaddr_t *offenders;
	unsigned max_offenders;
};

static void ptdump_wx_visit(void *opaque, vaddr_t va, uint32_t size,
			    const struct ptdump_entry *entry)
{
	struct ptdump_wx_state *state = opaque;

	(void)size;
	if (entry->type == PTDUMP_UNMAPPED)
		return;
	if (entry->type != PTDUMP_NO_TABLE)
		state->mappings++;
	if ((entry->perm & (MEM_WRITE | MEM_EXEC)) != (MEM_WRITE | MEM_EXEC))
		return;
	if (state->offender_count < state->max_offenders)
		state->offenders[state->offender_count] = va;
	state->offender_count++;
}

unsigned ptdump_check_wx(const struct ptdump_source *source, uint32_t *mappings_out,
			 vaddr_t *offenders, unsigned max_offenders)
{
	struct ptdump_wx_state state = {
		.offenders = offenders,
		.max_offenders = offenders ? max_offenders : 0,
	};

	ptdump_for_each_entry(source, ptdump_wx_visit, &state);
	if (mappings_out)
		*mappings_out = state.mappings;
	return state.offender_count;
}
