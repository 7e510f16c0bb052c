/*
 * mm/protection_test.c - self-tests of the kernel's own protections: W^X on
 * the image and everything else, guard pages below the stacks, and nothing
 * mapped below KERNEL_VIRT_BASE (kernel/boot_test.c probes that).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "arch/mmu.h"
#include "drivers/board.h"
#include "kernel/exception.h"
#include "kernel/irq.h"
#include "kernel/ktest.h"
#include "kernel/sections.h"
#include "kernel/stack.h"
#include "mm/kernel_map.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmu.h"

#define TEST_STACK_VA    (VIRT_HEAP_BASE + 0x10200000) /* guard page, then the stack */
#define TEST_STACK_PAGES 4

/* What mmu_query says about va: the permissions, or -1 if it is not mapped. */
static int perm_of(vaddr_t va)
{
	struct mmu_mapping m;

	if (mmu_query(&kernel_aspace, va, &m))
		return -1;
	return m.kind == MEM_NORMAL ? (int)m.perm : -2;
}

KTEST(protect, image_pages)
{
	uintptr_t stacks = (uintptr_t)__stacks_start;
	struct mmu_mapping m;

	KT_ASSERT_EQ(MEM_EXEC, perm_of((vaddr_t)__text_start));
	KT_ASSERT_EQ(MEM_EXEC, perm_of((vaddr_t)__text_end - 4));
	KT_ASSERT_EQ(MEM_READ, perm_of((vaddr_t)__rodata_start));
	KT_ASSERT_EQ(MEM_READ, perm_of((vaddr_t)__rodata_end - 4));
	KT_ASSERT_EQ(MEM_WRITE, perm_of((vaddr_t)__data_start));
	KT_ASSERT_EQ(MEM_WRITE, perm_of((vaddr_t)__bss_end - 4));
	KT_ASSERT_EQ(MEM_WRITE, perm_of((vaddr_t)__kernel_l2_start));
	KT_ASSERT_EQ(MEM_WRITE, perm_of(VIRT_L1_TABLE));
	KT_ASSERT_EQ(MEM_READ, perm_of(VIRT_KERNEL_START)); /* the boot stub's page */
	/* The vectors: executable where VBAR points at them. */
	if (read_vbar() == VIRT_VECTORS)
		KT_ASSERT_EQ(MEM_EXEC, perm_of(VIRT_VECTORS));
	/* Every stack of every core: read-write, with an unmapped page below. */
	for (unsigned core = 0; core < CORE_COUNT; core++) {
		static const uint32_t tops[] = { STACK_TOP_SVC, STACK_TOP_ABT, STACK_TOP_UND,
						 STACK_TOP_IRQ, STACK_TOP_FIQ };
		uintptr_t block = stacks + core * CORE_STACKS_SIZE, bottom = block;

		for (unsigned i = 0; i < 5; i++) {
			KT_ASSERT_EQ(-1, perm_of(bottom));
			KT_ASSERT_EQ(MEM_WRITE, perm_of(bottom + PAGE_SIZE));
			KT_ASSERT_EQ(MEM_WRITE, perm_of(block + tops[i] - 4));
			bottom = block + tops[i];
		}
	}
	/* The image is in pages; the linear map after it in sections, execute-never. */
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, (vaddr_t)__text_start, &m));
	KT_ASSERT_EQ(PAGE_SIZE, m.size);
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, KERNEL_VIRT_BASE + KERNEL_PAGED_SIZE, &m));
	KT_ASSERT_EQ(SECTION_SIZE, m.size);
	KT_ASSERT_EQ(MEM_WRITE, m.perm);
}

/* Write to va expecting a permission fault; the word must stay as it was. */
static void expect_write_refused(struct ktest_context *ktest_context, vaddr_t va)
{
	volatile uint32_t *word = (volatile uint32_t *)va;
	uint32_t before = *word;
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		*word = ~before;
		fault_catch_cancel();
		KT_FAIL("the write to 0x%08lx did not fault", (unsigned long)va);
	}
	KT_ASSERT_EQ(va, catcher.fault.address);
	KT_ASSERT(catcher.fault.status & FSR_WNR);
	KT_ASSERT_STREQ("permission fault", fault_status_decode(catcher.fault.status)->name);
	KT_ASSERT_EQ(before, *word);
}

KTEST(protect, text_and_rodata_not_writable)
{
	expect_write_refused(ktest_context, (vaddr_t)&expect_write_refused);
	if (ktest_context->failed)
		return;
	expect_write_refused(ktest_context, (vaddr_t)__rodata_start);
}

/* Jump to va (which holds bx lr) expecting a prefetch abort: a permission fault at va. */
static void expect_no_execute(struct ktest_context *ktest_context, vaddr_t va)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_PREFETCH_ABORT) == 0) {
		((void (*)(void))va)();
		fault_catch_cancel();
		KT_FAIL("code at 0x%08lx ran", (unsigned long)va);
	}
	KT_ASSERT_EQ(va, catcher.fault.address);
	KT_ASSERT_STREQ("permission fault", fault_status_decode(catcher.fault.status)->name);
}

/* Put bx lr at code, visible to instruction fetch, as an attacker would. */
static void plant_return(uint32_t *code)
{
	*code = INSN_BX_LR;
	sync_new_code(code, sizeof(*code));
}

KTEST(protect, heap_not_executable)
{
	uint32_t *code = kmalloc(64);

	KT_ASSERT(code != NULL);
	plant_return(code);
	expect_no_execute(ktest_context, (vaddr_t)code);
	kfree(code);
}

KTEST(protect, rodata_not_executable)
{
	static const uint32_t code[] = { INSN_BX_LR };

	expect_no_execute(ktest_context, (vaddr_t)code);
}

KTEST(protect, stack_not_executable)
{
	uint32_t code[2];

	plant_return(&code[0]);
	expect_no_execute(ktest_context, (vaddr_t)&code[0]);
}

KTEST(protect, mmio_not_executable)
{
	vaddr_t uart = device_registers("uart");

	KT_ASSERT(uart != 0);
	expect_no_execute(ktest_context, uart & ~(vaddr_t)(PAGE_SIZE - 1));
}

/*
 * Stack overflow: recurse on a stack of its own, with an unmapped guard
 * page below it, until the guard faults. The fault must name the stack.
 */
static volatile unsigned recursion_depth;

static unsigned __attribute__((noinline)) recurse(unsigned n)
{
	volatile uint32_t frame[16];

	frame[0] = n;
	recursion_depth = n;
	if (n > 0x100000)
		return 0; /* never: the guard stops it long before */
	return recurse(n + 1) + frame[0];
}

static void recurse_from_zero(void)
{
	recurse(0);
}

/* Call fn with sp = top. Does not come back if fn faults (the catcher restores sp). */
static void __attribute__((noinline)) call_on_stack(void (*fn)(void), uintptr_t top)
{
	__asm__ volatile("mov r4, sp\n\t"
			 "mov sp, %1\n\t"
			 "blx %0\n\t"
			 "mov sp, r4"
			 :
			 : "r"(fn), "r"(top)
			 : "r0", "r1", "r2", "r3", "r4", "r12", "lr", "memory", "cc");
}

KTEST(protect, stack_overflow_caught_and_named)
{
	vaddr_t guard = TEST_STACK_VA, top = guard + (1 + TEST_STACK_PAGES) * PAGE_SIZE;
	paddr_t frames[TEST_STACK_PAGES];
	struct fault_catcher catcher;
	struct stack_guard found;
	volatile int faulted = 0;
	uint32_t cpsr;

	for (unsigned i = 0; i < TEST_STACK_PAGES; i++) {
		KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frames[i]));
		KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, guard + (1 + i) * PAGE_SIZE, frames[i],
					     MEM_NORMAL, MEM_WRITE));
	}
	KT_ASSERT_EQ(0, stack_register("test stack", guard, top));
	recursion_depth = 0;
	/*
	 * IRQs off while it runs: an IRQ taken with sp already at the guard
	 * would push its frame into the guard page from IRQ entry, a fault
	 * nobody catches.
	 */
	cpsr = irq_save();
	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		call_on_stack(recurse_from_zero, top);
		fault_catch_cancel();
	} else {
		faulted = 1;
	}
	irq_restore(cpsr);
	stack_forget(guard);
	KT_ASSERT_EQ(0, mmu_unmap_range(&kernel_aspace, guard + PAGE_SIZE, TEST_STACK_PAGES));
	for (unsigned i = 0; i < TEST_STACK_PAGES; i++)
		KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frames[i]));

	KT_ASSERT(faulted);
	/* It went deep (about 16 KiB of frames) and stopped in the guard page. */
	KT_ASSERT(recursion_depth > 100);
	KT_ASSERT(catcher.fault.address >= guard && catcher.fault.address < guard + PAGE_SIZE);
	KT_ASSERT(catcher.fault.status & FSR_WNR);
	KT_ASSERT_STREQ("translation fault", fault_status_decode(catcher.fault.status)->name);
	/* While it was registered, the fault address named the stack. */
	KT_ASSERT_EQ(0, stack_register("test stack", guard, top));
	KT_ASSERT(stack_guard_find(catcher.fault.address, &found));
	stack_forget(guard);
	KT_ASSERT_STREQ("test stack", found.name);
	KT_ASSERT(!stack_guard_find(catcher.fault.address, &found));
	/* The kernel's own stacks are named too. */
	KT_ASSERT(stack_guard_find((uintptr_t)__stacks_start + 8, &found));
	KT_ASSERT_STREQ("core 0 SVC stack", found.name);
	KT_ASSERT(stack_guard_find((uintptr_t)__stacks_start + CORE_STACKS_SIZE + STACK_TOP_ABT,
				   &found));
	KT_ASSERT_STREQ("core 1 undefined stack", found.name);
	KT_ASSERT(!stack_guard_find((uintptr_t)__stacks_start + PAGE_SIZE, &found));
}

/* W^X over the whole table: what the boot prints, as a test that fails the boot. */
KTEST(protect, wx_check_clean)
{
	struct ptdump_source source;
	uint32_t mappings = 0;

	kernel_map_source(&source);
	KT_ASSERT_EQ(0, ptdump_check_wx(&source, &mappings, NULL, 0));
	/* At least the image's pages and the linear map's sections were looked at. */
	KT_ASSERT(mappings > (KERNEL_PAGED_SIZE / PAGE_SIZE) / 2);
	KT_ASSERT_EQ(0, kernel_map_check_wx());
}

/* The descriptor of a mapped page, to change behind mmu.c's back (as a bug would). */
static uint32_t *page_descriptor(vaddr_t va)
{
	uint32_t l1 = ((const uint32_t *)VIRT_L1_TABLE)[va >> SECTION_SHIFT];

	if ((l1 & L1_TYPE_MASK) != L1_TYPE_PAGE_TABLE)
		return NULL;
	return (uint32_t *)phys_to_virt(l1 & L1_PAGE_TABLE_BASE_MASK) +
	       ((va >> PAGE_SHIFT) % L2_ENTRIES);
}

static void set_descriptor(uint32_t *descriptor, uint32_t value)
{
	*descriptor = value;
	dcache_clean_line_pou((uintptr_t)descriptor);
	dsb();
}

KTEST(protect, wx_check_finds_planted)
{
	vaddr_t va = TEST_STACK_VA + 0x10000, offenders[2] = { 0, 0 };
	struct ptdump_source source;
	uint32_t *descriptor, clean, mappings = 0, mappings_before = 0;
	paddr_t frame = 0;
	unsigned found;

	kernel_map_source(&source);
	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va, frame, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(0, ptdump_check_wx(&source, &mappings_before, NULL, 0));
	descriptor = page_descriptor(va);
	KT_ASSERT(descriptor != NULL);
	clean = *descriptor;
	KT_ASSERT(clean & L2_PAGE_XN);
	set_descriptor(descriptor,
		       clean & ~(uint32_t)L2_PAGE_XN); /* planted: writable and executable */
	found = ptdump_check_wx(&source, &mappings, offenders, 2);
	set_descriptor(descriptor, clean); /* removed again, before anything can fail */
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, va));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
	KT_ASSERT_EQ(1, found);
	KT_ASSERT_EQ(va, offenders[0]);
	KT_ASSERT_EQ(mappings_before, mappings);
	KT_ASSERT_EQ(0, ptdump_check_wx(&source, NULL, NULL, 0));
}

/* The dump, captured line by line. */
#define DUMP_LINES_MAX 128
static char dump_lines[DUMP_LINES_MAX][PTDUMP_LINE_MAX];
static unsigned dump_count;

static void capture_line(void *context, const char *line)
{
	(void)context;
	if (dump_count < DUMP_LINES_MAX)
		strncpy(dump_lines[dump_count++], line, PTDUMP_LINE_MAX - 1);
}

/* Whether some line of the dump has all of the given parts ("" matches any line). */
static bool dump_has(const char *region, const char *granule, const char *kind, const char *perm)
{
	for (unsigned i = 0; i < dump_count; i++)
		if (strstr(dump_lines[i], region) && strstr(dump_lines[i], granule) &&
		    strstr(dump_lines[i], kind) && strstr(dump_lines[i], perm))
			return true;
	return false;
}

/* The line of the dump that starts with prefix, or NULL. */
static const char *dump_line_starting(const char *prefix)
{
	for (unsigned i = 0; i < dump_count; i++)
		if (strncmp(dump_lines[i], prefix, strlen(prefix)) == 0)
			return dump_lines[i];
	return NULL;
}

/*
 * The heap has pages only while something is allocated, so the test holds
 * a block across the dump; it gives it back before checking anything, and
 * the break must come back down (the heap tests start from an empty heap).
 */
KTEST(protect, dump_names_every_region)
{
	static const struct {
		const char *region, *granule, *kind, *perm;
	} expected[] = {
		{ "[vectors]", "page", "Normal", "RO X " },
		{ "[low memory]", "page", "Normal", "RW NX" },
		{ "[L1 table]", "page", "Normal", "RW NX" },
		{ "[boot stub]", "page", "Normal", "RO NX" },
		{ "[kernel text]", "page", "Normal", "RO X " },
		{ "[kernel rodata]", "page", "Normal", "RO NX" },
		{ "[kernel data]", "page", "Normal", "RW NX" },
		{ "[kernel bss]", "page", "Normal", "RW NX" },
		{ "[L2 tables]", "page", "Normal", "RW NX" },
		{ "[stacks + guards]", "page", "Normal", "RW NX" },
		{ "[stacks + guards]", "unmapped", "", "" },
		{ "[linear map]", "section", "Normal", "RW NX" },
		{ "[linear map]", "page", "Normal", "RW NX" },
		{ "[heap]", "page", "Normal", "RW NX" },
		{ "[guard]", "unmapped", "", "" },
		{ "[heap/MMIO gap]", "unmapped", "", "" },
		{ "[MMIO]", "page", "Device", "RW NX" },
		{ "0x00000000-0x7fffffff", "unmapped", "", "" },
	};
	struct ptdump_source source;
	struct ptdump_region regions[KERNEL_MAP_REGIONS_MAX];
	uint64_t break_before = kernel_window.heap_break, break_held;
	char guard_range[32];
	const char *guard;
	unsigned count;
	void *block;

	block = kmalloc(64);
	break_held = kernel_window.heap_break;
	count = kernel_map_regions(regions, KERNEL_MAP_REGIONS_MAX);
	kernel_map_source(&source);
	dump_count = 0;
	ptdump_dump(&source, regions, count, capture_line, NULL);
	kfree(block);
	KT_ASSERT(block != NULL);
	KT_ASSERT(break_held > break_before);
	KT_ASSERT_EQ(break_before, kernel_window.heap_break);
	KT_ASSERT(dump_count > 10 && dump_count < DUMP_LINES_MAX);
	for (unsigned i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
		if (!dump_has(expected[i].region, expected[i].granule, expected[i].kind,
			      expected[i].perm))
			KT_FAIL("no dump line for %s with %s %s %s", expected[i].region,
				expected[i].granule, expected[i].kind, expected[i].perm);
	/* The guard is the page just above the break, wherever the block had moved it. */
	snprintf(guard_range, sizeof(guard_range), "0x%08lx-0x%08lx ", (unsigned long)break_held,
		 (unsigned long)(break_held + WINDOW_GUARD_PAGES * PAGE_SIZE - 1));
	guard = dump_line_starting(guard_range);
	if (!guard || !strstr(guard, "unmapped") || !strstr(guard, "[guard]"))
		KT_FAIL("no unmapped [guard] line for %s: %s", guard_range, guard ? guard : "none");
	/* Nothing executable but the text and the vectors. */
	for (unsigned i = 0; i < dump_count; i++)
		if (strstr(dump_lines[i], " X ") && !strstr(dump_lines[i], "[kernel text]") &&
		    !strstr(dump_lines[i], "[vectors]"))
			KT_FAIL("executable range outside text and vectors: %s", dump_lines[i]);
	/* The lines cover 4 GiB: the first starts at 0, the last ends at 0xffffffff. */
	KT_ASSERT(strncmp(dump_lines[0], "0x00000000-", 11) == 0);
	KT_ASSERT(strncmp(dump_lines[dump_count - 1] + 11, "0xffffffff", 10) == 0);
}

/*
 * The kernel's address space refuses what only its owner maps (the
 * probes): the process half below 0x80000000, a second view of the image
 * (text, the L1 table, the image's L2 tables), a frame that holds L2
 * tables, the image's own pages (a stack's guard among them), and unmapping
 * any of those. Each refusal changes nothing.
 */
KTEST(protect, kernel_tables_owned)
{
	vaddr_t va = TEST_STACK_VA + 0x20000, guard = (vaddr_t)__stacks_start;
	paddr_t text = virt_to_phys_linear((vaddr_t)__text_start), frame = 0, table;
	struct mmu_mapping m;
	uint32_t free_before = pmm_free_count(&kernel_pmm);

	KT_ASSERT_EQ(ERR_RANGE,
		     mmu_map_page(&kernel_aspace, 0x00400000, mm_ram_end(), MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, 0x00400000, &m));
	KT_ASSERT_EQ(ERR_RESERVED, mmu_map_page(&kernel_aspace, va, text, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_RESERVED,
		     mmu_map_page(&kernel_aspace, va, PHYS_L1_TABLE, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_RESERVED, mmu_map_page(&kernel_aspace, va,
						virt_to_phys_linear((vaddr_t)__kernel_l2_start),
						MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, va, &m));
	/* A frame the page-table code took for L2 tables: not mappable, not freeable. */
	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va, frame, MEM_NORMAL, MEM_WRITE));
	table = kernel_aspace.l1[va >> SECTION_SHIFT] & ~(paddr_t)(PAGE_SIZE - 1);
	KT_ASSERT(pmm_frame_is_table(&kernel_pmm, table));
	KT_ASSERT_EQ(ERR_RESERVED,
		     mmu_map_page(&kernel_aspace, va + PAGE_SIZE, table, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_RESERVED, pmm_free_frame(&kernel_pmm, table));
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, va));
	KT_ASSERT(!pmm_frame_is_table(&kernel_pmm, table)); /* given back: an ordinary free frame */
	/* The image's pages: not mapped over (a guard), not unmapped (text). */
	KT_ASSERT_EQ(ERR_RESERVED,
		     mmu_map_page(&kernel_aspace, guard, frame, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, guard, &m));
	KT_ASSERT_EQ(ERR_RESERVED, mmu_unmap_page(&kernel_aspace, (vaddr_t)__text_start));
	KT_ASSERT_EQ(ERR_RESERVED, mmu_unmap_range(&kernel_aspace, (vaddr_t)__text_start, 2));
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, (vaddr_t)__text_start, &m));
	KT_ASSERT_EQ(MEM_EXEC, m.perm);
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
	KT_ASSERT_EQ(free_before, pmm_free_count(&kernel_pmm));
}
