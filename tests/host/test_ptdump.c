/*
 * tests/host/test_ptdump.c - the page-table dump, walk and W^X scan over a
 * fake kernel table built in arrays: the memory map of layout.h in
 * miniature (vectors, L1 table, kernel image, two cores' stacks with their
 * guard pages, linear map, heap, MMIO). Expected lines are written out by
 * hand; raw descriptor values are worked out from ARM ARM B3.5, not taken
 * from the code under test.
 */
#include "arch/mmu.h"
#include "mm/descriptor.h"
#include "mm/ptdump.h"
#include "tap.h"

/* Physical addresses of the fake L2 tables. */
#define PHYS_T_LOW     0x0012f400U /* L1[0x800]: 0x80000000, the kernel image */
#define PHYS_T_HEAP    0x0012f800U /* L1[0xc00]: 0xc0000000, the heap */
#define PHYS_T_MMIO    0x0012fc00U /* L1[0xfff]: 0xfff00000, MMIO */
#define PHYS_T_MISSING 0x00500000U /* a table that l2_at cannot find */

#define STACKS      0x8001a000U
#define STACK_CORES 2
#define LINEAR_END  0x88000000U /* 128 MiB of fake RAM */

static uint32_t l1[L1_ENTRIES];
static uint32_t t_low[L2_ENTRIES], t_heap[L2_ENTRIES], t_mmio[L2_ENTRIES];

static const uint32_t *fake_l2_at(void *context, paddr_t table_phys)
{
	(void)context;
	if (table_phys == PHYS_T_LOW)
		return t_low;
	if (table_phys == PHYS_T_HEAP)
		return t_heap;
	if (table_phys == PHYS_T_MMIO)
		return t_mmio;
	return NULL;
}

static const struct ptdump_source source = { l1, L1_ENTRIES, fake_l2_at, NULL };

static const struct ptdump_region regions[] = {
	{ 0x80000000, 0x80003fff, "vectors" },
	{ 0x80004000, 0x80007fff, "L1 table" },
	{ 0x80008000, 0x8000ffff, "kernel text" },
	{ 0x80010000, 0x80013fff, "kernel rodata" },
	{ 0x80014000, 0x80017fff, "kernel data" },
	{ 0x80018000, 0x80019fff, "kernel bss" },
	{ STACKS, STACKS + STACK_CORES *CORE_STACKS_SIZE - 1, "stacks" },
	{ STACKS + STACK_CORES * CORE_STACKS_SIZE, LINEAR_END - 1, "linear map" },
	{ 0xc0000000, 0xc0003fff, "heap" },
	{ 0xc0004000, 0xc0004fff, "guard" },
	{ 0xffff0000, 0xffffffff, "MMIO" },
};

#define REGION_COUNT (sizeof(regions) / sizeof(regions[0]))

/* Captured output. */
#define MAX_LINES 64
static char lines[MAX_LINES][PTDUMP_LINE_MAX];
static unsigned line_count, lines_lost;

static void capture(void *context, const char *line)
{
	(void)context;
	if (line_count == MAX_LINES) {
		lines_lost++;
		return;
	}
	snprintf(lines[line_count++], PTDUMP_LINE_MAX, "%s", line);
}

static void capture_reset(void)
{
	line_count = 0;
	lines_lost = 0;
}

/* The L2 table and slot for va, in the fake tables. */
static uint32_t *pte(vaddr_t va)
{
	uint32_t *table = va >> 20 == 0x800 ? t_low : va >> 20 == 0xc00 ? t_heap : t_mmio;

	return &table[(va >> PAGE_SHIFT) % L2_ENTRIES];
}

static void map_pages(vaddr_t va, unsigned count, paddr_t pa, enum mem_kind kind, unsigned perm)
{
	for (unsigned i = 0; i < count; i++)
		*pte(va + i * PAGE_SIZE) = descriptor_page(pa + i * PAGE_SIZE, kind, perm);
}

/* Kernel RAM: pa = va - 0x80000000. */
static void map_kernel(vaddr_t va, unsigned count, unsigned perm)
{
	map_pages(va, count, va - 0x80000000U, MEM_NORMAL, perm);
}

static void build_table(void)
{
	memset(l1, 0, sizeof(l1));
	memset(t_low, 0, sizeof(t_low));
	memset(t_heap, 0, sizeof(t_heap));
	memset(t_mmio, 0, sizeof(t_mmio));
	l1[0x800] = descriptor_page_table(PHYS_T_LOW);
	l1[0xc00] = descriptor_page_table(PHYS_T_HEAP);
	l1[0xfff] = descriptor_page_table(PHYS_T_MMIO);

	map_kernel(0x80000000, 1, MEM_EXEC);  /* vectors */
	map_kernel(0x80004000, 4, MEM_WRITE); /* L1 table */
	map_kernel(0x80008000, 8, MEM_EXEC);  /* text */
	map_kernel(0x80010000, 4, MEM_READ);  /* rodata */
	map_kernel(0x80014000, 4, MEM_WRITE); /* data */
	map_kernel(0x80018000, 2, MEM_WRITE); /* bss */
	for (unsigned core = 0; core < STACK_CORES; core++) {
		vaddr_t block = STACKS + core * CORE_STACKS_SIZE;

		map_kernel(block + STACK_TOP_SVC - STACK_SIZE_SVC, STACK_SIZE_SVC / PAGE_SIZE,
			   MEM_WRITE);
		map_kernel(block + STACK_TOP_ABT - PAGE_SIZE, 1, MEM_WRITE);
		map_kernel(block + STACK_TOP_UND - PAGE_SIZE, 1, MEM_WRITE);
		map_kernel(block + STACK_TOP_IRQ - PAGE_SIZE, 1, MEM_WRITE);
		map_kernel(block + STACK_TOP_FIQ - PAGE_SIZE, 1, MEM_WRITE);
	}
	/* The rest of the first MiB as pages, then sections. */
	map_kernel(STACKS + STACK_CORES * CORE_STACKS_SIZE,
		   (0x80100000 - (STACKS + STACK_CORES * CORE_STACKS_SIZE)) / PAGE_SIZE, MEM_WRITE);
	for (unsigned index = 0x801; index < LINEAR_END >> 20; index++)
		l1[index] = descriptor_section((index << 20) - 0x80000000U, MEM_NORMAL, MEM_WRITE);

	map_pages(0xc0000000, 4, 0x00200000, MEM_NORMAL, MEM_WRITE); /* heap */
	map_pages(0xffff0000, 14, 0x3f200000, MEM_DEVICE, MEM_WRITE);
	map_pages(0xffffe000, 1, 0x40000000, MEM_STRONGLY_ORDERED, MEM_WRITE);
	map_pages(0xfffff000, 1, 0x3f300000, MEM_DEVICE, MEM_WRITE);
}

/* Mapped pages and sections in build_table(), counted by hand. */
#define BASE_MAPPINGS (1 + 4 + 8 + 4 + 4 + 2 + 2 * (4 + 4) + 204 + 127 + 4 + 16)

static const char *const expected_dump[] = {
	"0x00000000-0x7fffffff     2G unmapped",
	"0x80000000-0x80000fff     4K page         Normal           RO X  [vectors]",
	"0x80001000-0x80003fff    12K unmapped                            [vectors]",
	"0x80004000-0x80007fff    16K page         Normal           RW NX [L1 table]",
	"0x80008000-0x8000ffff    32K page         Normal           RO X  [kernel text]",
	"0x80010000-0x80013fff    16K page         Normal           RO NX [kernel rodata]",
	"0x80014000-0x80017fff    16K page         Normal           RW NX [kernel data]",
	"0x80018000-0x80019fff     8K page         Normal           RW NX [kernel bss]",
	/* Core 0: guard, SVC, guard, abort, guard, undefined, guard, IRQ, guard, FIQ. */
	"0x8001a000-0x8001afff     4K unmapped                            [stacks]",
	"0x8001b000-0x8001efff    16K page         Normal           RW NX [stacks]",
	"0x8001f000-0x8001ffff     4K unmapped                            [stacks]",
	"0x80020000-0x80020fff     4K page         Normal           RW NX [stacks]",
	"0x80021000-0x80021fff     4K unmapped                            [stacks]",
	"0x80022000-0x80022fff     4K page         Normal           RW NX [stacks]",
	"0x80023000-0x80023fff     4K unmapped                            [stacks]",
	"0x80024000-0x80024fff     4K page         Normal           RW NX [stacks]",
	"0x80025000-0x80025fff     4K unmapped                            [stacks]",
	"0x80026000-0x80026fff     4K page         Normal           RW NX [stacks]",
	/* Core 1. */
	"0x80027000-0x80027fff     4K unmapped                            [stacks]",
	"0x80028000-0x8002bfff    16K page         Normal           RW NX [stacks]",
	"0x8002c000-0x8002cfff     4K unmapped                            [stacks]",
	"0x8002d000-0x8002dfff     4K page         Normal           RW NX [stacks]",
	"0x8002e000-0x8002efff     4K unmapped                            [stacks]",
	"0x8002f000-0x8002ffff     4K page         Normal           RW NX [stacks]",
	"0x80030000-0x80030fff     4K unmapped                            [stacks]",
	"0x80031000-0x80031fff     4K page         Normal           RW NX [stacks]",
	"0x80032000-0x80032fff     4K unmapped                            [stacks]",
	"0x80033000-0x80033fff     4K page         Normal           RW NX [stacks]",
	"0x80034000-0x800fffff   816K page         Normal           RW NX [linear map]",
	"0x80100000-0x87ffffff   127M section      Normal           RW NX [linear map]",
	"0x88000000-0xbfffffff   896M unmapped",
	"0xc0000000-0xc0003fff    16K page         Normal           RW NX [heap]",
	"0xc0004000-0xc0004fff     4K unmapped                            [guard]",
	"0xc0005000-0xfffeffff 1048492K unmapped",
	"0xffff0000-0xffffdfff    56K page         Device           RW NX [MMIO]",
	"0xffffe000-0xffffefff     4K page         Strongly-ordered RW NX [MMIO]",
	"0xfffff000-0xffffffff     4K page         Device           RW NX [MMIO]",
};

#define EXPECTED_DUMP_LINES (sizeof(expected_dump) / sizeof(expected_dump[0]))

/* Index of the captured line that starts with prefix, or -1. */
static int find_line(const char *prefix)
{
	for (unsigned i = 0; i < line_count; i++) {
		if (strncmp(lines[i], prefix, strlen(prefix)) == 0)
			return (int)i;
	}
	return -1;
}

static const char *line_starting(const char *prefix)
{
	int i = find_line(prefix);

	return i < 0 ? "(no such line)" : lines[i];
}

static void test_dump(void)
{
	char what[96];
	int newlines = 0;

	build_table();
	capture_reset();
	ptdump_dump(&source, regions, REGION_COUNT, capture, NULL);
	TAP_EQ_U32(EXPECTED_DUMP_LINES, line_count, "dump: number of lines");
	TAP_EQ_U32(0, lines_lost, "dump: no line lost");
	for (unsigned i = 0; i < EXPECTED_DUMP_LINES; i++) {
		snprintf(what, sizeof(what), "dump line %u", i);
		TAP_EQ_STR(expected_dump[i], i < line_count ? lines[i] : "(missing)", what);
	}
	for (unsigned i = 0; i < line_count; i++)
		newlines += strchr(lines[i], '\n') != NULL;
	TAP_EQ_U32(0, newlines, "dump: lines carry no newline");

	/*
	 * Without regions, equal neighbours merge across what were region
	 * boundaries: data and bss become one range, and so do the heap gap
	 * and its guard page.
	 */
	capture_reset();
	ptdump_dump(&source, NULL, 0, capture, NULL);
	TAP_EQ_STR("0x80014000-0x80019fff    24K page         Normal           RW NX",
		   line_starting("0x80014000"), "no regions: data and bss merge");
	TAP_EQ_STR("0xc0004000-0xfffeffff 1048496K unmapped", line_starting("0xc0004000"),
		   "no regions: guard and gap merge");
	TAP_EQ_STR("0xffff0000-0xffffdfff    56K page         Device           RW NX",
		   line_starting("0xffff0000"), "no regions: no marker");
}

/*
 * Region bounds inside a section and inside an unmapped 1 MiB entry: the
 * range is cut there, not only where the table changes granule.
 */
static void test_split_inside_entries(void)
{
	static const struct ptdump_region inner[] = {
		{ 0x00000000, 0x0000ffff, "null" },
		{ 0x80100000, 0x80147fff, "pmm metadata" },
	};

	build_table();
	capture_reset();
	ptdump_dump(&source, inner, 2, capture, NULL);
	TAP_EQ_STR("0x00000000-0x0000ffff    64K unmapped                            [null]",
		   lines[0], "split inside an unmapped L1 entry: the region");
	TAP_EQ_STR("0x00010000-0x7fffffff 2097088K unmapped", lines[1],
		   "split inside an unmapped L1 entry: the rest");
	TAP_EQ_STR(
		"0x80100000-0x80147fff   288K section      Normal           RW NX [pmm metadata]",
		line_starting("0x80100000"), "split inside a section: the region");
	TAP_EQ_STR("0x80148000-0x87ffffff 129760K section      Normal           RW NX",
		   line_starting("0x80148000"), "split inside a section: the rest");
}

static void walk(vaddr_t va)
{
	capture_reset();
	ptdump_walk(&source, va, capture, NULL);
}

static void test_walk(void)
{
	build_table();

	walk(0x80123456);
	TAP_EQ_U32(1, line_count, "walk section: one line");
	TAP_EQ_STR("walk 0x80123456: L1[0x801] = 0x0011141e: section at 0x00100000: Normal RW NX, "
		   "pa 0x00123456",
		   lines[0], "walk section");

	walk(0x80008123);
	TAP_EQ_U32(2, line_count, "walk page: two lines");
	TAP_EQ_STR("walk 0x80008123: L1[0x800] = 0x0012f401: page table at 0x0012f400", lines[0],
		   "walk page: L1");
	TAP_EQ_STR("  L2[0x08] = 0x0000865e: small page at 0x00008000: Normal RO X, pa 0x00008123",
		   lines[1], "walk page: L2");

	walk(0xffffe010);
	TAP_EQ_STR("  L2[0xfe] = 0x40000013: small page at 0x40000000: Strongly-ordered RW NX, "
		   "pa 0x40000010",
		   lines[1], "walk strongly-ordered page");

	walk(0x00001000);
	TAP_EQ_U32(1, line_count, "walk unmapped L1: one line");
	TAP_EQ_STR("walk 0x00001000: L1[0x000] = 0x00000000: fault (not mapped)", lines[0],
		   "walk unmapped L1");

	/* A guard page below core 0's SVC stack. */
	walk(STACKS + 0x10);
	TAP_EQ_U32(2, line_count, "walk unmapped L2: two lines");
	TAP_EQ_STR("walk 0x8001a010: L1[0x800] = 0x0012f401: page table at 0x0012f400", lines[0],
		   "walk unmapped L2: L1");
	TAP_EQ_STR("  L2[0x1a] = 0x00000000: fault (not mapped)", lines[1], "walk unmapped L2: L2");

	walk(0xc0004234);
	TAP_EQ_STR("walk 0xc0004234: L1[0xc00] = 0x0012f801: page table at 0x0012f800", lines[0],
		   "walk heap guard: L1");
	TAP_EQ_STR("  L2[0x04] = 0x00000000: fault (not mapped)", lines[1], "walk heap guard: L2");
}

static void test_wx(void)
{
	vaddr_t offenders[4] = { 0, 0, 0, 0 };
	uint32_t mappings = 0;
	unsigned found;

	build_table();
	found = ptdump_check_wx(&source, &mappings, offenders, 4);
	TAP_EQ_U32(0, found, "W^X: the kernel table has no W+X entry");
	TAP_EQ_U32(BASE_MAPPINGS, mappings, "W^X: every page and section counted");

	/* Plant a writable, executable heap page and linear-map section. */
	*pte(0xc0002000) = descriptor_page(0x00202000, MEM_NORMAL, MEM_WRITE | MEM_EXEC);
	l1[0x87f] = descriptor_section(0x07f00000, MEM_NORMAL, MEM_WRITE | MEM_EXEC);
	mappings = 0;
	found = ptdump_check_wx(&source, &mappings, offenders, 4);
	TAP_EQ_U32(2, found, "W^X: both planted entries found");
	TAP_EQ_U32(BASE_MAPPINGS, mappings, "W^X: replacing entries keeps the count");
	TAP_EQ_U32(0x87f00000, offenders[0], "W^X: the section, first");
	TAP_EQ_U32(0xc0002000, offenders[1], "W^X: the page, second");
	TAP_EQ_U32(0, offenders[2], "W^X: nothing written past the offenders");

	offenders[0] = offenders[1] = 0xdeadbeef;
	found = ptdump_check_wx(&source, NULL, offenders, 1);
	TAP_EQ_U32(2, found, "W^X: the count does not stop at max_offenders");
	TAP_EQ_U32(0x87f00000, offenders[0], "W^X: max_offenders 1 keeps the first");
	TAP_EQ_U32(0xdeadbeef, offenders[1], "W^X: and writes no second");

	/* The dump shows them as well, and splits the heap around the page. */
	capture_reset();
	ptdump_dump(&source, regions, REGION_COUNT, capture, NULL);
	TAP_EQ_STR("0x80100000-0x87efffff   126M section      Normal           RW NX [linear map]",
		   line_starting("0x80100000"), "dump: sections before the planted one");
	TAP_EQ_STR("0x87f00000-0x87ffffff     1M section      Normal           RW X  [linear map]",
		   line_starting("0x87f00000"), "dump: the planted section");
	TAP_EQ_STR("0xc0000000-0xc0001fff     8K page         Normal           RW NX [heap]",
		   line_starting("0xc0000000"), "dump: heap before the planted page");
	TAP_EQ_STR("0xc0002000-0xc0002fff     4K page         Normal           RW X  [heap]",
		   line_starting("0xc0002000"), "dump: the planted page");
	TAP_EQ_STR("0xc0003000-0xc0003fff     4K page         Normal           RW NX [heap]",
		   line_starting("0xc0003000"), "dump: heap after the planted page");
}

/*
 * Encodings descriptor.c does not decode, written out bit by bit
 * (ARM ARM B3.5.1 Figures B3-4 and B3-5, Table B3-6 for AP[2:0]).
 */
#define RAW_SUPERSECTION     0x2105141eU /* 0x21000000, bit 18, S, TEX 1, AP 001, C B, XN */
#define RAW_SECTION_PXN      0x1001140fU /* 0x10000000 Normal AP 001, XN clear, type 0b11 */
#define RAW_PAGE_USER_RW     0x0040047eU /* Normal, AP 011 (PL0 read-write), XN clear */
#define RAW_PAGE_AP_RESERVED 0x0040164eU /* Normal, AP 100 (reserved), XN clear */
#define RAW_PAGE_TEX_2       0x00402292U /* TEX 0b010, AP 101 read-only, XN clear */
#define RAW_PAGE_NO_ACCESS   0x0040344eU /* Normal, AP 000, XN clear */
#define RAW_LARGE_PAGE       0x0030101dU /* 0x00300000, TEX 1 at [14:12], C B, AP 001 */

static void plant_raw(void)
{
	build_table();
	for (unsigned i = 0; i < 16; i++) {
		l1[0xa00 + i] = RAW_SUPERSECTION;
		t_heap[0x10 + i] = RAW_LARGE_PAGE;
	}
	l1[0x900] = RAW_SECTION_PXN;
	l1[0x910] = descriptor_page_table(PHYS_T_MISSING);
	t_heap[5] = RAW_PAGE_USER_RW;
	t_heap[6] = RAW_PAGE_AP_RESERVED;
	t_heap[7] = RAW_PAGE_TEX_2;
	t_heap[8] = RAW_PAGE_NO_ACCESS;
}

static void test_raw(void)
{
	vaddr_t offenders[8];
	uint32_t mappings = 0;
	unsigned found;

	plant_raw();
	capture_reset();
	ptdump_dump(&source, regions, REGION_COUNT, capture, NULL);
	TAP_EQ_STR("0x88000000-0x8fffffff   128M unmapped", line_starting("0x88000000"),
		   "raw dump: unmapped up to the PXN section");
	TAP_EQ_STR("0x90000000-0x900fffff     1M section      raw 0x1001140f   RW X",
		   line_starting("0x90000000"), "raw dump: section with PXN");
	TAP_EQ_STR("0x91000000-0x910fffff     1M L2 table     raw 0x00500001   ?? X",
		   line_starting("0x91000000"), "raw dump: a table that cannot be read");
	TAP_EQ_STR("0xa0000000-0xa0ffffff    16M supersection raw 0x2105141e   RW NX",
		   line_starting("0xa0000000"), "raw dump: the 16 supersection entries merge");
	TAP_EQ_STR("0xc0005000-0xc0005fff     4K page         raw 0x0040047e   RW X",
		   line_starting("0xc0005000"), "raw dump: page with PL0 access");
	TAP_EQ_STR("0xc0006000-0xc0006fff     4K page         raw 0x0040164e   ?? X",
		   line_starting("0xc0006000"), "raw dump: page with reserved AP");
	TAP_EQ_STR("0xc0007000-0xc0007fff     4K page         raw 0x00402292   RO X",
		   line_starting("0xc0007000"), "raw dump: page of an unknown memory type");
	TAP_EQ_STR("0xc0008000-0xc0008fff     4K page         raw 0x0040344e   -- X",
		   line_starting("0xc0008000"), "raw dump: page without access");
	TAP_EQ_STR("0xc0010000-0xc001ffff    64K large page   raw 0x0030101d   RW X",
		   line_starting("0xc0010000"), "raw dump: the 16 large page entries merge");

	walk(0x90012345);
	TAP_EQ_STR("walk 0x90012345: L1[0x900] = 0x1001140f: section (PXN) at 0x10000000: "
		   "undecoded RW X, pa 0x10012345",
		   lines[0], "walk section with PXN");
	walk(0xa0123456);
	TAP_EQ_STR("walk 0xa0123456: L1[0xa01] = 0x2105141e: supersection at 0x21000000: "
		   "undecoded RW NX, pa 0x21123456",
		   lines[0], "walk supersection");
	walk(0xc001a123);
	TAP_EQ_STR("  L2[0x1a] = 0x0030101d: large page at 0x00300000: undecoded RW X, "
		   "pa 0x0030a123",
		   lines[1], "walk large page");
	walk(0x91000000);
	TAP_EQ_U32(2, line_count, "walk unreadable table: two lines");
	TAP_EQ_STR("walk 0x91000000: L1[0x910] = 0x00500001: page table at 0x00500000", lines[0],
		   "walk unreadable table: L1");
	TAP_EQ_STR("  L2 table cannot be read", lines[1], "walk unreadable table: L2");

	/*
	 * Offenders, in address order: the PXN section (PXN ignored), the
	 * unreadable table, the PL0-writable page, the reserved-AP page and
	 * the 16 large page entries. Not the read-only, no-access or
	 * execute-never ones.
	 */
	found = ptdump_check_wx(&source, &mappings, offenders, 8);
	TAP_EQ_U32(4 + 16, found, "raw W^X: offenders judged by AP and XN");
	TAP_EQ_U32(BASE_MAPPINGS + 16 + 1 + 4 + 16, mappings,
		   "raw W^X: supersection, PXN section, pages, large page entries counted");
	TAP_EQ_U32(0x90000000, offenders[0], "raw W^X: PXN section");
	TAP_EQ_U32(0x91000000, offenders[1], "raw W^X: unreadable table");
	TAP_EQ_U32(0xc0005000, offenders[2], "raw W^X: PL0-writable page");
	TAP_EQ_U32(0xc0006000, offenders[3], "raw W^X: reserved AP page");
	TAP_EQ_U32(0xc0010000, offenders[4], "raw W^X: first large page entry");
	TAP_EQ_U32(0xc0011000, offenders[5], "raw W^X: second large page entry");
}

int main(void)
{
	tap_plan(EXPECTED_DUMP_LINES + 6 + 4 + 13 + 15 + 23);
	test_dump();
	test_split_inside_entries();
	test_walk();
	test_wx();
	test_raw();
	return tap_done();
}
