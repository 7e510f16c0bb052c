/*
 * kernel/process_test.c - self-tests of processes, run with the programs
 * in the initramfs (user/): each is started, waited for, and judged by its
 * exit status, by what it printed, by what the kernel said about it, and
 * by the PMM and the heap, which must be exactly as they were once it is
 * gone. A program that prints TAP (tap_selftest) has its results folded
 * into the boot's: each of its lines appears as a comment, and the test
 * fails if any of them is "not ok" or its plan is not met.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/arm.h"
#include "arch/mmu.h"
#include "drivers/rng.h"
#include "kernel/error.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "kernel/file.h"
#include "kernel/fpu.h"
#include "kernel/initramfs.h"
#include "kernel/pipe.h"
#include "kernel/process.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "layout.h"
#include "mm/context.h"
#include "mm/kheap.h"
#include "lib/textbuf.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/page_fault.h"
#include "mm/pmm.h"

#define OUTPUT_MAX 8192

/* What a process printed (and the kernel, while it ran), kept and also shown as comments. */
static char output[OUTPUT_MAX];
static struct textbuf output_buf = TEXTBUF(output);
static console_sink_fn real_sink;

static void capture_sink(const char *text, size_t length)
{
	textbuf_append(&output_buf, text, length);
	if (real_sink)
		real_sink(text, length);
}

static void process_output(void *context, const char *text, size_t length)
{
	(void)context;
	console_write(text, length);
}

/*
 * Run path with argv to its end; *status as wait(2) has it. Everything
 * printed meanwhile (by it, and by the kernel about it) is in output.
 */
static int last_pid; /* the pid run() gave its process */

static int run(const char *path, int argc, const char *const *argv, int *status)
{
	struct process *p;
	int error;

	textbuf_clear(&output_buf);
	real_sink = console_get_sink();
	console_set_sink(capture_sink);
	error = process_spawn_output(path, argc, argv, NULL, false, process_output, NULL, &p);
	if (error == 0) {
		last_pid = p->pid;
		error = process_wait(p, status);
	}
	console_set_sink(real_sink);
	return error;
}

struct memory_state {
	uint32_t free_frames;
	size_t live_bytes;
	uint32_t live_blocks;
};

static void memory_now(struct memory_state *state)
{
	struct kheap_stats heap;

	(void)sched_wait_quiet(); /* what other cores still give back counts too */
	kheap_kernel_stats(&heap);
	state->free_frames = pmm_free_count(&kernel_pmm);
	state->live_bytes = heap.live_bytes;
	state->live_blocks = heap.live_blocks;
}

#define KT_ASSERT_MEMORY_AS(before)                                                       \
	do {                                                                              \
		struct memory_state after_;                                               \
		memory_now(&after_);                                                      \
		KT_ASSERT_EQ((before).free_frames, after_.free_frames);                   \
		KT_ASSERT_EQ((before).live_blocks, after_.live_blocks);                   \
		KT_ASSERT_EQ((uint32_t)(before).live_bytes, (uint32_t)after_.live_bytes); \
	} while (0)

KTEST(process, hello_runs_and_leaves_nothing)
{
	static const char *const argv[] = { "hello", "one", "two" };
	struct memory_state before;
	char expected[40];
	int status = -1;

	memory_now(&before);
	KT_ASSERT_EQ(0, run("hello", 3, argv, &status));
	KT_ASSERT_EQ(0, status);
	KT_ASSERT(strstr(output, "hello from pid ") != NULL);
	snprintf(expected, sizeof(expected), "argv[2] = two");
	if (!strstr(output, expected))
		KT_FAIL("hello did not print '%s'; it printed: %s", expected, output);
	KT_ASSERT_MEMORY_AS(before);
}

/* A TAP stream a program printed: its plan met, no "not ok". */
static bool tap_all_ok(const char *text, unsigned *results)
{
	unsigned plan = 0, ok = 0, not_ok = 0;

	for (const char *at = text; at && *at; at = strchr(at, '\n'), at += !!at) {
		const char *line =
			strncmp(at, "# ", 2) == 0 ? at + 2 : at; /* (as the console shows it) */

		if (strncmp(line, "1..", 3) == 0)
			plan = (unsigned)strtoul(line + 3, NULL, 10);
		else if (strncmp(line, "ok ", 3) == 0)
			ok++;
		else if (strncmp(line, "not ok ", 7) == 0)
			not_ok++;
	}
	*results = ok + not_ok;
	return plan > 0 && not_ok == 0 && ok == plan;
}

KTEST(process, user_selftest_tap)
{
	static const char *const argv[] = { "tap_selftest" };
	struct memory_state before;
	unsigned results;
	int status = -1;

	memory_now(&before);
	KT_ASSERT_EQ(0, run("tap_selftest", 1, argv, &status));
	if (!tap_all_ok(output, &results))
		KT_FAIL("tap_selftest's TAP (%u results) is not all ok (above)", results);
	KT_ASSERT_EQ(0, status);
	KT_ASSERT_MEMORY_AS(before);
}

struct fault_case {
	const char *kind;
	int signal;
	const char *report; /* in the kernel's kill report */
};

static const struct fault_case fault_cases[] = {
	{ "null", SIGNAL_SEGV, "on read at 0x00000000, pc 0x" },
	{ "kernel-read", SIGNAL_SEGV, "on read at 0x80000000" },
	{ "kernel-write", SIGNAL_SEGV, "on write at 0x80000000" },
	{ "kernel-jump", SIGNAL_SEGV, "prefetch abort" },
	{ "text-write", SIGNAL_SEGV, "r-x program file" },
	{ "stack-guard", SIGNAL_SEGV, "stack guard" },
	{ "heap-exec", SIGNAL_SEGV, "rw- anonymous" },
	{ "stack-exec", SIGNAL_SEGV, "rw- stack" },
	{ "undefined", SIGNAL_ILL, "undefined instruction" },
};

KTEST(process, faults_kill_only_the_process)
{
	static const char *const spin_argv[] = { "spin", "200", "1" };
	struct memory_state before;
	struct process *bystander;
	char name[48];
	int spin_status = -1;

	memory_now(&before);
	/* A process that runs through all of it, and must end as it would have. */
	KT_ASSERT_EQ(0, process_spawn_output("spin", 3, spin_argv, NULL, false, process_output,
					     NULL, &bystander));
	for (unsigned i = 0; i < sizeof(fault_cases) / sizeof(fault_cases[0]); i++) {
		const struct fault_case *c = &fault_cases[i];
		const char *argv[] = { "fault", c->kind };
		int status = -1;

		KT_ASSERT_EQ(0, run("fault", 2, argv, &status));
		snprintf(name, sizeof(name), "process %d (bin/fault): killed: ", last_pid);
		if (EXIT_SIGNAL(status) != c->signal || !strstr(output, name) ||
		    !strstr(output, c->report) || strstr(output, "survived"))
			KT_FAIL("fault %s: status 0x%x (signal %d expected); the report must say "
				"'%s'",
				c->kind, status, c->signal, c->report);
	}
	KT_ASSERT_EQ(0, process_wait(bystander, &spin_status));
	KT_ASSERT_EQ(0, spin_status); /* it ran to its end, untouched */
	KT_ASSERT_MEMORY_AS(before);
}

/* The cycle counter is not PL0's (PMUSERENR.EN = 0), as on Linux: bench dies of SIGILL. */
KTEST(process, cycle_counter_not_readable_at_pl0)
{
	static const char *const argv[] = { "bench", "none", "0" };
	int status = -1;

	KT_ASSERT_EQ(0, run("bench", 3, argv, &status));
	KT_ASSERT_EQ(SIGNAL_ILL, EXIT_SIGNAL(status));
	KT_ASSERT(strstr(output, "undefined instruction") != NULL);
}

KTEST(process, refusals_leave_nothing)
{
	static const char *const argv[] = { "x" };
	const char *many[PROCESS_ARGS_MAX + 1];
	struct memory_state before;
	struct process *p = NULL;

	for (unsigned i = 0; i <= PROCESS_ARGS_MAX; i++)
		many[i] = "arg";
	memory_now(&before);
	KT_ASSERT_EQ(ERR_NOT_FOUND, process_spawn("no-such-program", 1, argv, NULL, false, &p));
	KT_ASSERT_EQ(ERR_INVALID, process_spawn("etc/not-a-program", 1, argv, NULL, false, &p));
	KT_ASSERT_EQ(ERR_RANGE,
		     process_spawn("hello", PROCESS_ARGS_MAX + 1, many, NULL, false, &p));
	KT_ASSERT_EQ(ERR_RANGE, process_spawn("hello", 0, argv, NULL, false, &p));
	KT_ASSERT(p == NULL);
	KT_ASSERT_MEMORY_AS(before);
}

KTEST(process, many_started_and_ended)
{
	static const char *const argv[] = { "hello" };
	struct memory_state before;

	memory_now(&before);
	for (int i = 0; i < 24; i++) {
		int status = -1;

		KT_ASSERT_EQ(0, run("hello", 1, argv, &status));
		KT_ASSERT_EQ(0, status);
	}
	KT_ASSERT_MEMORY_AS(before);
}

/*
 * Two processes with the same addresses, each writing its own pattern and
 * checking it across many switches, while the ASIDs roll over again and
 * again (the limit lowered to 3: ASIDs 1 and 2, and a third process
 * started and ended in between takes one more).
 */
KTEST(process, isolation_across_asid_rollovers)
{
	static const char *const a_argv[] = { "isolation", "200" };
	static const char *const hello_argv[] = { "hello" };
	unsigned limit = context_asid_limit();
	uint32_t rollovers = context_rollovers();
	struct memory_state before;
	struct process *a, *b;
	int status_a = -1, status_b = -1, status;

	memory_now(&before);
	context_set_asid_limit(0); /* the fewest: CORE_COUNT + 2 */
	KT_ASSERT_EQ(0, process_spawn_output("isolation", 2, a_argv, NULL, false, process_output,
					     NULL, &a));
	KT_ASSERT_EQ(0, process_spawn_output("isolation", 2, a_argv, NULL, false, process_output,
					     NULL, &b));
	for (int i = 0; i < 14; i++) {
		struct process *h;

		if (process_spawn_output("hello", 1, hello_argv, NULL, false, process_output, NULL,
					 &h) == 0)
			(void)process_wait(h, &status);
	}
	(void)process_wait(a, &status_a);
	(void)process_wait(b, &status_b);
	context_set_asid_limit(limit);
	KT_ASSERT_EQ(0, status_a);
	KT_ASSERT_EQ(0, status_b);
	if (context_rollovers() - rollovers < 3)
		KT_FAIL("only %lu ASID rollovers",
			(unsigned long)(context_rollovers() - rollovers));
	KT_ASSERT_MEMORY_AS(before);
}

/* Take every free frame but a few (chained through the frames themselves); give them back. */
static paddr_t exhaust_pmm(uint32_t leave)
{
	uint32_t free_frames = pmm_free_count(&kernel_pmm); /* (O(frames): once) */
	paddr_t chain = 0, frame;

	for (uint32_t n = leave; n < free_frames && pmm_alloc_frame(&kernel_pmm, &frame) == 0;
	     n++) {
		*(paddr_t *)phys_to_virt(frame) = chain;
		chain = frame;
	}
	return chain;
}

static void give_back(paddr_t chain)
{
	while (chain) {
		paddr_t next = *(paddr_t *)phys_to_virt(chain);

		pmm_free_frame(&kernel_pmm, chain);
		chain = next;
	}
}

KTEST(process, out_of_memory_kills_the_process)
{
	static const char *const argv[] = { "hog" };
	struct memory_state before;
	paddr_t chain;
	int status = -1, error;

	struct process *p;

	memory_now(&before);
	textbuf_clear(&output_buf);
	real_sink = console_get_sink();
	console_set_sink(capture_sink);
	error = process_spawn_output("hog", 1, argv, NULL, false, process_output, NULL, &p);
	/* Started (its tables and stacks taken), then 1 MiB left: it runs out in its page faults. */
	chain = exhaust_pmm(256);
	if (error == 0)
		error = process_wait(p, &status);
	give_back(chain);
	console_set_sink(real_sink);
	KT_ASSERT_EQ(0, error);
	/* Killed in a page fault (SIGKILL): brk and mmap take no frames, a touched page does. */
	if (EXIT_SIGNAL(status) != SIGNAL_KILL)
		KT_FAIL("hog ended with status 0x%x, not killed by SIGKILL", status);
	KT_ASSERT(strstr(output, "killed: out of memory") != NULL);
	KT_ASSERT_MEMORY_AS(before);
}

/* The kernel's user copies, from a kernel thread (no process: every user address faults). */
KTEST(process, user_copies_refuse_bad_pointers)
{
	uint32_t word = 0x12345678, into = 0;
	char text[8];

	KT_ASSERT_EQ(ERR_RANGE, copy_from_user(&into, (const void *)0x80000000, 4));
	KT_ASSERT_EQ(ERR_RANGE, copy_from_user(&into, (const void *)0x7FFFFFFE, 4));
	KT_ASSERT_EQ(ERR_RANGE, copy_from_user(&into, (const void *)0xFFFFFFFC, 8));
	KT_ASSERT_EQ(ERR_RANGE, copy_from_user(&into, (const void *)0x00001000, 4));
	KT_ASSERT_EQ(ERR_RANGE, copy_to_user((void *)0x00001000, &word, 4));
	KT_ASSERT_EQ(ERR_RANGE, copy_to_user((void *)0x80008000, &word, 4));
	KT_ASSERT_EQ(ERR_RANGE, copy_string_from_user(text, (const char *)0x2000, sizeof(text)));
	KT_ASSERT_EQ(0, into); /* nothing was written */
	KT_ASSERT_EQ(0, copy_from_user(&into, (const void *)0x1000, 0));
}

/*
 * A running process's table, read back: every user page non-global,
 * reachable from PL0, never writable and executable; every L1 entry PXN;
 * and in the kernel's table nothing PL0 may touch.
 */
KTEST(process, tables_read_back)
{
	static const char *const argv[] = { "spin", "2000", "1" };
	const uint32_t *kernel_l1 = (const uint32_t *)VIRT_L1_TABLE;
	unsigned user_pages = 0;
	struct process *p;
	int status;

	KT_ASSERT_EQ(0,
		     process_spawn_output("spin", 3, argv, NULL, false, process_output, NULL, &p));
	for (int i = 0; i < 500 && p->resident < 4; i++)
		ksleep_ms(1); /* (it may run on another core) */
	for (unsigned index = 0; index < USER_L1_ENTRIES; index++) {
		uint32_t entry = p->aspace.l1[index];
		const uint32_t *table;

		if ((entry & L1_TYPE_MASK) == L1_TYPE_FAULT)
			continue;
		KT_ASSERT_EQ(L1_TYPE_PAGE_TABLE, entry & L1_TYPE_MASK);
		KT_ASSERT(entry & L1_PAGE_TABLE_PXN);
		table = (const uint32_t *)phys_to_virt(entry & L1_PAGE_TABLE_BASE_MASK);
		for (unsigned i = 0; i < L2_ENTRIES; i++) {
			uint32_t pte = table[i];
			bool writable, executable;

			if (!(pte & L2_TYPE_SMALL))
				continue;
			user_pages++;
			writable = (pte & L2_PAGE_AP1) && !(pte & L2_PAGE_AP2);
			executable = !(pte & L2_PAGE_XN);
			KT_ASSERT(pte & L2_PAGE_NG);
			KT_ASSERT(pte & L2_PAGE_AP1); /* PL0 has access */
			KT_ASSERT(!(writable && executable));
		}
	}
	/* The top of the process's half, from the stack's top up, stays unmapped (the memory map). */
	for (unsigned index = USER_STACK_TOP >> SECTION_SHIFT; index < USER_L1_ENTRIES; index++)
		KT_ASSERT_EQ(L1_TYPE_FAULT, p->aspace.l1[index] & L1_TYPE_MASK);
	/* A small program's tables: its L1 (8 KiB) and L2 tables packed four to a frame. */
	KT_ASSERT(mmu_table_bytes(&p->aspace) <= 24 * 1024);
	(void)process_kill(p->pid, SIGNAL_KILL);
	(void)process_wait(p, &status);
	KT_ASSERT(user_pages >= 3); /* text, data or stack, at least */
	KT_ASSERT_EQ(SIGNAL_KILL, EXIT_SIGNAL(status));
	/* The kernel's half: no section or page with PL0 access (AP[1] clear everywhere). */
	for (unsigned index = KERNEL_VIRT_BASE >> SECTION_SHIFT; index < L1_ENTRIES; index++) {
		uint32_t entry = kernel_l1[index];

		if ((entry & L1_TYPE_MASK) == L1_TYPE_SECTION) {
			KT_ASSERT(!(entry & L1_SECT_AP1));
			KT_ASSERT(!(entry & L1_SECT_NG));
		} else if ((entry & L1_TYPE_MASK) == L1_TYPE_PAGE_TABLE) {
			const uint32_t *table =
				(const uint32_t *)phys_to_virt(entry & L1_PAGE_TABLE_BASE_MASK);

			for (unsigned i = 0; i < L2_ENTRIES; i++) {
				if (!(table[i] & L2_TYPE_SMALL))
					continue;
				KT_ASSERT(!(table[i] & L2_PAGE_AP1));
				KT_ASSERT(!(table[i] & L2_PAGE_NG));
			}
		}
	}
}

/* forktest's TAP, with bramble's own policy points; every frame and heap byte back after. */
KTEST(process, fork_exec_wait_mmap_tap)
{
	static const char *const argv[] = { "forktest", "bramble" };
	struct page_fault_stats faults_before, faults_after;
	struct memory_state before;
	unsigned results;
	int status = -1;

	memory_now(&before);
	page_fault_get_stats(&faults_before);
	KT_ASSERT_EQ(0, run("forktest", 2, argv, &status));
	page_fault_get_stats(&faults_after);
	if (!tap_all_ok(output, &results))
		KT_FAIL("forktest's TAP (%u results) is not all ok (above)", results);
	KT_ASSERT_EQ(0, status);
	KT_ASSERT(faults_after.cow_copies > faults_before.cow_copies);
	/* B2.2.9 for every page that became code: each text fault, and the one mprotect. */
	KT_ASSERT(faults_after.exec_faults > faults_before.exec_faults);
	KT_ASSERT_EQ(faults_after.exec_faults - faults_before.exec_faults + 1,
		     faults_after.icache_syncs - faults_before.icache_syncs);
	KT_ASSERT_MEMORY_AS(before);
}

/*
 * Fork p from here (a kernel thread) as if p had called fork: the copy is
 * what process_fork makes of the current process, so p is made current
 * for the call (its thread is not running: it waits on the run queue).
 */
static int fork_of(struct process *p, struct process **child)
{
	struct thread *self = current_thread();
	struct process *was = self->process;
	int error;

	self->process = p;
	context_switch(&p->aspace);
	error = process_fork(thread_user_frame(p->thread), child);
	context_switch_kernel();
	self->process = was;
	return error;
}

/*
 * A write into p's address space at va, through the MMU as p itself would
 * (the user copy, from p's table): its word written back unchanged.
 */
static int write_as(struct process *p, vaddr_t va)
{
	struct thread *self = current_thread();
	struct process *was = self->process;
	uint32_t word;
	int error;

	self->process = p;
	context_switch(&p->aspace);
	error = copy_from_user(&word, (const void *)va, sizeof(word));
	if (!error)
		error = copy_to_user((void *)va, &word, sizeof(word));
	context_switch_kernel();
	self->process = was;
	return error;
}

/* Until no process has this pid (one nobody waits for goes by itself). */
static bool gone(int pid)
{
	for (int i = 0; i < 1000 && process_find(pid); i++)
		ksleep_ms(1);
	return process_find(pid) == NULL;
}

/*
 * After fork, both tables hold every private page at the same address on
 * the same frame, read-only, with two references; nothing was copied. A
 * write from one side copies that page only (one copy, the same bytes,
 * each frame with one reference, the writer's page writable); the PMM and heap are back to
 * where they were once both are gone, in either order.
 */
KTEST(process, fork_shares_pages_read_only)
{
	static const char *const argv[] = { "spin", "100000", "1" };
	struct page_fault_stats faults_before, faults_after;
	struct memory_state before;
	for (int order = 0; order < 2; order++) {
		struct process *parent, *child;
		unsigned pages = 0;
		int status, child_pid;

		memory_now(&before);
		KT_ASSERT_EQ(0, process_spawn_output("spin", 3, argv, NULL, false, process_output,
						     NULL, &parent));
		for (int i = 0; i < 500 && parent->resident < 4; i++)
			ksleep_ms(1); /* (it may run on another core) */
		page_fault_get_stats(&faults_before);
		KT_ASSERT_EQ(0, fork_of(parent, &child));
		page_fault_get_stats(&faults_after);
		KT_ASSERT_EQ(faults_before.cow_copies, faults_after.cow_copies);
		KT_ASSERT_EQ(parent->resident, child->resident);
		for (vaddr_t va = 0; va < USER_SPACE_END; va += PAGE_SIZE) {
			struct mmu_mapping a, b;
			int in_parent = mmu_query(&parent->aspace, va, &a) == 0;
			int in_child = mmu_query(&child->aspace, va, &b) == 0;

			if ((va & (SECTION_SIZE - 1)) == 0 && !in_parent && !in_child &&
			    (parent->aspace.l1[va >> SECTION_SHIFT] & L1_TYPE_MASK) ==
				    L1_TYPE_FAULT) {
				va += SECTION_SIZE - PAGE_SIZE;
				continue;
			}
			KT_ASSERT_EQ(in_parent, in_child);
			if (!in_parent)
				continue;
			pages++;
			KT_ASSERT_EQ(a.phys, b.phys);
			KT_ASSERT(!(a.perm & MEM_WRITE));
			KT_ASSERT(!(b.perm & MEM_WRITE));
			KT_ASSERT_EQ(2, pmm_frame_refs(&kernel_pmm, a.phys));
		}
		KT_ASSERT_EQ(parent->resident, pages);
		KT_ASSERT(pages >= 3);
		KT_ASSERT_EQ(0, write_as(child, USER_STACK_TOP - 4));
		page_fault_get_stats(&faults_after);
		KT_ASSERT_EQ(faults_before.cow_copies + 1, faults_after.cow_copies);
		{
			struct mmu_mapping a, b;

			KT_ASSERT_EQ(0, mmu_query(&parent->aspace, USER_STACK_TOP - PAGE_SIZE, &a));
			KT_ASSERT_EQ(0, mmu_query(&child->aspace, USER_STACK_TOP - PAGE_SIZE, &b));
			KT_ASSERT(a.phys != b.phys);
			KT_ASSERT(b.perm & MEM_WRITE);
			KT_ASSERT(!(a.perm & MEM_WRITE));
			KT_ASSERT_EQ(1, pmm_frame_refs(&kernel_pmm, a.phys));
			KT_ASSERT_EQ(1, pmm_frame_refs(&kernel_pmm, b.phys));
			KT_ASSERT_EQ(0, memcmp((const void *)phys_to_virt(a.phys),
					       (const void *)phys_to_virt(b.phys), PAGE_SIZE));
		}
		child_pid = child->pid;
		if (order == 0) {
			(void)process_kill(parent->pid, SIGNAL_KILL);
			(void)process_wait(parent, &status);
			(void)process_kill(child_pid, SIGNAL_KILL);
		} else {
			(void)process_kill(child_pid, SIGNAL_KILL);
			for (int i = 0; i < 1000 && child->state != PROCESS_ZOMBIE; i++)
				ksleep_ms(1);
			(void)process_kill(parent->pid, SIGNAL_KILL);
			(void)process_wait(parent, &status);
		}
		KT_ASSERT(gone(child_pid));
		KT_ASSERT_MEMORY_AS(before);
	}
}

/* init adopts what a process leaves behind: the orphan sees init as its parent, init reaps it. */
KTEST(process, orphans_go_to_init)
{
	static const char *const argv[] = { "init", "orphan" };
	struct memory_state before;
	char expected[48];
	int status = -1;

	memory_now(&before);
	KT_ASSERT_EQ(0, run("init", 2, argv, &status));
	KT_ASSERT_EQ(0, status);
	snprintf(expected, sizeof(expected), "parent now %d", last_pid);
	if (!strstr(output, expected) || !strstr(output, "(orphan): exit 3"))
		KT_FAIL("the orphan must say '%s' and init reap it with exit 3", expected);
	KT_ASSERT_MEMORY_AS(before);
}

/* systest's TAP: descriptors, pipes, signals, the FPU and TLS; every frame and heap byte back after. */
KTEST(process, files_pipes_signals_fpu_tap)
{
	static const char *const argv[] = { "systest", "bramble" };
	struct memory_state before;
	unsigned results, files = file_count(), pipes = pipe_count();
	uint32_t fpu_before = fpu_first_uses(), handled_before = signal_handled();
	int status = -1;

	memory_now(&before);
	KT_ASSERT_EQ(0, run("systest", 2, argv, &status));
	if (!tap_all_ok(output, &results))
		KT_FAIL("systest's TAP (%u results) is not all ok (above)", results);
	KT_ASSERT_EQ(0, status);
	/* Its FPU points took the unit up (the parent and its forked child each once at least). */
	KT_ASSERT(fpu_first_uses() > fpu_before);
	KT_ASSERT(signal_handled() > handled_before);
	KT_ASSERT_EQ(files, file_count());
	KT_ASSERT_EQ(pipes, pipe_count());
	KT_ASSERT_MEMORY_AS(before);
}

/*
 * Debian's busybox (static glibc, unmodified) runs: an applet by name, and
 * its shell with a pipe between two of its applets. Skipped when the build
 * could not download it.
 */
KTEST(process, busybox_runs)
{
	static const char *const echo[] = { "busybox", "echo", "hello", "from", "busybox" };
	static const char *const pipeline[] = { "sh", "-c", "echo a | cat; exit 5" };
	struct initramfs_file file;
	struct memory_state before;
	unsigned files = file_count(), pipes = pipe_count();
	int status = -1;

	if (initramfs_find("bin/busybox", &file))
		KT_SKIP("no bin/busybox in the initramfs (the build could not download it)");
	memory_now(&before);
	KT_ASSERT_EQ(0, run("busybox", 5, echo, &status));
	KT_ASSERT_EQ(0, status);
	KT_ASSERT(strstr(output, "# hello from busybox\n") != NULL);
	KT_ASSERT_EQ(0, run("sh", 3, pipeline, &status));
	KT_ASSERT_EQ(5, EXIT_CODE(status));
	KT_ASSERT(strstr(output, "# a\n") != NULL);
	KT_ASSERT_EQ(files, file_count());
	KT_ASSERT_EQ(pipes, pipe_count());
	KT_ASSERT_MEMORY_AS(before);
}

/* init starts bsh (bramble's shell), which forks and execs hello with arguments and init's environment. */
KTEST(process, sh_runs_programs_with_arguments)
{
	static const char *const argv[] = { "init", "bsh", "-c", "hello", "one", "two" };
	static const char *const missing[] = { "bsh", "-c", "no-such-program" };
	struct memory_state before;
	int status = -1;

	memory_now(&before);
	KT_ASSERT_EQ(0, run("init", 6, argv, &status));
	KT_ASSERT_EQ(0, status);
	KT_ASSERT(strstr(output, "argv[2] = two") != NULL);
	KT_ASSERT(strstr(output, "envp[0] = PATH=/bin") != NULL);
	KT_ASSERT(strstr(output, "[hello: exit 0]") != NULL);
	KT_ASSERT_EQ(0, run("bsh", 3, missing, &status));
	KT_ASSERT_EQ(127, EXIT_CODE(status));
	KT_ASSERT(strstr(output, "no-such-program: not found") != NULL);
	KT_ASSERT_MEMORY_AS(before);
}

/* Forks until the process limit says no (-EAGAIN); then every frame and heap byte is back. */
KTEST(process, fork_bomb_stops_at_the_limit)
{
	static const char *const argv[] = { "forkbomb" };
	struct memory_state before;
	unsigned processes = process_count();
	int status = -1;

	memory_now(&before);
	KT_ASSERT_EQ(0, run("forkbomb", 1, argv, &status));
	KT_ASSERT_EQ(0, status);
	KT_ASSERT(strstr(output, "stopped by error 11") != NULL);
	KT_ASSERT_EQ(processes, process_count());
	KT_ASSERT_MEMORY_AS(before);
}

/* AT_RANDOM's source: the board's generator answers, and two reads differ. */
KTEST(process, rng_feeds_at_random)
{
	uint8_t a[16], b[16], zero[16] = { 0 };

	KT_ASSERT_EQ(0, rng_read(a, sizeof(a)));
	KT_ASSERT_EQ(0, rng_read(b, sizeof(b)));
	KT_ASSERT(memcmp(a, b, sizeof(a)) != 0);
	KT_ASSERT(memcmp(a, zero, sizeof(a)) != 0);
}

/*
 * With processes on every core (make SMP_PROCESSES=1): four programs that
 * compute without a break are found on every core that schedules (running
 * there, or, on core 0, where this test runs, waiting for it), and are
 * killed there (an IPI brings each into the kernel); every frame and heap
 * byte back after.
 */
KTEST(process, runs_on_every_core)
{
	static const char *const argv[] = { "spin", "100000", "0" };
	struct process *p[CORE_COUNT];
	struct memory_state before;
	uint32_t seen = 0;
	int status;

	if (SCHED_PROCESS_AFFINITY != SCHED_ANY_CORE)
		KT_SKIP("processes run on core 0 in this kernel (make SMP_PROCESSES=1)");
	memory_now(&before);
	for (unsigned i = 0; i < CORE_COUNT; i++)
		KT_ASSERT_EQ(0, process_spawn_output("spin", 3, argv, NULL, false, process_output,
						     NULL, &p[i]));
	for (int round = 0; round < 200 && seen != sched_cores(); round++) {
		ksleep_ms(1);
		for (unsigned i = 0; i < CORE_COUNT; i++)
			if (p[i]->thread && (p[i]->thread->state == THREAD_RUNNING ||
					     p[i]->thread->state == THREAD_RUNNABLE))
				seen |= 1U << p[i]->thread->core;
	}
	for (unsigned i = 0; i < CORE_COUNT; i++) {
		(void)process_kill(p[i]->pid, SIGNAL_KILL);
		(void)process_wait(p[i], &status);
		KT_ASSERT_EQ(SIGNAL_KILL, EXIT_SIGNAL(status));
	}
	KT_ASSERT_EQ(sched_cores(), seen);
	KT_ASSERT_MEMORY_AS(before);
}
