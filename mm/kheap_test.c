/*
 * mm/kheap_test.c - self-tests of the kernel heap, the window and the MMIO
 * allocator, on the real tables.
 */
#include <string.h>

#include "arch/mmu.h"
#include "drivers/systimer.h"
#include "drivers/board.h"
#include "kernel/error.h"
#include "kernel/exception.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmio.h"
#include "mm/mmu.h"

/* A physical range with nothing behind it: fine to map, never touched. */
#define NOWHERE_PHYS 0x80000000U

static int reads_fault(vaddr_t va)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		(void)*(volatile uint32_t *)va;
		fault_catch_cancel();
		return 0;
	}
	return catcher.fault.address == va &&
	       fault_status_decode(catcher.fault.status)->class == FAULT_CLASS_TRANSLATION;
}

static int heap_consistent(void)
{
	char report[160];
	unsigned problems = kheap_check(&kernel_heap, report, sizeof(report));

	if (problems)
		kprintf("kheap_check: %u problems, first: %s\n", problems, report);
	return problems == 0;
}

KTEST(window, layout_after_boot)
{
	struct mmio_mapping_info maps[MMIO_MAX_MAPPINGS];
	unsigned count = mmio_list(maps, MMIO_MAX_MAPPINGS);
	vaddr_t uart = device_registers("uart");

	KT_ASSERT(count >= 5);
	/* The first MMIO mapping (the UART's) ends at 0xFFFFFFFF... */
	KT_ASSERT_EQ(0xFFFFF000, uart & ~(vaddr_t)(PAGE_SIZE - 1));
	/* ...and each later one lies below the one before. */
	KT_ASSERT(device_registers("gpio") < uart);
	KT_ASSERT(device_registers("mailbox") < device_registers("gpio"));
	KT_ASSERT(device_registers("systimer") < device_registers("mailbox"));
	KT_ASSERT(device_registers("local") < device_registers("systimer"));
	KT_ASSERT_EQ(device_registers("local"), kernel_window.mmio_floor);
	/* The boot-time peripheral window is gone. */
	KT_ASSERT(reads_fault(VIRT_EARLY_PERIPH + 0x201000));
}

KTEST(kheap, first_block_at_base)
{
	void *p;

	KT_ASSERT_EQ(0, kernel_heap.used_blocks);
	p = kmalloc(24);
	KT_ASSERT(p != NULL);
	KT_ASSERT((uintptr_t)p >= VIRT_HEAP_BASE && (uintptr_t)p <= VIRT_HEAP_BASE + 16);
	KT_ASSERT_EQ(0, (uintptr_t)p % 8);
	kfree(p);
	KT_ASSERT_EQ(VIRT_HEAP_BASE, kernel_window.heap_break);
}

KTEST(kheap, pages_mapped_normal_rw_nx)
{
	struct mmu_mapping m;
	char *p = kmalloc(3 * PAGE_SIZE);

	KT_ASSERT(p != NULL);
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, (vaddr_t)p + PAGE_SIZE, &m));
	KT_ASSERT_EQ(MEM_NORMAL, m.kind);
	KT_ASSERT_EQ(MEM_WRITE, m.perm);
	memset(p, 0x5A, 3 * PAGE_SIZE);
	KT_ASSERT_EQ(0x5A, p[3 * PAGE_SIZE - 1]);
	kfree(p);
}

/*
 * The pattern random_sequence keeps in slot i's block: byte k holds
 * (i + k) mod 256. Written and checked a word at a time where the block
 * allows (kmalloc's blocks are 8-byte aligned), then byte by byte.
 */
static uint32_t pattern_word(unsigned i, size_t k)
{
	uint32_t b = (uint32_t)(i + k);

	return (b & 0xFF) | ((b + 1) & 0xFF) << 8 | ((b + 2) & 0xFF) << 16 | (b + 3) << 24;
}

static void pattern_fill(unsigned char *block, unsigned i, size_t size)
{
	size_t k = 0;

	for (; k + 4 <= size; k += 4)
		*(uint32_t *)(block + k) = pattern_word(i, k);
	for (; k < size; k++)
		block[k] = (unsigned char)(i + k);
}

/* How many of the first size bytes differ from the pattern. */
static unsigned pattern_bad(const unsigned char *block, unsigned i, size_t size)
{
	unsigned bad = 0;
	size_t k = 0;

	for (; k + 4 <= size; k += 4)
		bad += *(const uint32_t *)(block + k) != pattern_word(i, k);
	for (; k < size; k++)
		bad += block[k] != (unsigned char)(i + k);
	return bad;
}

KTEST(kheap, random_sequence)
{
	enum { SLOTS = 64, STEPS = 600 };
	static unsigned char *blocks[SLOTS];
	static size_t sizes[SLOTS];
	uint32_t free_before = pmm_free_count(&kernel_pmm), seed = 12345;
	uint32_t refused_before = kernel_heap.refused; /* other tests' refusals count too */
	unsigned bad = 0;

	for (unsigned step = 0; step < STEPS && !bad; step++) {
		unsigned i;
		size_t size;

		seed = seed * 1103515245 + 12345;
		i = (seed >> 8) % SLOTS;
		seed = seed * 1103515245 + 12345;
		size = (seed >> 4) % 100 < 95 ? 1 + (seed >> 12) % 2048
					      : 1 + (seed >> 8) % (1 << 20);
		if (blocks[i]) {
			bad += pattern_bad(blocks[i], i, sizes[i]);
			if ((seed >> 20) % 3 == 0) {
				unsigned char *p = krealloc(blocks[i], size);

				if (!p) {
					bad++;
					break;
				}
				bad += pattern_bad(p, i, sizes[i] < size ? sizes[i] : size);
				blocks[i] = p;
			} else {
				kfree(blocks[i]);
				blocks[i] = NULL;
				continue;
			}
		} else {
			blocks[i] = kmalloc(size);
			if (!blocks[i]) {
				bad++;
				break;
			}
		}
		sizes[i] = size;
		pattern_fill(blocks[i], i, size);
		if (!heap_consistent())
			bad++;
	}
	for (unsigned i = 0; i < SLOTS; i++) {
		kfree(blocks[i]);
		blocks[i] = NULL;
	}
	KT_ASSERT_EQ(0, bad);
	KT_ASSERT_EQ(refused_before, kernel_heap.refused);
	KT_ASSERT(heap_consistent());
	/* Everything freed: the break is back at the base, every frame back in the PMM. */
	KT_ASSERT_EQ(VIRT_HEAP_BASE, kernel_window.heap_break);
	KT_ASSERT_EQ(free_before, pmm_free_count(&kernel_pmm));
}

KTEST(kheap, bad_frees_refused)
{
	unsigned refused = kernel_heap.refused;
	unsigned char *a = kmalloc(64), *b = kmalloc(64);
	int local;

	KT_ASSERT(a && b);
	kfree(a);
	kfree(a); /* double free */
	KT_ASSERT_EQ(refused + 1, kernel_heap.refused);
	kfree(b + 8);  /* inside a block */
	kfree(&local); /* not the heap at all */
	KT_ASSERT_EQ(refused + 3, kernel_heap.refused);
	kfree(b);
	KT_ASSERT_EQ(refused + 3, kernel_heap.refused);
	KT_ASSERT(kmalloc(KHEAP_MAX_ALLOC + 1) == NULL);
	KT_ASSERT(kcalloc(0x10000, 0x10000) == NULL);
	kfree(NULL);
	KT_ASSERT(heap_consistent());
	KT_ASSERT_EQ(VIRT_HEAP_BASE, kernel_window.heap_break);
}

/*
 * Debug mode (kheap.debug on the command line, or switched on here) puts a
 * canary after each block: one byte written past the end is found by the
 * free and by the checker.
 */
KTEST(kheap, debug_mode_canary)
{
	unsigned refused = kernel_heap.refused;
	bool debug = kernel_heap.debug;
	unsigned char *b;
	unsigned found;

	kheap_set_debug(&kernel_heap, true);
	b = kmalloc(64);
	KT_ASSERT(b);
	b[kheap_usable_size(b)] ^= 0xFF; /* one byte past the end */
	kfree(b);
	found = kheap_check(&kernel_heap, NULL, 0); /* the check sees the canary too */
	b[kheap_usable_size(b)] ^= 0xFF;
	kfree(b);
	kheap_set_debug(&kernel_heap, debug);
	KT_ASSERT_EQ(refused + 1, kernel_heap.refused);
	KT_ASSERT(found != 0);
	KT_ASSERT(heap_consistent());
	KT_ASSERT_EQ(VIRT_HEAP_BASE, kernel_window.heap_break);
}

/* The quick bins: the heap as it ships uses them (debug mode does not). */
KTEST(kheap, quick_bins_without_debug)
{
	unsigned refused = kernel_heap.refused;
	struct kheap_stats cached_one, after;
	bool debug = kernel_heap.debug;
	void *keep, *a, *again;
	int consistent, reused;

	kheap_set_debug(&kernel_heap, false);
	keep = kmalloc(8);
	a = kmalloc(48);
	kfree(a);
	kheap_get_stats(&kernel_heap, &cached_one);
	again = kmalloc(41); /* the same rounded size, 48 */
	reused = again == a;
	kfree(again);
	kfree(again); /* a double free of a cached block */
	consistent = heap_consistent();
	kfree(keep); /* the last live block: the bins empty, the pages go */
	kheap_get_stats(&kernel_heap, &after);
	kheap_set_debug(&kernel_heap, debug);
	KT_ASSERT_EQ(1, cached_one.cached_blocks);
	KT_ASSERT(reused);
	KT_ASSERT_EQ(refused + 1, kernel_heap.refused);
	KT_ASSERT(consistent);
	KT_ASSERT_EQ(0, after.cached_blocks);
	KT_ASSERT_EQ(VIRT_HEAP_BASE, kernel_window.heap_break);
}

/*
 * Fill the gap with one big MMIO mapping of nothing, leaving gap_pages
 * pages; returns its virtual address, or 0.
 */
static vaddr_t squeeze_window(uint32_t gap_pages)
{
	uint64_t gap = kernel_window.mmio_floor - kernel_window.heap_break;
	uint32_t pages = (uint32_t)(gap / PAGE_SIZE) - WINDOW_GUARD_PAGES - gap_pages;
	vaddr_t virt;

	if (mmio_map(NOWHERE_PHYS, (size_t)pages * PAGE_SIZE, MEM_DEVICE, &virt))
		return 0;
	return virt;
}

KTEST(window, heap_meets_mmio)
{
	enum { MAX_BLOCKS = 512 };
	static void *blocks[MAX_BLOCKS];
	unsigned count = 0;
	uint32_t free_before = pmm_free_count(&kernel_pmm);
	vaddr_t squeeze = squeeze_window(256); /* 1 MiB left for the heap */
	int stopped_at_guard, guard_faults, timer_runs;
	uint32_t before;
	void *again;

	KT_ASSERT(squeeze != 0);
	while (count < MAX_BLOCKS && (blocks[count] = kmalloc(8000)) != NULL)
		count++;
	/* Refused with less room left than one more growth needs (3 pages), the guard intact. */
	stopped_at_guard = kernel_window.heap_break + PAGE_SIZE <= kernel_window.mmio_floor &&
			   kernel_window.mmio_floor - kernel_window.heap_break < 4 * PAGE_SIZE;
	guard_faults = reads_fault((vaddr_t)kernel_window.mmio_floor - PAGE_SIZE);
	/* The MMIO side still works: the system timer, through its mapping, runs. */
	before = systimer_now_us();
	systimer_delay_us(2);
	timer_runs = systimer_now_us() != before;
	for (unsigned i = 0; i < count; i++)
		kfree(blocks[i]);
	again = kmalloc(8000);
	kfree(again);
	mmio_unmap(squeeze);
	KT_ASSERT(count > 64 && count < MAX_BLOCKS);
	KT_ASSERT(stopped_at_guard);
	KT_ASSERT(guard_faults);
	KT_ASSERT(timer_runs);
	KT_ASSERT(again != NULL);
	KT_ASSERT(heap_consistent());
	KT_ASSERT_EQ(free_before, pmm_free_count(&kernel_pmm));
	KT_ASSERT_EQ(device_registers("local"), kernel_window.mmio_floor);
}

KTEST(window, mmio_meets_heap)
{
	void *heap_block = kmalloc(32 << 20); /* a large heap */
	uint64_t gap;
	vaddr_t virt = 0, extra = 0;
	int full, more, after;

	KT_ASSERT(heap_block != NULL);
	gap = kernel_window.mmio_floor - kernel_window.heap_break - PAGE_SIZE;
	full = mmio_map(NOWHERE_PHYS, (size_t)gap + PAGE_SIZE, MEM_DEVICE,
			&virt); /* one too many */
	if (full == 0)
		mmio_unmap(virt);
	more = mmio_map(NOWHERE_PHYS, (size_t)gap, MEM_DEVICE, &virt); /* exactly the gap */
	after = mmio_map(0xF0000000, PAGE_SIZE, MEM_DEVICE, &extra); /* not inside the one above */
	if (more == 0)
		mmio_unmap(virt);
	if (after == 0)
		mmio_unmap(extra);
	kfree(heap_block);
	KT_ASSERT_EQ(ERR_NO_MEMORY, full);
	KT_ASSERT_EQ(0, more);
	KT_ASSERT_EQ(ERR_NO_MEMORY, after);
	KT_ASSERT_EQ(VIRT_HEAP_BASE, kernel_window.heap_break);
	KT_ASSERT_EQ(device_registers("local"), kernel_window.mmio_floor);
}

KTEST(mmio, kinds_refusals_sharing)
{
	struct mmu_mapping m;
	vaddr_t a, b, fb;
	vaddr_t floor = (vaddr_t)kernel_window.mmio_floor;

	/* Device, execute-never, through the page-table query. */
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, device_registers("mailbox"), &m));
	KT_ASSERT_EQ(MEM_DEVICE, m.kind);
	KT_ASSERT_EQ(MEM_WRITE, m.perm);
	/* A frame buffer: Normal non-cacheable (the VideoCore's RAM is not the kernel's). */
	KT_ASSERT_EQ(0, mmio_map(mm_ram_end(), 2 * PAGE_SIZE, MEM_NORMAL_UNCACHED, &fb));
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, fb, &m));
	KT_ASSERT_EQ(MEM_NORMAL_UNCACHED, m.kind);
	KT_ASSERT(!(m.perm & MEM_EXEC));
	KT_ASSERT_EQ(0, mmio_unmap(fb));
	KT_ASSERT_EQ(floor, kernel_window.mmio_floor);
	/* Refused: RAM, cacheable, zero size, wrap-around. */
	KT_ASSERT_EQ(ERR_INVALID, mmio_map(0x00100000, PAGE_SIZE, MEM_DEVICE, &a));
	KT_ASSERT_EQ(ERR_INVALID,
		     mmio_map(mm_ram_end() - PAGE_SIZE, 2 * PAGE_SIZE, MEM_DEVICE, &a));
	KT_ASSERT_EQ(ERR_INVALID, mmio_map(NOWHERE_PHYS, PAGE_SIZE, MEM_NORMAL, &a));
	KT_ASSERT_EQ(ERR_INVALID, mmio_map(NOWHERE_PHYS, 0, MEM_DEVICE, &a));
	KT_ASSERT_EQ(ERR_INVALID, mmio_map(0xFFFFF000, 2 * PAGE_SIZE, MEM_DEVICE, &a));
	KT_ASSERT_EQ(floor, kernel_window.mmio_floor);
	/* The same range twice: one mapping, two references. */
	KT_ASSERT_EQ(0, mmio_map(NOWHERE_PHYS + 0x10, 0x20, MEM_DEVICE, &a));
	KT_ASSERT_EQ(0, mmio_map(NOWHERE_PHYS + 0x10, 0x20, MEM_DEVICE, &b));
	KT_ASSERT_EQ(a, b);
	KT_ASSERT_EQ(0x10, a % PAGE_SIZE);
	KT_ASSERT_EQ(floor - PAGE_SIZE, kernel_window.mmio_floor);
	KT_ASSERT_EQ(0, mmio_unmap(a));
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, a, &m)); /* still mapped: one reference left */
	KT_ASSERT_EQ(0, mmio_unmap(b));
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmu_query(&kernel_aspace, a, &m));
	KT_ASSERT_EQ(floor, kernel_window.mmio_floor);
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmio_unmap(a));
}

/*
 * Only the address mmio_map returned unmaps: a pointer to a mapping's last
 * page, or into its middle (what a one-past-the-end pointer of a smaller
 * buffer is), leaves every mapping as it was. And one physical range
 * has one memory type: Device over a Strongly-ordered mapping is refused.
 */
KTEST(mmio, unmap_by_handle_one_type)
{
	vaddr_t a, b, c, floor = (vaddr_t)kernel_window.mmio_floor;
	struct mmu_mapping m;
	int past, inside, twice, other, same, partial;

	KT_ASSERT_EQ(0, mmio_map(NOWHERE_PHYS, 2 * PAGE_SIZE, MEM_DEVICE, &a));
	KT_ASSERT_EQ(0, mmio_map(NOWHERE_PHYS + 4 * PAGE_SIZE, PAGE_SIZE, MEM_DEVICE, &b));
	past = mmio_unmap(a + PAGE_SIZE); /* a's second page: inside a, no handle */
	inside = mmio_unmap(a + 8);
	other = mmio_map(NOWHERE_PHYS + PAGE_SIZE, PAGE_SIZE, MEM_STRONGLY_ORDERED, &c);
	partial = mmio_map(NOWHERE_PHYS + PAGE_SIZE, 2 * PAGE_SIZE, MEM_STRONGLY_ORDERED, &c);
	same = mmio_map(NOWHERE_PHYS + PAGE_SIZE, PAGE_SIZE, MEM_DEVICE, &c); /* shared */
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, a, &m));                    /* still mapped */
	KT_ASSERT_EQ(0, mmu_query(&kernel_aspace, b, &m));
	twice = same == 0 ? mmio_unmap(c) : -100;
	KT_ASSERT_EQ(0, mmio_unmap(b));
	KT_ASSERT_EQ(0, mmio_unmap(a));
	KT_ASSERT_EQ(ERR_NOT_FOUND, past);
	KT_ASSERT_EQ(ERR_NOT_FOUND, inside);
	KT_ASSERT_EQ(ERR_EXISTS, other);
	KT_ASSERT_EQ(ERR_EXISTS, partial);
	KT_ASSERT_EQ(0, same);
	KT_ASSERT_EQ(a + PAGE_SIZE, c);
	KT_ASSERT_EQ(0, twice);
	KT_ASSERT_EQ(ERR_NOT_FOUND, mmio_unmap(a)); /* gone: a second unmap finds nothing */
	KT_ASSERT_EQ(floor, kernel_window.mmio_floor);
}
