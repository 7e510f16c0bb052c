/*
 * bench/process_bench.c - what processes cost (make bench).
 *
 * user/bench.c times itself with the cycle counter (the benchmark image
 * lets PL0 read it) and prints the figure; the kernel here starts it and
 * reads the figure back. Under -icount the counter runs on through every
 * trap and switch, so the figures are exact and the same on every run;
 * each is the program doing N things less the program doing none.
 *
 *   getpid: the null system call, user to kernel and back, with the
 *           program's loop around it (4 instructions: mov r7, svc's
 *           neighbours add, cmp, bne).
 *   yield:  two processes yielding to each other (the second twice as
 *           often, so it is always there); the first's loop divided by
 *           two switches per round, so one figure is one way: sched_yield's trap, the switch of thread and address
 *           space, and the return to the other process. No TLB flush:
 *           the ASID generation must not change while it runs.
 *   touch:  a write to a bss page never touched: the data abort, the
 *           region lookup, a frame, its clearing, the mapping, the return.
 *           The clearing (memset of 4 KiB) is timed alone and reported
 *           beside it.
 *   start and end: bench none, spawn to reaped: ELF checks, regions,
 *           tables, the thread, the faults of its first pages, exit.
 *   teardown: an address space with N pages mapped in one L2 table, then
 *           destroyed with every frame freed, per page.
 *   fork:   one fork, the child's exit and the parent's wait4, with 1, 64
 *           and 1024 pages of bss resident (and the program's few text,
 *           data and stack pages); the slope is the cost per resident page.
 *   cow:    a write to a page the parent shares with a child that sleeps:
 *           the permission fault, a frame, the copy, break-before-make,
 *           the return. The 4 KiB copy is timed alone and reported beside.
 *   exec:   execve of bench by bench, to the first instruction of main.
 *   mmap:   mmap of 1 MiB, a write to each of its 256 pages (demand-zero
 *           faults), munmap.
 *   busybox true: fork, execve of Debian's busybox (static glibc: its
 *           start-up, TLS, the page faults of what it touches) running
 *           true, its exit and the parent's wait4; the first round is
 *           timed apart (the kernel heap grows then), the rest averaged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/bench.h"
#include "kernel/initramfs.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/thread.h"
#include "lib/textbuf.h"
#include "mm/context.h"
#include "mm/descriptor.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/pmm.h"
#include "mm/vm_map.h"

#define CALLS         1000
#define TRUES         8
#define YIELDS        200
#define TOUCHED       64
#define TEARDOWN_SIZE 256 /* pages: one L2 table's worth */

/* What the processes print: each one number, its own measurement. */
static char output[128];
static struct textbuf output_buf = TEXTBUF(output);

static void capture(void *context, const char *text, size_t length)
{
	(void)context;
	textbuf_append(&output_buf, text, length);
}

/*
 * Start bench MODE N for each of counts[0..copies) at once, wait for them
 * all; the first one's own figure (cycles of its N things). *total: spawn
 * to the last reaped.
 */
static uint32_t run_bench(const char *mode, const unsigned *counts, unsigned copies,
			  uint32_t *total)
{
	char count[2][12];
	struct process *p[2];
	uint32_t start, stop;
	int status;

	textbuf_clear(&output_buf);
	start = bench_now();
	for (unsigned i = 0; i < copies; i++) {
		const char *argv[] = { "bench", mode, count[i] };

		snprintf(count[i], sizeof(count[i]), "%u", counts[i]);
		if (process_spawn_output("bin/bench", 3, argv, NULL, false, capture, NULL, &p[i]))
			panic("bench: cannot start bin/bench %s %u", mode, counts[i]);
	}
	for (unsigned i = 0; i < copies; i++) {
		if (process_wait(p[i], &status) || status != 0)
			panic("bench: bin/bench %s %u ended with status %#x", mode, counts[i],
			      status);
	}
	stop = bench_now();
	if (total)
		*total = stop - start;
	return (uint32_t)strtoul(output, NULL, 10);
}

KBENCH(process_null_syscall)
{
	static const unsigned none[] = { 0 }, calls[] = { CALLS };
	uint32_t base = run_bench("getpid", none, 1, NULL);
	uint32_t many = run_bench("getpid", calls, 1, NULL);

	kprintf("process: getpid round trip from user space: %lu instructions "
		"(the loop's own 4 included; target <= 80)\n",
		(unsigned long)((many - base) / CALLS));
	bench_target("getpid round trip", (many - base) / CALLS, 80);
}

KBENCH(process_yield_switch)
{
	/* The second yields twice as often: it is there for every one of the first's. */
	static const unsigned counts[] = { YIELDS, 2 * YIELDS };
	uint32_t rollovers = context_rollovers();
	uint32_t round_trips = run_bench("yield", counts, 2, NULL);

	kprintf("process: yield to yield, one way: %lu instructions (target <= 300); "
		"%lu ASID rollovers (the only TLB flush a switch can cause) meanwhile\n",
		(unsigned long)(round_trips / (2 * YIELDS)),
		(unsigned long)(context_rollovers() - rollovers));
	bench_target("yield to yield, one way", round_trips / (2 * YIELDS), 300);
}

static __attribute__((noinline)) uint32_t time_clear(void *page)
{
	uint32_t start = bench_now();

	memset(page, 0, PAGE_SIZE);
	return bench_now() - start;
}

KBENCH(process_demand_zero_fault)
{
	static const unsigned none[] = { 0 }, touched[] = { TOUCHED };
	uint32_t base = run_bench("touch", none, 1, NULL);
	uint32_t per_fault = (run_bench("touch", touched, 1, NULL) - base) / TOUCHED;
	paddr_t frame;
	uint32_t clear;

	if (pmm_alloc_frame(&kernel_pmm, &frame))
		panic("bench: no frame to clear");
	clear = time_clear((void *)phys_to_virt(frame)) - bench_overhead();
	pmm_free_frame(&kernel_pmm, frame);
	kprintf("process: demand-zero fault: %lu instructions, of which clearing the page %lu: "
		"%lu besides (target <= 400)\n",
		(unsigned long)per_fault, (unsigned long)clear, (unsigned long)(per_fault - clear));
	bench_target("demand-zero fault besides clearing", per_fault - clear, 400);
}

KBENCH(process_start_end)
{
	static const unsigned none[] = { 0 };
	uint32_t free_before = pmm_free_count(&kernel_pmm);
	uint32_t cost;

	(void)run_bench("none", none, 1, &cost);
	if (pmm_free_count(&kernel_pmm) != free_before)
		panic("bench: a process's start and end lost frames: %lu free, was %lu",
		      (unsigned long)pmm_free_count(&kernel_pmm), (unsigned long)free_before);
	kprintf("process: start and end of a small program (spawn to reaped): %lu instructions\n",
		(unsigned long)cost);
}

static void release(void *context, paddr_t frame)
{
	(void)context;
	pmm_free_frame(&kernel_pmm, frame);
}

/* Build an address space with `pages` pages mapped from 0x00100000, then time its teardown. */
static uint32_t time_teardown(unsigned pages)
{
	struct mmu_aspace as;
	uint32_t start, stop;

	if (mmu_user_create(&as, &kernel_pmm))
		panic("bench: cannot create an address space");
	for (unsigned i = 0; i < pages; i++) {
		paddr_t frame;

		if (pmm_alloc_frame(&kernel_pmm, &frame) ||
		    mmu_map_page(&as, 0x00100000 + i * PAGE_SIZE, frame, MEM_NORMAL,
				 MEM_USER | MEM_WRITE))
			panic("bench: cannot map page %u of %u", i, pages);
	}
	start = bench_now();
	(void)mmu_user_destroy(&as, release, NULL);
	stop = bench_now();
	return stop - start;
}

KBENCH(process_teardown_per_page)
{
	uint32_t free_before = pmm_free_count(&kernel_pmm);
	uint32_t empty = time_teardown(0);
	uint32_t full = time_teardown(TEARDOWN_SIZE);

	if (pmm_free_count(&kernel_pmm) != free_before)
		panic("bench: teardown lost frames: %lu free, was %lu",
		      (unsigned long)pmm_free_count(&kernel_pmm), (unsigned long)free_before);
	kprintf("process: teardown: %lu instructions per page (%u pages: %lu; empty: %lu)\n",
		(unsigned long)((full - empty) / TEARDOWN_SIZE), TEARDOWN_SIZE, (unsigned long)full,
		(unsigned long)empty);
}

KBENCH(process_fork_exit_wait)
{
	static const unsigned sizes[] = { 1, 64, 1024 };
	uint32_t cost[3];

	for (unsigned i = 0; i < 3; i++)
		cost[i] = run_bench("fork", &sizes[i], 1, NULL);
	kprintf("process: fork + exit + wait4: %lu instructions with 1 page resident, %lu with 64, "
		"%lu with 1024: %lu per resident page (target <= 40)\n",
		(unsigned long)cost[0], (unsigned long)cost[1], (unsigned long)cost[2],
		(unsigned long)((cost[2] - cost[0]) / (sizes[2] - sizes[0])));
	bench_target("fork per resident page", (cost[2] - cost[0]) / (sizes[2] - sizes[0]), 40);
}

static __attribute__((noinline)) uint32_t time_copy(void *to, const void *from)
{
	uint32_t start = bench_now();

	memcpy(to, from, PAGE_SIZE);
	return bench_now() - start;
}

KBENCH(process_cow_fault)
{
	static const unsigned none[] = { 0 }, touched[] = { TOUCHED };
	uint32_t base = run_bench("cow", none, 1, NULL);
	uint32_t per_fault = (run_bench("cow", touched, 1, NULL) - base) / TOUCHED;
	paddr_t frames[2];
	uint32_t copy;

	if (pmm_alloc_frames(&kernel_pmm, 2, frames))
		panic("bench: no frames to copy");
	copy = time_copy((void *)phys_to_virt(frames[0]), (const void *)phys_to_virt(frames[1])) -
	       bench_overhead();
	pmm_free_frame(&kernel_pmm, frames[0]);
	pmm_free_frame(&kernel_pmm, frames[1]);
	kprintf("process: copy-on-write fault: %lu instructions, of which copying the page %lu: "
		"%lu besides (target <= 600)\n",
		(unsigned long)per_fault, (unsigned long)copy, (unsigned long)(per_fault - copy));
	bench_target("copy-on-write fault besides copying", per_fault - copy, 600);
}

KBENCH(process_exec)
{
	static const unsigned none[] = { 0 };

	kprintf("process: execve of a small program, to its main: %lu instructions\n",
		(unsigned long)run_bench("exec", none, 1, NULL));
}

KBENCH(process_mmap_touch_munmap)
{
	static const unsigned none[] = { 0 }, rounds[] = { 4 };
	uint32_t base = run_bench("mmap", none, 1, NULL);
	uint32_t per_round = (run_bench("mmap", rounds, 1, NULL) - base) / rounds[0];

	kprintf("process: mmap 1 MiB + a write to each of its 256 pages + munmap: %lu "
		"instructions (%lu per page)\n",
		(unsigned long)per_round, (unsigned long)(per_round / 256));
}

KBENCH(process_busybox_true)
{
	static const unsigned none[] = { 0 }, one[] = { 1 }, many[] = { 1 + TRUES };
	struct initramfs_file file;
	uint32_t base, first, all;

	if (initramfs_find("bin/busybox", &file)) {
		kprintf("process: busybox true: skipped, no bin/busybox in the initramfs\n");
		return;
	}
	base = run_bench("busybox", none, 1, NULL);
	first = run_bench("busybox", one, 1, NULL) - base;
	all = run_bench("busybox", many, 1, NULL) - base;
	kprintf("process: busybox true (fork + execve + exit + wait4): %lu instructions (the "
		"first: %lu)\n",
		(unsigned long)((all - first) / TRUES), (unsigned long)first);
}
