/*
 * mm/kheap_kernel.c - the kernel's heap: kmalloc and friends over the
 * window's heap side, grown with fresh PMM frames mapped Normal, read-write,
 * execute-never.
 */
#include "kernel/error.h"
#include "kernel/printk.h"
#include "mm/kernel_map.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmu.h"

#define PAGE_BATCH 32 /* pages mapped or unmapped per batch of table work and barriers */

/* Unmap pages [start, start + count) of the heap and give their frames back. */
static void release_pages(vaddr_t start, uint32_t count)
{
	while (count) {
		paddr_t frames[PAGE_BATCH];
		uint32_t batch = count < PAGE_BATCH ? count : PAGE_BATCH;

		if (mmu_unmap_pages(&kernel_aspace, start, batch, frames) == 0)
			for (uint32_t i = 0; i < batch; i++)
				pmm_free_frame(&kernel_pmm, frames[i]);
		start += batch * PAGE_SIZE;
		count -= batch;
	}
}

/* Map count fresh frames at start, or none (ERR_NO_MEMORY from the PMM or the page tables). */
static int map_fresh_frames(vaddr_t start, uint32_t count)
{
	paddr_t frames[PAGE_BATCH];
	int error;

	if (count == 0 || count > PAGE_BATCH)
		return ERR_INVALID;
	error = pmm_alloc_frames(&kernel_pmm, count, frames);
	if (error)
		return error;
	error = mmu_map_pages(&kernel_aspace, start, frames, count, MEM_NORMAL, MEM_WRITE);
	if (error)
		while (count)
			pmm_free_frame(&kernel_pmm, frames[--count]);
	return error;
}

/* More heap: the window's break moves up, each new page gets a fresh frame. */
static int grow_locked(uint32_t pages, uintptr_t *start)
{
	uint64_t at;
	int error = window_heap_grow(&kernel_window, pages, &at);
	uint32_t done = 0;

	if (error)
		return error;
	while (done < pages && error == 0) {
		uint32_t batch = pages - done < PAGE_BATCH ? pages - done : PAGE_BATCH;

		error = map_fresh_frames((vaddr_t)at + done * PAGE_SIZE, batch);
		if (error == 0)
			done += batch;
	}
	if (error) {
		/* Unwind: what was mapped goes back, the break goes back down. */
		if (done)
			release_pages((vaddr_t)at, done);
		window_heap_shrink(&kernel_window, pages);
		return error;
	}
	*start = (uintptr_t)at;
	return 0;
}

/* The heap's backend, called under the heap's lock: the window and the table under the kernel map's. */
static int kernel_heap_grow(void *context, uint32_t pages, uintptr_t *start)
{
	int error;

	(void)context;
	kernel_map_lock();
	error = grow_locked(pages, start);
	kernel_map_unlock();
	return error;
}

static void kernel_heap_shrink(void *context, uint32_t pages)
{
	(void)context;
	kernel_map_lock();
	release_pages((vaddr_t)(kernel_window.heap_break - (uint64_t)pages * PAGE_SIZE), pages);
	window_heap_shrink(&kernel_window, pages);
	kernel_map_unlock();
}

static void kernel_heap_report(void *context, const char *message)
{
	(void)context;
	kprintf("%s\n", message);
}

void kheap_kernel_init(void)
{
	const struct kheap_backend backend = {
		.grow = kernel_heap_grow,
		.shrink = kernel_heap_shrink,
		.report = kernel_heap_report,
		.page_size = PAGE_SIZE,
	};

	kheap_init(&kernel_heap, (uintptr_t)kernel_window.base, &backend);
}

/* (kmalloc and kfree are in mm/kheap.c: the allocator's own entry points on this heap.) */
void *kmalloc_aligned(size_t size, size_t align)
{
	void *pointer;

	mm_lock(&kernel_heap_lock);
	pointer = kheap_alloc_aligned(&kernel_heap, size, align);
	mm_unlock(&kernel_heap_lock);
	return pointer;
}

void *kcalloc(size_t n, size_t size)
{
	void *pointer;

	mm_lock(&kernel_heap_lock);
	pointer = kheap_calloc(&kernel_heap, n, size);
	mm_unlock(&kernel_heap_lock);
	return pointer;
}

void *krealloc(void *pointer, size_t size)
{
	mm_lock(&kernel_heap_lock);
	pointer = kheap_realloc(&kernel_heap, pointer, size);
	mm_unlock(&kernel_heap_lock);
	return pointer;
}

void kheap_kernel_stats(struct kheap_stats *stats)
{
	mm_lock(&kernel_heap_lock);
	kheap_get_stats(&kernel_heap, stats);
	mm_unlock(&kernel_heap_lock);
}

unsigned kheap_kernel_check(char *report, size_t report_size)
{
	unsigned problems;

	mm_lock(&kernel_heap_lock);
	problems = kheap_check(&kernel_heap, report, report_size);
	mm_unlock(&kernel_heap_lock);
	return problems;
}
