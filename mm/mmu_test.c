/*
 * mm/mmu_test.c - self-tests of map, unmap and query on the kernel's table.
 *
 * They work in a stretch of the heap window that nothing else uses yet.
 */
#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "arch/mmu.h"
#include "kernel/error.h"
#include "kernel/exception.h"
#include "kernel/ktest.h"
#include "mm/mm.h"
#include "mm/mmu.h"

#define TEST_VA (VIRT_HEAP_BASE + 0x10000000) /* 4 MiB aligned */

static uint32_t read_word(vaddr_t va)
{
	return *(volatile uint32_t *)va;
}

/* Read va expecting a fault; returns the fault status (0 if it did not fault). */
static uint32_t read_faults(vaddr_t va)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		(void)read_word(va);
		fault_catch_cancel();
		return 0;
	}
	return catcher.fault.address == va ? catcher.fault.status : 0;
}

/* Write to va, or run code at va, expecting a fault: 1 and the fault if it did. */
static int write_faults(vaddr_t va, struct fault_info *fault)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		*(volatile uint32_t *)va = 1;
		fault_catch_cancel();
		return 0;
	}
	*fault = catcher.fault;
	return 1;
}

static int call_faults(vaddr_t va, struct fault_info *fault)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_PREFETCH_ABORT) == 0) {
		((void (*)(void))va)();
		fault_catch_cancel();
		return 0;
	}
	*fault = catcher.fault;
	return 1;
}

static int translation_fault(uint32_t status)
{
	return status && fault_status_decode(status)->class == FAULT_CLASS_TRANSLATION;
}

KTEST(mmu, alias_and_unmap)
{
	vaddr_t a = TEST_VA, b = TEST_VA + 0x5000;
	struct mmu_mapping m;
	uint32_t free_before = pmm_free_count(&kernel_pmm);
	unsigned tables_before = mmu_table_frames(&kernel_aspace);
	paddr_t frame = 0;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, a, frame, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, b, frame, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(tables_before + 1, mmu_table_frames(&kernel_aspace));
	*(volatile uint32_t *)(a + 0x10) = 0xC0FFEE01;
	KT_ASSERT_EQ(0xC0FFEE01, read_word(b + 0x10));
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, b + 0x10, &m));
	KT_ASSERT_EQ(frame + 0x10, m.phys);
	KT_ASSERT_EQ(MEM_NORMAL, m.kind);
	KT_ASSERT_EQ(MEM_WRITE, m.perm);
	KT_ASSERT_EQ(PAGE_SIZE, m.size);
	/* The MMU agrees with the query. */
	write_ats1cpr(b);
	isb();
	KT_ASSERT_EQ(frame, read_par() & (PAR_PA_MASK | PAR_F));

	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, a));
	KT_ASSERT(translation_fault(read_faults(a)));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, a, &m));
	KT_ASSERT_EQ(0xC0FFEE01, read_word(b + 0x10));
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, b));
	KT_ASSERT(translation_fault(read_faults(b)));
	/* The emptied L2 table's frame went back. */
	KT_ASSERT_EQ(tables_before, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
	KT_ASSERT_EQ(free_before, pmm_free_count(&kernel_pmm));
}

KTEST(mmu, remap_sees_new_frame)
{
	vaddr_t va = TEST_VA + 0x3000;
	paddr_t first = 0, second = 0;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &first));
	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &second));
	*(volatile uint32_t *)phys_to_virt(first) = 0x11111111;
	*(volatile uint32_t *)phys_to_virt(second) = 0x22222222;
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va, first, MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(0x11111111, read_word(va)); /* the TLB now holds va -> first */
	/* Unmap and map elsewhere in the same table, so it stays hooked. */
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va + PAGE_SIZE, first, MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, va));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va, second, MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(0x22222222, read_word(va)); /* a stale TLB entry would say 0x11111111 */
	KT_ASSERT_EQ(0, mmu_unmap_range(&kernel_aspace, va, 2));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, first));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, second));
}

KTEST(mmu, section)
{
	vaddr_t va = TEST_VA + 16 * SECTION_SIZE;
	struct mmu_mapping m;
	paddr_t base;

	KT_ASSERT_EQ(0, pmm_alloc_contiguous(&kernel_pmm, SECTION_SIZE / PAGE_SIZE,
					     SECTION_SIZE / PAGE_SIZE, &base));
	*(volatile uint32_t *)phys_to_virt(base) = 0xAAAA0000;
	*(volatile uint32_t *)phys_to_virt(base + SECTION_SIZE - 4) = 0xAAAAFFFC;
	KT_ASSERT_EQ(0, mmu_map_section(&kernel_aspace, va, base, MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(0xAAAA0000, read_word(va));
	KT_ASSERT_EQ(0xAAAAFFFC, read_word(va + SECTION_SIZE - 4));
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, va + 0x12344, &m));
	KT_ASSERT_EQ(base + 0x12344, m.phys);
	KT_ASSERT_EQ(SECTION_SIZE, m.size);
	KT_ASSERT_EQ(MEM_NORMAL, m.kind);
	KT_ASSERT_EQ(MEM_READ, m.perm);
	/* Pages inside a section, or a section over a section, are refused. */
	KT_ASSERT_EQ(ERR_EXISTS,
		     mmu_map_page(&kernel_aspace, va + PAGE_SIZE, base, MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(ERR_EXISTS, mmu_map_section(&kernel_aspace, va, base, MEM_DEVICE, MEM_WRITE));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_unmap_page(&kernel_aspace, va));
	KT_ASSERT_EQ(0, mmu_unmap_section(&kernel_aspace, va));
	KT_ASSERT(translation_fault(read_faults(va + SECTION_SIZE - 4)));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_unmap_section(&kernel_aspace, va));
	KT_ASSERT_EQ(0, pmm_free_contiguous(&kernel_pmm, base, SECTION_SIZE / PAGE_SIZE));
}

/*
 * Every kind with every permission it may have, read back through
 * mmu_query. The frame is the first one after the ARM's RAM (the
 * VideoCore's): nothing else maps it, so the different memory types never
 * alias one location (ARM ARM A3.5.7), and nothing here ever accesses it.
 * Executable is for Normal cacheable memory only: the others refuse it and
 * map nothing.
 */
KTEST(mmu, kinds_and_query)
{
	static const enum mem_kind kinds[] = { MEM_NORMAL, MEM_NORMAL_UNCACHED, MEM_DEVICE,
					       MEM_STRONGLY_ORDERED };
	static const unsigned perms[] = { MEM_READ, MEM_WRITE, MEM_EXEC }; /* never both: W^X */
	paddr_t frame = mm_ram_end();
	struct mmu_mapping m;
	unsigned mapped = 0;

	for (unsigned k = 0; k < 4; k++) {
		for (unsigned p = 0; p < 3; p++) {
			vaddr_t va = TEST_VA + mapped * PAGE_SIZE;

			if (perms[p] == MEM_EXEC && kinds[k] != MEM_NORMAL) {
				KT_ASSERT_EQ(ERR_INVALID, mmu_map_page(&kernel_aspace, va, frame,
								       kinds[k], perms[p]));
				KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, va, &m));
				continue;
			}
			KT_ASSERT_EQ(0,
				     mmu_map_page(&kernel_aspace, va, frame, kinds[k], perms[p]));
			KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, va, &m));
			KT_ASSERT_EQ(kinds[k], m.kind);
			KT_ASSERT_EQ(perms[p], m.perm);
			KT_ASSERT_EQ(frame, m.phys);
			mapped++;
		}
	}
	KT_ASSERT_EQ(9, mapped);
	KT_ASSERT_EQ(0, mmu_unmap_range(&kernel_aspace, TEST_VA, mapped));
}

KTEST(mmu, read_only_faults_on_write)
{
	vaddr_t va = TEST_VA + 0x7000;
	struct fault_info fault;
	paddr_t frame = 0;
	int faulted;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	*(volatile uint32_t *)phys_to_virt(frame) = 0x0DDBA11;
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va, frame, MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(0x0DDBA11, read_word(va));
	faulted = write_faults(va, &fault);
	KT_ASSERT_EQ(0x0DDBA11, read_word(va));
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, va));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
	KT_ASSERT(faulted);
	KT_ASSERT_EQ(va, fault.address);
	KT_ASSERT(fault.status & FSR_WNR);
	KT_ASSERT_STREQ("permission fault", fault_status_decode(fault.status)->name);
	KT_ASSERT_EQ(FAULT_LEVEL_PAGE, fault_status_decode(fault.status)->level);
}

KTEST(mmu, execute_never_faults)
{
	vaddr_t exec = TEST_VA + 0x8000, never = TEST_VA + 0x9000;
	struct fault_info fault;
	paddr_t frame = 0;
	uint32_t *code;
	int faulted;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	code = (uint32_t *)phys_to_virt(frame);
	code[0] = INSN_BX_LR;
	sync_new_code(code, sizeof(code[0]));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, exec, frame, MEM_NORMAL, MEM_EXEC));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, never, frame, MEM_NORMAL, MEM_READ));
	((void (*)(void))exec)(); /* returns: executable */
	faulted = call_faults(never, &fault);
	KT_ASSERT_EQ(0, mmu_unmap_range(&kernel_aspace, exec, 2));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
	KT_ASSERT(faulted);
	KT_ASSERT_EQ(never, fault.address);
	KT_ASSERT_STREQ("permission fault", fault_status_decode(fault.status)->name);
}

KTEST(mmu, refusals_change_nothing)
{
	vaddr_t va = TEST_VA + 0x2000;
	struct mmu_mapping m;
	unsigned tables = mmu_table_frames(&kernel_aspace);
	paddr_t frame = 0;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va, frame, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_EXISTS,
		     mmu_map_page(&kernel_aspace, va, frame + PAGE_SIZE, MEM_DEVICE, MEM_READ));
	KT_ASSERT_EQ(ERR_INVALID,
		     mmu_map_page(&kernel_aspace, va + 4, frame, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_INVALID, mmu_map_page(&kernel_aspace, va + PAGE_SIZE, frame + 4,
					       MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_INVALID, mmu_map_page(&kernel_aspace, va + PAGE_SIZE, frame,
					       MEM_KIND_COUNT, MEM_WRITE));
	/* W^X: writable and executable at once is refused, page or section. */
	KT_ASSERT_EQ(ERR_INVALID, mmu_map_page(&kernel_aspace, va + PAGE_SIZE, frame, MEM_NORMAL,
					       MEM_WRITE | MEM_EXEC));
	KT_ASSERT_EQ(ERR_INVALID, mmu_map_section(&kernel_aspace, TEST_VA + SECTION_SIZE, 0,
						  MEM_NORMAL, MEM_WRITE | MEM_EXEC));
	KT_ASSERT_EQ(ERR_INVALID,
		     mmu_map_section(&kernel_aspace, TEST_VA + PAGE_SIZE, 0, MEM_NORMAL, MEM_READ));
	/* A section over a MiB that has pages. */
	KT_ASSERT_EQ(ERR_EXISTS, mmu_map_section(&kernel_aspace, TEST_VA, 0, MEM_NORMAL, MEM_READ));
	/* A range with one unmapped page is refused whole: the mapped one stays. */
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_unmap_range(&kernel_aspace, va, 2));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_unmap_range(&kernel_aspace, va - PAGE_SIZE, 2));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_unmap_page(&kernel_aspace, va + SECTION_SIZE));
	KT_ASSERT_EQ(ERR_INVALID, mmu_unmap_range(&kernel_aspace, 0xFFFFF000, 2)); /* wraps */
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, va, &m));
	KT_ASSERT_EQ(frame, m.phys);
	KT_ASSERT_EQ(MEM_WRITE, m.perm);
	KT_ASSERT_EQ(tables + 1, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, va));
	KT_ASSERT_EQ(tables, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
}

KTEST(mmu, tables_shared_and_returned)
{
	uint32_t free_before = pmm_free_count(&kernel_pmm);
	unsigned tables = mmu_table_frames(&kernel_aspace);
	paddr_t frame = 0;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	/* Four MiB of one aligned group share one frame of L2 tables; a fifth needs another. */
	for (unsigned mib = 0; mib < 4; mib++)
		KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, TEST_VA + mib * SECTION_SIZE, frame,
					     MEM_NORMAL, MEM_READ));
	KT_ASSERT_EQ(tables + 1, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, TEST_VA + 4 * SECTION_SIZE, frame, MEM_NORMAL,
				     MEM_READ));
	KT_ASSERT_EQ(tables + 2, mmu_table_frames(&kernel_aspace));
	for (unsigned mib = 0; mib < 5; mib++)
		KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, TEST_VA + mib * SECTION_SIZE));
	KT_ASSERT_EQ(tables, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
	KT_ASSERT_EQ(free_before, pmm_free_count(&kernel_pmm));
}

KTEST(mmu, batched_unmap)
{
	const unsigned pages =
		300; /* crosses an L2 table boundary, past the full-flush threshold */
	vaddr_t va = TEST_VA + SECTION_SIZE - 10 * PAGE_SIZE;
	struct mmu_mapping m;
	unsigned tables = mmu_table_frames(&kernel_aspace);
	paddr_t frame = 0;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frame));
	*(volatile uint32_t *)phys_to_virt(frame) = 0x5EED;
	for (unsigned i = 0; i < pages; i++)
		KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va + i * PAGE_SIZE, frame, MEM_NORMAL,
					     MEM_READ));
	for (unsigned i = 0; i < pages; i += 37)
		KT_ASSERT_EQ(0x5EED, read_word(va + i * PAGE_SIZE));
	KT_ASSERT_EQ(0, mmu_unmap_range(&kernel_aspace, va, pages));
	for (unsigned i = 0; i < pages; i += 37) {
		KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, va + i * PAGE_SIZE, &m));
		KT_ASSERT(translation_fault(read_faults(va + i * PAGE_SIZE)));
	}
	KT_ASSERT_EQ(tables, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frame));
}

KTEST(mmu, map_pages_batch)
{
	enum { PAGES = 40 };
	vaddr_t va = TEST_VA + 2 * SECTION_SIZE - 20 * PAGE_SIZE; /* crosses into the next table */
	paddr_t frames[PAGES], back[PAGES];
	unsigned tables = mmu_table_frames(&kernel_aspace);
	struct mmu_mapping m;
	int same = 1;

	for (unsigned i = 0; i < PAGES; i++)
		KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frames[i]));
	/* Refused whole: one page in the middle is mapped already, or W+X, or a frame unaligned. */
	KT_ASSERT_EQ(0, mmu_map_page(&kernel_aspace, va + 25 * PAGE_SIZE, frames[0], MEM_NORMAL,
				     MEM_READ));
	KT_ASSERT_EQ(ERR_EXISTS,
		     mmu_map_pages(&kernel_aspace, va, frames, PAGES, MEM_NORMAL, MEM_WRITE));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, va, &m));
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, va + 25 * PAGE_SIZE));
	KT_ASSERT_EQ(tables, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(ERR_INVALID, mmu_map_pages(&kernel_aspace, va, frames, PAGES, MEM_NORMAL,
						MEM_WRITE | MEM_EXEC));
	frames[7] += 4;
	KT_ASSERT_EQ(ERR_INVALID,
		     mmu_map_pages(&kernel_aspace, va, frames, PAGES, MEM_NORMAL, MEM_WRITE));
	frames[7] -= 4;
	/* Mapped: each page to its own frame, with the kind and permission asked for. */
	KT_ASSERT_EQ(0, mmu_map_pages(&kernel_aspace, va, frames, PAGES, MEM_NORMAL, MEM_WRITE));
	for (unsigned i = 0; i < PAGES; i++) {
		KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, va + i * PAGE_SIZE, &m));
		same &= m.phys == frames[i] && m.perm == MEM_WRITE && m.kind == MEM_NORMAL;
		*(volatile uint32_t *)(va + i * PAGE_SIZE) = i;
		same &= *(volatile uint32_t *)phys_to_virt(frames[i]) == i;
	}
	KT_ASSERT(same);
	KT_ASSERT_EQ(tables + 1,
		     mmu_table_frames(&kernel_aspace)); /* two tables of one group share a frame */
	/* Unmapped: the frames come back in order, the tables go. */
	KT_ASSERT_EQ(0, mmu_unmap_pages(&kernel_aspace, va, PAGES, back));
	for (unsigned i = 0; i < PAGES; i++) {
		same &= back[i] == frames[i];
		KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, frames[i]));
	}
	KT_ASSERT(same);
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, va + 30 * PAGE_SIZE, &m));
	KT_ASSERT_EQ(tables, mmu_table_frames(&kernel_aspace));
}

KTEST(mmu, no_frame_for_a_table)
{
	paddr_t frame, chain = 0;
	struct mmu_mapping m;
	unsigned tables = mmu_table_frames(&kernel_aspace);
	uint32_t taken = 0;
	int error;

	/* Take every free frame, chaining them through their first word. */
	while (pmm_alloc_frame(&kernel_pmm, &frame) == 0) {
		*(paddr_t *)phys_to_virt(frame) = chain;
		chain = frame;
		taken++;
	}
	error = mmu_map_page(&kernel_aspace, TEST_VA + 8 * SECTION_SIZE, mm_ram_end(), MEM_NORMAL,
			     MEM_READ);
	while (chain) {
		frame = chain;
		chain = *(paddr_t *)phys_to_virt(frame);
		pmm_free_frame(&kernel_pmm, frame);
	}
	KT_ASSERT(taken > 0);
	KT_ASSERT_EQ(ERR_NO_MEMORY, error);
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, TEST_VA + 8 * SECTION_SIZE, &m));
	KT_ASSERT_EQ(tables, mmu_table_frames(&kernel_aspace));
	KT_ASSERT_EQ(0, pmm_check(&kernel_pmm, NULL, 0));
}

/*
 * The fault path's map into a process's table: a user page with the
 * permission asked for, in a table hooked in on the way when there is
 * none; a mapped page, a kernel permission, W+X, the kernel's table, an
 * address past user space or a misaligned one refused with nothing changed.
 */
KTEST(mmu, user_map_new_frame)
{
	const vaddr_t va = 0x00400000;
	uint32_t free_before = pmm_free_count(&kernel_pmm);
	struct mmu_aspace as;
	struct mmu_mapping m;
	paddr_t frames[2];

	KT_ASSERT_EQ(0, mmu_user_create(&as, &kernel_pmm));
	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frames[0]));
	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &frames[1]));
	/* The first needs a table, the second finds it. */
	KT_ASSERT_EQ(0, mmu_user_map_new_frame(&as, va, frames[0], MEM_USER | MEM_WRITE));
	KT_ASSERT_EQ(0,
		     mmu_user_map_new_frame(&as, va + PAGE_SIZE, frames[1], MEM_USER | MEM_EXEC));
	KT_ASSERT_EQ(0, mmu_query(&as, va + 4, &m));
	KT_ASSERT_EQ(frames[0] + 4, m.phys);
	KT_ASSERT_EQ(MEM_USER | MEM_WRITE, m.perm);
	KT_ASSERT_EQ(0, mmu_query(&as, va + PAGE_SIZE, &m));
	KT_ASSERT_EQ(frames[1], m.phys);
	KT_ASSERT_EQ(MEM_USER | MEM_EXEC, m.perm);
	KT_ASSERT_EQ(ERR_EXISTS, mmu_user_map_new_frame(&as, va, frames[1], MEM_USER));
	KT_ASSERT_EQ(ERR_INVALID,
		     mmu_user_map_new_frame(&as, va + 2 * PAGE_SIZE, frames[1], MEM_WRITE));
	KT_ASSERT_EQ(ERR_INVALID, mmu_user_map_new_frame(&as, va + 2 * PAGE_SIZE, frames[1],
							 MEM_USER | MEM_WRITE | MEM_EXEC));
	KT_ASSERT_EQ(ERR_INVALID,
		     mmu_user_map_new_frame(&as, USER_SPACE_END, frames[1], MEM_USER | MEM_WRITE));
	KT_ASSERT_EQ(ERR_INVALID, mmu_user_map_new_frame(&as, va + 2 * PAGE_SIZE + 4, frames[1],
							 MEM_USER | MEM_WRITE));
	KT_ASSERT_EQ(ERR_INVALID, mmu_user_map_new_frame(&as, va + 2 * PAGE_SIZE, frames[1] + 4,
							 MEM_USER | MEM_WRITE));
	KT_ASSERT_EQ(ERR_INVALID, mmu_user_map_new_frame(&kernel_aspace, TEST_VA, frames[1],
							 MEM_USER | MEM_WRITE));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&as, va + 2 * PAGE_SIZE, &m));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, TEST_VA, &m));
	/* Teardown drops each page's reference: both frames go back with the tables. */
	KT_ASSERT_EQ(2, mmu_user_destroy(&as, NULL, NULL));
	KT_ASSERT_EQ(free_before, pmm_free_count(&kernel_pmm));
}
