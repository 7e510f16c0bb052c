/*
 * kernel/syscall.c - the system calls (kernel/syscall.h).
 *
 * One table, by Linux's number. Each call gets the frame's r0-r5 and
 * returns what goes back in r0. A call runs with IRQs on (a long write
 * does not hold the tick off); the frame is the process's, on its kernel
 * stack. Every pointer is a user address and is only ever reached through
 * kernel/uaccess.h. What Linux does is the reference for every result,
 * error values and their order included (qemu-arm on the host runs the
 * same test programs: tests/qemu/user.t).
 */
#include "kernel/syscall.h"

#include <stddef.h>
#include <string.h>

#include "kernel/console.h"
#include "kernel/fpu.h"
#include "kernel/initramfs.h"
#include "kernel/signal.h"
#include "kernel/syscall_calls.h"
#include "kernel/tty.h"
#include "kernel/vfs.h"
#include "drivers/rng.h"
#include "kernel/error.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/thread.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "layout.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/page_fault.h"
#include "mm/pmm.h"
#include "mm/vm_map.h"

/* mmap's arguments (Linux's asm-generic/mman-common.h). */
#define PROT_READ     0x1
#define PROT_WRITE    0x2
#define PROT_EXEC     0x4
#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20

#define CLOCK_REALTIME         0
#define CLOCK_MONOTONIC        1
#define CLOCK_MONOTONIC_RAW    4
#define CLOCK_REALTIME_COARSE  5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME         7

#define NSEC_PER_SEC 1000000000L

typedef int32_t (*syscall_fn)(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			      uint32_t a3);

/*
 * A call's entry in the tables below: its function and how it runs. Most
 * run with IRQs unmasked and under the big lock (thread.h). Two flags say
 * otherwise, for calls that touch nothing the big lock guards:
 *
 *   SYSCALL_UNLOCKED  without the big lock (sched_yield: the scheduler's
 *                     own lock covers it);
 *   SYSCALL_QUICK     without the big lock and with IRQs left masked: a
 *                     few loads of what the process set once (its pid) or
 *                     nothing at all (the ids, always 0), so the call is
 *                     over before an IRQ would have been taken.
 */
#define SYSCALL_UNLOCKED 1U
#define SYSCALL_QUICK    2U

struct syscall_entry {
	syscall_fn fn;
	uint32_t flags;
};

static unsigned long calls;

unsigned long syscall_count(void)
{
	return calls;
}

static struct process *self(void)
{
	return current_thread()->process;
}

static int32_t sys_exit(struct exception_frame *frame, uint32_t code, uint32_t a1, uint32_t a2,
			uint32_t a3)
{
	(void)frame, (void)a1, (void)a2, (void)a3;
	process_exit((int)((code & 0xFF) << 8));
}

static int32_t sys_getpid(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			  uint32_t a3)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	return self()->pid;
}

static int32_t sys_getppid(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			   uint32_t a3)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	return self()->parent ? self()->parent->pid : 0;
}

/* Every process runs as root: there are no users yet. */
static int32_t sys_id_zero(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			   uint32_t a3)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	return 0;
}

static void release_frame(void *context, paddr_t frame)
{
	struct process *p = context;

	pmm_free_frame(&kernel_pmm, frame);
	p->resident--;
}

/* A removed piece of a region: its pages go. */
static void unmap_piece(void *context, vaddr_t start, vaddr_t end, const struct vm_region *was)
{
	struct process *p = context;

	(void)was;
	(void)mmu_user_unmap(&p->aspace, start, end, release_frame, p);
}

static vaddr_t page_up(vaddr_t address)
{
	return (address + PAGE_SIZE - 1) & ~(vaddr_t)(PAGE_SIZE - 1);
}

/*
 * brk: as Linux's, it answers with the break it ends up with; a request it
 * cannot meet leaves the break where it was. The heap is one anonymous
 * region [brk_start, page_up(brk)); it may not meet another region.
 */
static int32_t sys_brk(struct exception_frame *frame, uint32_t wanted, uint32_t a1, uint32_t a2,
		       uint32_t a3)
{
	struct process *p = self();
	vaddr_t old_end = page_up(p->brk), new_end = page_up(wanted);

	(void)frame, (void)a1, (void)a2, (void)a3;
	if (wanted < p->brk_start || wanted >= USER_STACK_TOP)
		return (int32_t)p->brk;
	if (new_end > old_end) {
		struct vm_region heap = { .start = old_end,
					  .end = new_end,
					  .prot = VM_READ | VM_WRITE,
					  .kind = VM_ANON };

		if (vm_insert(&p->map, &heap))
			return (int32_t)p->brk;
	} else if (new_end < old_end) {
		if (vm_remove(&p->map, new_end, old_end, unmap_piece, p))
			return (int32_t)p->brk;
	}
	p->brk = wanted;
	return (int32_t)p->brk;
}

static unsigned vm_prot_of(uint32_t prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/*
 * mmap2 of private anonymous memory: at addr when it is a free hint, else
 * placed top-down below the stack's guard (or at addr with MAP_FIXED,
 * replacing what was there), zero-filled on demand. The stack, its guard
 * and everything above are not mmap's: MAP_FIXED there is -ENOMEM, as
 * Linux answers past its TASK_SIZE. Writable and executable at once is
 * refused (-EACCES): W^X.
 */
static int32_t sys_mmap2(struct exception_frame *frame, uint32_t addr, uint32_t length,
			 uint32_t prot, uint32_t flags)
{
	struct process *p = self();
	int32_t fd = (int32_t)frame->r[4];
	uint32_t size = page_up(length);
	const vaddr_t mmap_top = USER_MMAP_TOP;
	struct vm_region region;
	vaddr_t start;

	if (length == 0 || size == 0 || (prot & ~(uint32_t)(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if ((flags & (MAP_SHARED | MAP_PRIVATE)) != MAP_PRIVATE)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return fd < 0 ? -EBADF : -ENODEV;
	if ((prot & (PROT_WRITE | PROT_EXEC)) == (PROT_WRITE | PROT_EXEC))
		return -EACCES;
	if (flags & MAP_FIXED) {
		if (addr & (PAGE_SIZE - 1) || addr < USER_LOW_LIMIT)
			return -EINVAL;
		/* Past the room mmap has (the stack, its guard, the kernel): as Linux past TASK_SIZE. */
		if (addr + size < addr || addr + size > mmap_top)
			return -ENOMEM;
		if (vm_remove(&p->map, addr, addr + size, unmap_piece, p))
			return -ENOMEM;
		start = addr;
	} else if (addr && !(addr & (PAGE_SIZE - 1)) && addr >= p->mmap_low && addr + size > addr &&
		   addr + size <= mmap_top &&
		   vm_find_free(&p->map, size, addr, addr + size, &start) == 0) {
		/* A hint that is free is taken as it is, as Linux takes it. */
	} else if (vm_find_free(&p->map, size, p->mmap_low, mmap_top, &start)) {
		return -ENOMEM;
	}
	region = (struct vm_region){
		.start = start, .end = start + size, .prot = vm_prot_of(prot), .kind = VM_ANON
	};
	if (vm_insert(&p->map, &region))
		return -ENOMEM;
	return (int32_t)start;
}

static int32_t sys_munmap(struct exception_frame *frame, uint32_t addr, uint32_t length,
			  uint32_t a2, uint32_t a3)
{
	struct process *p = self();
	uint32_t size = page_up(length);

	(void)frame, (void)a2, (void)a3;
	if (addr & (PAGE_SIZE - 1) || length == 0 || size == 0 || addr + size < addr ||
	    addr + size > USER_SPACE_END)
		return -EINVAL;
	return vm_remove(&p->map, addr, addr + size, unmap_piece, p) ? -ENOMEM : 0;
}

struct protect_context {
	struct process *p;
	unsigned perm;
};

static void protect_piece(void *context, vaddr_t start, vaddr_t end, const struct vm_region *was)
{
	struct protect_context *c = context;
	uint32_t changed;

	(void)was;
	(void)mmu_user_protect(&c->p->aspace, start, end, c->perm, &changed);
	if (changed && (c->perm & MEM_EXEC)) {
		/* Pages that may have been written are now code: B2.2.9 for each. */
		for (vaddr_t at = start; at < end; at += PAGE_SIZE) {
			struct mmu_mapping mapping;

			if (mmu_query(&c->p->aspace, at, &mapping) == 0)
				page_sync_icache(phys_to_virt(mapping.phys & ~(PAGE_SIZE - 1)));
		}
	}
}

static int32_t sys_mprotect(struct exception_frame *frame, uint32_t addr, uint32_t length,
			    uint32_t prot, uint32_t a3)
{
	struct process *p = self();
	uint32_t size = page_up(length);
	struct protect_context context = { p, MEM_USER };
	int error;

	(void)frame, (void)a3;
	if (addr & (PAGE_SIZE - 1) || (prot & ~(uint32_t)(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (addr + size < addr || (length && size == 0))
		return -ENOMEM; /* a range that wraps: Linux's answer */
	if ((prot & (PROT_WRITE | PROT_EXEC)) == (PROT_WRITE | PROT_EXEC))
		return -EACCES;
	if (size == 0)
		return 0;
	context.perm |= (prot & PROT_WRITE ? MEM_WRITE : 0) | (prot & PROT_EXEC ? MEM_EXEC : 0);
	error = vm_protect(&p->map, addr, addr + size, vm_prot_of(prot), protect_piece, &context);
	return error == ERR_NOT_FOUND ? -ENOMEM : error ? -EINVAL : 0;
}

static int32_t sys_sched_yield(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			       uint32_t a3)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	thread_yield();
	return 0;
}

struct user_timespec {
	int32_t sec, nsec;
};

/* A sleep until deadline (counter ticks); 0, or -EINTR with what was left in remain (32- or 64-bit). */
static int32_t sleep_until(uint64_t deadline, uint32_t remain, bool time64)
{
	uint64_t now, left_ns;

	if (thread_sleep_until(deadline))
		return 0;
	if (remain) {
		now = timer_count();
		left_ns = now < deadline ? (deadline - now) * 1000000000ULL / timer_frequency() : 0;
		if (time64) {
			int64_t t[2] = { (int64_t)(left_ns / NSEC_PER_SEC),
					 (int64_t)(left_ns % NSEC_PER_SEC) };

			if (copy_to_user((void *)remain, t, sizeof(t)))
				return -EFAULT;
		} else {
			struct user_timespec t = { (int32_t)(left_ns / NSEC_PER_SEC),
						   (int32_t)(left_ns % NSEC_PER_SEC) };

			if (copy_to_user((void *)remain, &t, sizeof(t)))
				return -EFAULT;
		}
	}
	return -EINTR;
}

#define TIMER_ABSTIME 1

/*
 * clock_nanosleep(clock, flags, request, remain), with 32-bit or (the
 * _time64 call) 64-bit seconds: relative, or until the clock reads the
 * request (TIMER_ABSTIME, whose remain Linux leaves alone). Every clock
 * counts from boot (below), so all are the counter.
 */
static int32_t clock_sleep(uint32_t clock, uint32_t flags, uint32_t request, uint32_t remain,
			   bool time64)
{
	int64_t sec, nsec;
	uint64_t ns, now_ns = clock_ns();

	if (clock > 7 || clock == 2 || clock == 3)
		return -EINVAL;
	if (time64) {
		int64_t t[2];

		if (copy_from_user(t, (const void *)request, sizeof(t)))
			return -EFAULT;
		sec = t[0], nsec = t[1];
	} else {
		struct user_timespec t;

		if (copy_from_user(&t, (const void *)request, sizeof(t)))
			return -EFAULT;
		sec = t.sec, nsec = t.nsec;
	}
	if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC)
		return -EINVAL;
	ns = (uint64_t)sec * NSEC_PER_SEC + (uint64_t)nsec;
	if (flags & TIMER_ABSTIME) {
		if (ns <= now_ns)
			return 0;
		return sleep_until(timer_count_after_us((ns - now_ns + 999) / 1000), 0, time64);
	}
	return sleep_until(timer_count_after_us((ns + 999) / 1000), remain, time64);
}

static int32_t sys_clock_nanosleep(struct exception_frame *frame, uint32_t clock, uint32_t flags,
				   uint32_t request, uint32_t remain)
{
	(void)frame;
	return clock_sleep(clock, flags, request, remain, false);
}

static int32_t sys_clock_nanosleep_time64(struct exception_frame *frame, uint32_t clock,
					  uint32_t flags, uint32_t request, uint32_t remain)
{
	(void)frame;
	return clock_sleep(clock, flags, request, remain, true);
}

/* set_robust_list(head, length): kept; with one thread a process, nothing to walk at its end. */
static int32_t sys_set_robust_list(struct exception_frame *frame, uint32_t head, uint32_t length,
				   uint32_t a2, uint32_t a3)
{
	(void)frame, (void)a2, (void)a3;
	if (length != 12) /* sizeof(struct robust_list_head) on 32-bit ARM */
		return -EINVAL;
	self()->robust_list = head;
	return 0;
}

static int32_t sys_nanosleep(struct exception_frame *frame, uint32_t request, uint32_t remain,
			     uint32_t a2, uint32_t a3)
{
	struct user_timespec t;

	(void)frame, (void)a2, (void)a3;
	if (copy_from_user(&t, (const void *)request, sizeof(t)))
		return -EFAULT;
	if (t.sec < 0 || t.nsec < 0 || t.nsec >= NSEC_PER_SEC)
		return -EINVAL;
	return sleep_until(
		timer_count_after_us((uint64_t)t.sec * 1000000 + ((uint64_t)t.nsec + 999) / 1000),
		remain, false);
}

/*
 * The clocks: all count from boot (there is no real-time clock yet, so
 * CLOCK_REALTIME starts at 1970-01-01 00:00 at boot, as on a board without
 * an RTC that nobody has set).
 */
static int32_t sys_clock_gettime(struct exception_frame *frame, uint32_t clock, uint32_t where,
				 uint32_t a2, uint32_t a3)
{
	uint64_t ns = clock_ns();
	struct user_timespec t = { (int32_t)(ns / NSEC_PER_SEC), (int32_t)(ns % NSEC_PER_SEC) };

	(void)frame, (void)a2, (void)a3;
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user((void *)where, &t, sizeof(t)) ? -EFAULT : 0;
}

static int32_t sys_bramble_wait(struct exception_frame *frame, uint32_t pid, uint32_t where,
				uint32_t a2, uint32_t a3)
{
	struct process *child = process_find((int)pid);
	int status;

	(void)frame, (void)a2, (void)a3;
	if (!user_range_ok(where, where ? 4 : 0))
		return -EFAULT;
	if (!child || child->parent != self())
		return -ECHILD;
	if (process_wait(child, &status))
		return -ECHILD;
	if (where && copy_to_user((void *)where, &status, sizeof(status)))
		return -EFAULT;
	return (int32_t)pid;
}

/* Linux's errors: -EAGAIN at the process limit, -ENOMEM out of memory. */
static int32_t fork_result(int error, const struct process *child)
{
	if (error)
		return process_count() >= PROCESS_MAX ? -EAGAIN : -ENOMEM;
	return child->pid;
}

static int32_t sys_fork(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			uint32_t a3)
{
	struct process *child;

	(void)a0, (void)a1, (void)a2, (void)a3;
	return fork_result(process_fork(frame, &child), child);
}

#define SIGCHLD 17

/*
 * clone, as fork only: the flags a C library's fork passes (SIGCHLD, and
 * the thread-id bookkeeping: CLONE_CHILD_SETTID writes the child's pid at
 * child_tid in the child, CLONE_CHILD_CLEARTID zeroes it there when the
 * child ends; CLONE_PARENT_SETTID writes it at parent_tid in the parent).
 * Threads (CLONE_VM and friends) are not there yet: -EINVAL.
 * clone(flags, stack, parent_tid, tls, child_tid in r4).
 */
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000
static int32_t sys_clone(struct exception_frame *frame, uint32_t flags, uint32_t stack,
			 uint32_t parent_tid, uint32_t tls)
{
	const uint32_t tid_flags = CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID;
	struct process *child;
	int32_t pid;

	(void)tls;
	if ((flags & ~tid_flags) != SIGCHLD || stack)
		return -EINVAL;
	pid = fork_result(process_fork(frame, &child), child);
	if (pid < 0)
		return pid;
	if (flags & CLONE_CHILD_SETTID)
		child->set_child_tid = frame->r[4];
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = frame->r[4];
	if ((flags & CLONE_PARENT_SETTID) && copy_to_user((void *)parent_tid, &pid, 4))
		return pid; /* (Linux, too, has the child by then) */
	return pid;
}

/* vfork: a fork whose parent waits until the child has called execve or ended. */
static int32_t sys_vfork(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			 uint32_t a3)
{
	struct process *child;
	int error;

	(void)a0, (void)a1, (void)a2, (void)a3;
	error = process_fork(frame, &child);
	if (error)
		return fork_result(error, child);
	process_vfork_wait(child);
	return child->pid ? child->pid : -ECHILD;
}

/* A NULL-ended user array of strings into strings[] and pointers[]: the count, or -errno. */
static int copy_strings(uint32_t array, const char **pointers, char *strings, size_t *used)
{
	int n = 0;

	if (!array)
		return 0;
	for (;; n++) {
		uint32_t pointer;
		int length;

		if (copy_from_user(&pointer, (const void *)(array + n * 4), 4))
			return -EFAULT;
		if (!pointer)
			return n;
		if (n == PROCESS_ARGS_MAX)
			return -E2BIG;
		length = copy_string_from_user(strings + *used, (const char *)pointer,
					       PROCESS_ARG_BYTES - *used);
		if (length < 0)
			return length == ERR_RANGE ? -EFAULT : -E2BIG;
		pointers[n] = strings + *used;
		*used += (size_t)length + 1;
	}
}

/* What a refused start of a program (process_spawn, process_exec) is in Linux's errors. */
static int32_t start_errno(int error)
{
	switch (error) {
	case 0:
		return 0;
	case ERR_NOT_FOUND:
		return -ENOENT;
	case ERR_INVALID:
		return -ENOEXEC;
	case ERR_RANGE:
		return -E2BIG;
	default:
		return -ENOMEM;
	}
}

struct exec_arguments {
	char path[PROCESS_NAME_MAX + 8];
	char strings[PROCESS_ARG_BYTES];
	const char *argv[PROCESS_ARGS_MAX], *envp[PROCESS_ARGS_MAX];
};

/*
 * execve: the arguments are copied in first (a bad pointer is -EFAULT,
 * and too many is -E2BIG, before anything else); then the new program is
 * built, and only when it is whole does the old one go. On success there
 * is no return: the frame is the new program's start.
 */
static int32_t sys_execve(struct exception_frame *frame, uint32_t path, uint32_t argv,
			  uint32_t envp, uint32_t a3)
{
	struct exec_arguments *a = kmalloc(sizeof(*a));
	size_t used = 0;
	int argc, envc, n, error;

	(void)a3;
	if (!a)
		return -ENOMEM;
	n = copy_string_from_user(a->path, (const char *)path, sizeof(a->path));
	argc = copy_strings(argv, a->argv, a->strings, &used);
	envc = argc < 0 ? 0 : copy_strings(envp, a->envp, a->strings, &used);
	if (n < 0)
		error = n == ERR_RANGE ? -EFAULT : -ENAMETOOLONG;
	else if (argc < 0 || envc < 0)
		error = argc < 0 ? argc : envc;
	else if (argc == 0)
		error = -EINVAL; /* (Linux allows it; a program without argv[0] breaks most C libraries) */
	else {
		char program[RAMFS_PATH_MAX + 2];

		error = vfs_resolve_program(self(), a->path, program, sizeof(program));
		if (!error)
			error = start_errno(
				process_exec(frame, program, argc, a->argv, envc, a->envp));
		if (!error)
			process_set_comm(
				self(),
				a->path); /* (the name it was run by: "sh", not "busybox") */
	}
	kfree(a);
	return error ? error : (int32_t)frame->r[0];
}

/* bramble's own: start a program from the archive; its argv is a NULL-ended user array. */
static int32_t sys_bramble_spawn(struct exception_frame *frame, uint32_t path, uint32_t argv,
				 uint32_t a2, uint32_t a3)
{
	struct exec_arguments *a = kmalloc(sizeof(*a));
	struct process *child;
	size_t used = 0;
	int argc, n, error;

	(void)frame, (void)a2, (void)a3;
	if (!a)
		return -ENOMEM;
	n = copy_string_from_user(a->path, (const char *)path, sizeof(a->path));
	argc = n < 0 ? 0 : copy_strings(argv, a->argv, a->strings, &used);
	if (n < 0)
		error = n == ERR_RANGE ? -EFAULT : -ENOENT;
	else if (argc < 0)
		error = argc;
	else {
		if (argc == 0)
			a->argv[argc++] = a->path;
		error = process_spawn(a->path, argc, a->argv, self(), false, &child);
		error = error ? start_errno(error) : child->pid;
	}
	kfree(a);
	return error;
}

#define WNOHANG    1
#define WUNTRACED  2
#define WCONTINUED 8
#define __WALL     0x40000000
#define __WCLONE   0x80000000

/* struct rusage on 32-bit ARM: two timevals and fourteen longs. */
#define RUSAGE_BYTES 72

/* wait4(pid, status, options, rusage): pid > 0 that child, -1 any, 0 the caller's group, < -1 group -pid. */
static int32_t sys_wait4(struct exception_frame *frame, uint32_t pid, uint32_t where,
			 uint32_t options, uint32_t usage)
{
	static const uint8_t zeros[RUSAGE_BYTES];
	int status = 0, r;

	(void)frame;
	if (options & ~(uint32_t)(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE))
		return -EINVAL;
	/* A bad status is found only after the child is reaped, as in Linux: it is gone then. */
	r = process_wait_child((int32_t)pid, options & WNOHANG, options & WUNTRACED,
			       options & WCONTINUED, &status);
	if (r == ERR_NOT_FOUND)
		return -ECHILD;
	if (r == ERR_INTERRUPTED)
		return -ERESTARTSYS;
	if (r > 0 && where && copy_to_user((void *)where, &status, sizeof(status)))
		return -EFAULT;
	if (r > 0 && usage && copy_to_user((void *)usage, zeros, sizeof(zeros)))
		return -EFAULT;
	return r;
}

/* kill(pid, sig): pid > 0 that process, 0 the caller's group, -1 every process but init and the caller, < -1 group -pid. */
static int32_t sys_kill(struct exception_frame *frame, uint32_t pid, uint32_t sig, uint32_t a2,
			uint32_t a3)
{
	int32_t target = (int32_t)pid;
	unsigned sent = 0;

	(void)frame, (void)a2, (void)a3;
	if (sig > NSIG)
		return -EINVAL;
	if (target > 0) {
		struct process *p = process_find(target);

		if (!p || p->state != PROCESS_RUNNING)
			return -ESRCH;
		if (sig)
			signal_send(p, (int)sig);
		return 0;
	}
	if (target == -1) {
		for (struct process *p = process_first(); p; p = p->next) {
			if (p == self() || p->pid == 1 || p->state != PROCESS_RUNNING)
				continue;
			if (sig)
				signal_send(p, (int)sig);
			sent++;
		}
		return sent ? 0 : -ESRCH;
	}
	target = target == 0 ? self()->pgid : -target;
	for (struct process *p = process_first(); p; p = p->next)
		if (p->pgid == target && p->state == PROCESS_RUNNING)
			sent++;
	if (!sent)
		return -ESRCH;
	if (sig)
		(void)signal_send_group(target, (int)sig, false);
	return 0;
}

/* tkill(tid, sig), tgkill(tgid, tid, sig): one thread a process, so the process. */
static int32_t sys_tkill(struct exception_frame *frame, uint32_t tid, uint32_t sig, uint32_t a2,
			 uint32_t a3)
{
	(void)a2, (void)a3;
	if ((int32_t)tid <= 0)
		return -EINVAL;
	return sys_kill(frame, tid, sig, 0, 0);
}

static int32_t sys_tgkill(struct exception_frame *frame, uint32_t tgid, uint32_t tid, uint32_t sig,
			  uint32_t a3)
{
	(void)a3;
	if ((int32_t)tid <= 0 || (int32_t)tgid <= 0)
		return -EINVAL;
	if (tgid != tid)
		return -ESRCH;
	return sys_kill(frame, tid, sig, 0, 0);
}

static int32_t sys_rt_sigaction(struct exception_frame *frame, uint32_t sig, uint32_t act,
				uint32_t old, uint32_t size)
{
	(void)frame;
	return signal_sys_rt_sigaction(sig, act, old, size);
}

static int32_t sys_rt_sigprocmask(struct exception_frame *frame, uint32_t how, uint32_t set,
				  uint32_t old, uint32_t size)
{
	(void)frame;
	return signal_sys_rt_sigprocmask(how, set, old, size);
}

static int32_t sys_rt_sigpending(struct exception_frame *frame, uint32_t set, uint32_t size,
				 uint32_t a2, uint32_t a3)
{
	(void)frame, (void)a2, (void)a3;
	return signal_sys_rt_sigpending(set, size);
}

static int32_t sys_rt_sigsuspend(struct exception_frame *frame, uint32_t set, uint32_t size,
				 uint32_t a2, uint32_t a3)
{
	(void)frame, (void)a2, (void)a3;
	return signal_sys_rt_sigsuspend(set, size);
}

static int32_t sys_rt_sigreturn(struct exception_frame *frame, uint32_t a0, uint32_t a1,
				uint32_t a2, uint32_t a3)
{
	(void)a0, (void)a1, (void)a2, (void)a3;
	return signal_sys_rt_sigreturn(frame);
}

static int32_t sys_sigreturn(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			     uint32_t a3)
{
	(void)a0, (void)a1, (void)a2, (void)a3;
	return signal_sys_sigreturn(frame);
}

/* setpgid(pid, pgid): the caller or a child of it, into a group of its session (or a new one). */
static int32_t sys_setpgid(struct exception_frame *frame, uint32_t pid, uint32_t pgid, uint32_t a2,
			   uint32_t a3)
{
	struct process *p = (int32_t)pid == 0 ? self() : process_find((int32_t)pid);
	int32_t group = (int32_t)pgid == 0 ? (p ? p->pid : 0) : (int32_t)pgid;

	(void)frame, (void)a2, (void)a3;
	if ((int32_t)pgid < 0)
		return -EINVAL;
	if (!p || (p != self() && p->parent != self()))
		return -ESRCH;
	if (p->pid == p->sid)
		return -EPERM; /* a session leader stays in its group */
	if (p->sid != self()->sid)
		return -EPERM;
	if (group != p->pid) {
		bool found = false;

		for (struct process *q = process_first(); q; q = q->next)
			if (q->pgid == group && q->sid == p->sid && q->state == PROCESS_RUNNING)
				found = true;
		if (!found)
			return -EPERM;
	}
	p->pgid = group;
	return 0;
}

static int32_t sys_getpgid(struct exception_frame *frame, uint32_t pid, uint32_t a1, uint32_t a2,
			   uint32_t a3)
{
	struct process *p = (int32_t)pid == 0 ? self() : process_find((int32_t)pid);

	(void)frame, (void)a1, (void)a2, (void)a3;
	return p ? p->pgid : -ESRCH;
}

static int32_t sys_getpgrp(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			   uint32_t a3)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	return self()->pgid;
}

static int32_t sys_getsid(struct exception_frame *frame, uint32_t pid, uint32_t a1, uint32_t a2,
			  uint32_t a3)
{
	struct process *p = (int32_t)pid == 0 ? self() : process_find((int32_t)pid);

	(void)frame, (void)a1, (void)a2, (void)a3;
	return p ? p->sid : -ESRCH;
}

static int32_t sys_setsid(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			  uint32_t a3)
{
	struct process *p = self();

	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	for (struct process *q = process_first(); q; q = q->next)
		if (q->pgid == p->pid && q->state == PROCESS_RUNNING)
			return -EPERM; /* already a group leader */
	p->sid = p->pgid = p->pid;
	return p->sid;
}

static int32_t sys_gettid(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			  uint32_t a3)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	return self()->pid;
}

static int32_t sys_set_tid_address(struct exception_frame *frame, uint32_t where, uint32_t a1,
				   uint32_t a2, uint32_t a3)
{
	(void)frame, (void)a1, (void)a2, (void)a3;
	self()->clear_child_tid = where;
	return self()->pid;
}

/* struct new_utsname: six fields of 65 bytes. */
#define UTS_FIELD 65
static int32_t sys_uname(struct exception_frame *frame, uint32_t where, uint32_t a1, uint32_t a2,
			 uint32_t a3)
{
	static const char *const fields[6] = { "bramble", "bramble", "0.15",
					       "#1",      "armv7l",  "(none)" };
	char uts[6][UTS_FIELD];

	(void)frame, (void)a1, (void)a2, (void)a3;
	memset(uts, 0, sizeof(uts));
	for (int i = 0; i < 6; i++)
		strncpy(uts[i], fields[i], UTS_FIELD - 1);
	return copy_to_user((void *)where, uts, sizeof(uts)) ? -EFAULT : 0;
}

/*
 * The limits: what this kernel enforces (descriptors: FD_MAX; the stack:
 * USER_STACK_LIMIT), and no limit for the rest.
 */
#define RLIMIT_STACK   3
#define RLIMIT_NOFILE  7
#define RLIMIT_NLIMITS 16
#define RLIM_INFINITY  0xFFFFFFFFU

static void limit_of(uint32_t resource, uint64_t *soft, uint64_t *hard)
{
	*soft = *hard = ~0ULL;
	if (resource == RLIMIT_STACK)
		*soft = *hard = USER_STACK_LIMIT;
	else if (resource == RLIMIT_NOFILE)
		*soft = *hard = FD_MAX;
}

static int32_t sys_ugetrlimit(struct exception_frame *frame, uint32_t resource, uint32_t where,
			      uint32_t a2, uint32_t a3)
{
	uint64_t soft, hard;
	uint32_t limit[2];

	(void)frame, (void)a2, (void)a3;
	if (resource >= RLIMIT_NLIMITS)
		return -EINVAL;
	limit_of(resource, &soft, &hard);
	limit[0] = soft > RLIM_INFINITY ? RLIM_INFINITY : (uint32_t)soft;
	limit[1] = hard > RLIM_INFINITY ? RLIM_INFINITY : (uint32_t)hard;
	return copy_to_user((void *)where, limit, sizeof(limit)) ? -EFAULT : 0;
}

/* prlimit64(pid, resource, new, old): reading works; a new limit is refused (-EPERM) unless it changes nothing. */
static int32_t sys_prlimit64(struct exception_frame *frame, uint32_t pid, uint32_t resource,
			     uint32_t new_limit, uint32_t old_limit)
{
	uint64_t limit[2], wanted[2];

	(void)frame;
	if (pid && (int32_t)pid != self()->pid)
		return process_find((int32_t)pid) ? -EPERM : -ESRCH;
	if (resource >= RLIMIT_NLIMITS)
		return -EINVAL;
	limit_of(resource, &limit[0], &limit[1]);
	if (new_limit) {
		if (copy_from_user(wanted, (const void *)new_limit, sizeof(wanted)))
			return -EFAULT;
		if (wanted[0] > wanted[1])
			return -EINVAL;
		if (wanted[0] != limit[0] || wanted[1] != limit[1])
			return -EPERM;
	}
	if (old_limit && copy_to_user((void *)old_limit, limit, sizeof(limit)))
		return -EFAULT;
	return 0;
}

/* getrandom(buffer, length, flags): the hardware generator (drivers/rng.h). */
#define GRND_NONBLOCK 1
#define GRND_RANDOM   2
#define GRND_INSECURE 4
static int32_t sys_getrandom(struct exception_frame *frame, uint32_t buffer, uint32_t length,
			     uint32_t flags, uint32_t a3)
{
	uint8_t chunk[64];
	uint32_t done = 0;

	(void)frame, (void)a3;
	if (flags & ~(uint32_t)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if (!user_range_ok(buffer, length))
		return -EFAULT;
	while (done < length) {
		uint32_t n = length - done < sizeof(chunk) ? length - done : sizeof(chunk);

		if (rng_read(chunk, n))
			return done ? (int32_t)done : -EAGAIN;
		if (copy_to_user((void *)(buffer + done), chunk, n))
			return done ? (int32_t)done : -EFAULT;
		done += n;
	}
	return (int32_t)done;
}

/*
 * prctl: the calls that change nothing another process could see: the
 * name (PR_SET_NAME, PR_GET_NAME) and the few a C library asks about at
 * start; anything else is -EINVAL, as Linux answers an option it lacks.
 */
#define PR_SET_PDEATHSIG 1
#define PR_GET_DUMPABLE  3
#define PR_SET_NAME      15
#define PR_GET_NAME      16
static int32_t sys_prctl(struct exception_frame *frame, uint32_t option, uint32_t a1, uint32_t a2,
			 uint32_t a3)
{
	struct process *p = self();
	char name[16];

	(void)frame, (void)a2, (void)a3;
	switch (option) {
	case PR_SET_NAME:
		if (copy_string_from_user(name, (const char *)a1, sizeof(name)) == ERR_RANGE)
			return -EFAULT;
		name[sizeof(name) - 1] = '\0';
		memcpy(p->thread->name, name, sizeof(p->thread->name));
		p->thread->name[sizeof(p->thread->name) - 1] = '\0';
		return 0;
	case PR_GET_NAME:
		memset(name, 0, sizeof(name));
		strncpy(name, p->thread->name, sizeof(name) - 1);
		return copy_to_user((void *)a1, name, sizeof(name)) ? -EFAULT : 0;
	case PR_GET_DUMPABLE:
		return 1;
	case PR_SET_PDEATHSIG:
		return a1 <= NSIG ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

/* umask: kept, though nothing here creates a file. */
static int32_t sys_umask(struct exception_frame *frame, uint32_t mask, uint32_t a1, uint32_t a2,
			 uint32_t a3)
{
	struct process *p = self();
	uint32_t old = p->umask;

	(void)frame, (void)a1, (void)a2, (void)a3;
	p->umask = mask & 0777;
	return (int32_t)old;
}

static int32_t sys_getgroups(struct exception_frame *frame, uint32_t size, uint32_t list,
			     uint32_t a2, uint32_t a3)
{
	(void)frame, (void)size, (void)list, (void)a2, (void)a3;
	return 0; /* root, in no supplementary group */
}

/* getresuid32 and getresgid32: three zeros. */
static int32_t sys_getres(struct exception_frame *frame, uint32_t r, uint32_t e, uint32_t s_,
			  uint32_t a3)
{
	const uint32_t zero = 0;

	(void)frame, (void)a3;
	if (copy_to_user((void *)r, &zero, 4) || copy_to_user((void *)e, &zero, 4) ||
	    copy_to_user((void *)s_, &zero, 4))
		return -EFAULT;
	return 0;
}

/* setuid32 and friends: root may become root. */
static int32_t sys_set_id(struct exception_frame *frame, uint32_t id, uint32_t a1, uint32_t a2,
			  uint32_t a3)
{
	(void)frame, (void)a1, (void)a2, (void)a3;
	return id == 0 || id == 0xFFFFFFFFU ? 0 : -EPERM;
}

/* gettimeofday(tv, tz): the realtime clock, which starts at 0 at boot. */
static int32_t sys_gettimeofday(struct exception_frame *frame, uint32_t tv, uint32_t tz,
				uint32_t a2, uint32_t a3)
{
	uint64_t ns = clock_ns();
	int32_t t[2] = { (int32_t)(ns / NSEC_PER_SEC), (int32_t)(ns % NSEC_PER_SEC / 1000) };
	const int32_t zone[2] = { 0, 0 };

	(void)frame, (void)a2, (void)a3;
	if (tv && copy_to_user((void *)tv, t, sizeof(t)))
		return -EFAULT;
	if (tz && copy_to_user((void *)tz, zone, sizeof(zone)))
		return -EFAULT;
	return 0;
}

/* clock_gettime64(clock, struct __kernel_timespec *): 64-bit seconds. */
static int32_t sys_clock_gettime64(struct exception_frame *frame, uint32_t clock, uint32_t where,
				   uint32_t a2, uint32_t a3)
{
	uint64_t ns = clock_ns();
	int64_t t[2] = { (int64_t)(ns / NSEC_PER_SEC), (int64_t)(ns % NSEC_PER_SEC) };

	(void)frame, (void)a2, (void)a3;
	if (clock > CLOCK_BOOTTIME || clock == 2 || clock == 3)
		return -EINVAL;
	return copy_to_user((void *)where, t, sizeof(t)) ? -EFAULT : 0;
}

/* times(buf): the clock in ticks (100 Hz) since boot; the process times as zero. */
static int32_t sys_times(struct exception_frame *frame, uint32_t where, uint32_t a1, uint32_t a2,
			 uint32_t a3)
{
	const uint32_t zeros[4] = { 0, 0, 0, 0 };

	(void)frame, (void)a1, (void)a2, (void)a3;
	if (where && copy_to_user((void *)where, zeros, sizeof(zeros)))
		return -EFAULT;
	return (int32_t)(clock_ns() / 10000000);
}

static int32_t sys_getrusage(struct exception_frame *frame, uint32_t who, uint32_t where,
			     uint32_t a2, uint32_t a3)
{
	static const uint8_t zeros[RUSAGE_BYTES];

	(void)frame, (void)a2, (void)a3;
	if ((int32_t)who < -1 || who > 1)
		return -EINVAL;
	return copy_to_user((void *)where, zeros, sizeof(zeros)) ? -EFAULT : 0;
}

/* sched_getaffinity(pid, size, mask): one core runs processes. */
static int32_t sys_sched_getaffinity(struct exception_frame *frame, uint32_t pid, uint32_t size,
				     uint32_t where, uint32_t a3)
{
	uint32_t mask = 1;

	(void)frame, (void)pid, (void)a3;
	if (size < 4 || (size & 3))
		return -EINVAL;
	if (!user_range_ok(where, size))
		return -EFAULT;
	for (uint32_t at = 0; at < size; at += 4) {
		if (copy_to_user((void *)(where + at), &mask, 4))
			return -EFAULT;
		mask = 0;
	}
	return 4;
}

/* struct sysinfo on 32-bit ARM: uptime, loads, memory in mem_unit units, procs; 64 bytes. */
struct user_sysinfo {
	int32_t uptime;
	uint32_t loads[3];
	uint32_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t totalhigh, freehigh, mem_unit;
	char reserved[8];
};
_Static_assert(sizeof(struct user_sysinfo) == 64, "sysinfo");

/* sysinfo: the clock, the PMM's frames, the processes; no load average is kept (zeros). */
static int32_t sys_sysinfo(struct exception_frame *frame, uint32_t where, uint32_t a1, uint32_t a2,
			   uint32_t a3)
{
	struct user_sysinfo info;

	(void)frame, (void)a1, (void)a2, (void)a3;
	memset(&info, 0, sizeof(info));
	info.uptime = (int32_t)(clock_ns() / NSEC_PER_SEC);
	info.totalram = kernel_pmm.ram_frames;
	info.freeram = pmm_free_count(&kernel_pmm); /* (O(F): a table of 240 KiB for 960 MiB) */
	info.procs = (uint16_t)process_count();
	info.mem_unit = PAGE_SIZE;
	return copy_to_user((void *)where, &info, sizeof(info)) ? -EFAULT : 0;
}

/* madvise: advice only; taken and not acted on. */
static int32_t sys_madvise(struct exception_frame *frame, uint32_t addr, uint32_t length,
			   uint32_t advice, uint32_t a3)
{
	(void)frame, (void)length, (void)advice, (void)a3;
	return addr & (PAGE_SIZE - 1) ? -EINVAL : 0;
}

/* The ARM-private calls (Linux's __ARM_NR_BASE 0x0F0000 + n). */
#define ARM_NR_BASE       0x000F0000
#define ARM_NR_CACHEFLUSH (ARM_NR_BASE + 2)
#define ARM_NR_SET_TLS    (ARM_NR_BASE + 5)
#define ARM_NR_GET_TLS    (ARM_NR_BASE + 6)

/* set_tls(value): the thread pointer the C library reads from TPIDRURO. */
static int32_t sys_set_tls(struct exception_frame *frame, uint32_t value, uint32_t a1, uint32_t a2,
			   uint32_t a3)
{
	(void)frame, (void)a1, (void)a2, (void)a3;
	fpu_set_tls(value);
	return 0;
}

static int32_t sys_get_tls(struct exception_frame *frame, uint32_t a0, uint32_t a1, uint32_t a2,
			   uint32_t a3)
{
	(void)frame, (void)a0, (void)a1, (void)a2, (void)a3;
	return (int32_t)current_thread()->tls;
}

/* cacheflush(start, end, flags): code written into [start, end) made visible to fetches (B2.2.9). */
static int32_t sys_cacheflush(struct exception_frame *frame, uint32_t start, uint32_t end,
			      uint32_t flags, uint32_t a3)
{
	struct process *p = self();

	(void)frame, (void)a3;
	if (flags || end < start)
		return -EINVAL;
	for (vaddr_t at = start & ~(PAGE_SIZE - 1); at < end; at += PAGE_SIZE) {
		struct mmu_mapping mapping;

		if (mmu_query(&p->aspace, at, &mapping) == 0)
			page_sync_icache(phys_to_virt(mapping.phys & ~(PAGE_SIZE - 1)));
	}
	return 0;
}

#define SYS_SIGRETURN    119
#define SYS_RT_SIGRETURN 173

/* Linux's numbers (arch/arm/tools/syscall.tbl) for what is here. */
static const struct syscall_entry table[] = {
	[1] = { sys_exit },
	[2] = { sys_fork },
	[3] = { sys_read },
	[4] = { sys_write },
	[5] = { sys_open },
	[6] = { sys_close },
	[8] = { sys_read_only_fs },  /* creat */
	[9] = { sys_read_only_fs },  /* link */
	[10] = { sys_read_only_fs }, /* unlink */
	[11] = { sys_execve },
	[12] = { sys_chdir },
	[15] = { sys_read_only_fs }, /* chmod */
	[19] = { sys_lseek },
	[20] = { sys_getpid, SYSCALL_QUICK },
	[24] = { sys_id_zero, SYSCALL_QUICK }, /* getuid */
	[33] = { sys_access },
	[37] = { sys_kill },
	[38] = { sys_read_only_fs }, /* rename */
	[39] = { sys_read_only_fs }, /* mkdir */
	[40] = { sys_read_only_fs }, /* rmdir */
	[41] = { sys_dup },
	[42] = { sys_pipe },
	[43] = { sys_times },
	[45] = { sys_brk },
	[47] = { sys_id_zero, SYSCALL_QUICK }, /* getgid */
	[49] = { sys_id_zero, SYSCALL_QUICK }, /* geteuid */
	[50] = { sys_id_zero, SYSCALL_QUICK }, /* getegid */
	[54] = { sys_ioctl },
	[57] = { sys_setpgid },
	[60] = { sys_umask },
	[63] = { sys_dup2 },
	[64] = { sys_getppid },
	[65] = { sys_getpgrp },
	[66] = { sys_setsid },
	[77] = { sys_getrusage },
	[78] = { sys_gettimeofday },
	[83] = { sys_read_only_fs }, /* symlink */
	[85] = { sys_readlink },
	[91] = { sys_munmap },
	[94] = { sys_read_only_fs }, /* fchmod */
	[114] = { sys_wait4 },
	[116] = { sys_sysinfo },
	[119] = { sys_sigreturn },
	[120] = { sys_clone },
	[122] = { sys_uname },
	[125] = { sys_mprotect },
	[132] = { sys_getpgid },
	[133] = { sys_fchdir },
	[140] = { sys_llseek },
	[145] = { sys_readv },
	[146] = { sys_writev },
	[147] = { sys_getsid },
	[158] = { sys_sched_yield, SYSCALL_UNLOCKED },
	[162] = { sys_nanosleep },
	[168] = { sys_poll },
	[172] = { sys_prctl },
	[173] = { sys_rt_sigreturn },
	[174] = { sys_rt_sigaction },
	[175] = { sys_rt_sigprocmask },
	[176] = { sys_rt_sigpending },
	[179] = { sys_rt_sigsuspend },
	[180] = { sys_pread64 },
	[183] = { sys_getcwd },
	[190] = { sys_vfork },
	[191] = { sys_ugetrlimit },
	[192] = { sys_mmap2 },
	[195] = { sys_stat64 },
	[196] = { sys_lstat64 },
	[197] = { sys_fstat64 },
	[199] = { sys_id_zero, SYSCALL_QUICK }, /* getuid32 */
	[200] = { sys_id_zero, SYSCALL_QUICK }, /* getgid32 */
	[201] = { sys_id_zero, SYSCALL_QUICK }, /* geteuid32 */
	[202] = { sys_id_zero, SYSCALL_QUICK }, /* getegid32 */
	[205] = { sys_getgroups },              /* getgroups32 */
	[209] = { sys_getres },                 /* getresuid32 */
	[211] = { sys_getres },                 /* getresgid32 */
	[213] = { sys_set_id },                 /* setuid32 */
	[214] = { sys_set_id },                 /* setgid32 */
	[217] = { sys_getdents64 },
	[220] = { sys_madvise },
	[221] = { sys_fcntl64 },
	[224] = { sys_gettid, SYSCALL_QUICK },
	[238] = { sys_tkill },
	[242] = { sys_sched_getaffinity },
	[248] = { sys_exit }, /* exit_group: one thread a process */
	[256] = { sys_set_tid_address },
	[263] = { sys_clock_gettime },
	[265] = { sys_clock_nanosleep },
	[268] = { sys_tgkill },
	[322] = { sys_openat },
	[323] = { sys_read_only_fs }, /* mkdirat */
	[327] = { sys_fstatat64 },
	[328] = { sys_read_only_fs }, /* unlinkat */
	[332] = { sys_readlinkat },
	[334] = { sys_faccessat },
	[338] = { sys_set_robust_list },
	[358] = { sys_dup3 },
	[359] = { sys_pipe2 },
	[369] = { sys_prlimit64 },
	[384] = { sys_getrandom },
	[397] = { sys_statx },
	[403] = { sys_clock_gettime64 },
	[407] = { sys_clock_nanosleep_time64 },
	[439] = { sys_faccessat }, /* faccessat2: its flags are all no-ops for root */
};

static const struct syscall_entry arm_table[] = {
	[ARM_NR_CACHEFLUSH - ARM_NR_BASE] = { sys_cacheflush },
	[ARM_NR_SET_TLS - ARM_NR_BASE] = { sys_set_tls },
	[ARM_NR_GET_TLS - ARM_NR_BASE] = { sys_get_tls },
};

static const struct syscall_entry bramble_table[] = {
	[SYS_BRAMBLE_SPAWN - BRAMBLE_SYSCALL_BASE] = { sys_bramble_spawn },
	[SYS_BRAMBLE_WAIT - BRAMBLE_SYSCALL_BASE] = { sys_bramble_wait },
};

/* The calls asked for and not here: each number, and how often, for the console's sys. */
#define MISSING_MAX 32
static struct syscall_missing missing[MISSING_MAX];
static unsigned missing_count;

static void count_missing(uint32_t number)
{
	for (unsigned i = 0; i < missing_count; i++) {
		if (missing[i].number == number) {
			missing[i].calls++;
			return;
		}
	}
	if (missing_count < MISSING_MAX)
		missing[missing_count++] = (struct syscall_missing){ number, 1 };
}

unsigned syscall_missing(const struct syscall_missing **out)
{
	*out = missing;
	return missing_count;
}

static inline int32_t call(const struct syscall_entry *entry, struct exception_frame *frame)
{
	return entry->fn(frame, frame->r[0], frame->r[1], frame->r[2], frame->r[3]);
}

static inline void dispatch(struct exception_frame *frame)
{
	uint32_t number = frame->r[7];
	const struct syscall_entry *entry = NULL;

	calls++;
	if (number < sizeof(table) / sizeof(table[0]))
		entry = &table[number];
	else if (number - ARM_NR_BASE < sizeof(arm_table) / sizeof(arm_table[0]))
		entry = &arm_table[number - ARM_NR_BASE];
	else if (number - BRAMBLE_SYSCALL_BASE < sizeof(bramble_table) / sizeof(bramble_table[0]))
		entry = &bramble_table[number - BRAMBLE_SYSCALL_BASE];
	if (!entry || !entry->fn) {
		count_missing(number);
		frame->r[0] = (uint32_t)-ENOSYS;
		return;
	}
	if (entry->flags & SYSCALL_QUICK) {
		frame->r[0] = (uint32_t)call(entry, frame);
		return;
	}
	irq_unmask();
	if (!GIANT_LOCKING || (entry->flags & SYSCALL_UNLOCKED)) {
		frame->r[0] = (uint32_t)call(entry, frame);
	} else {
		giant_lock();
		frame->r[0] = (uint32_t)call(entry, frame);
		giant_unlock();
	}
	irq_mask();
}

/*
 * From entry_svc, IRQs masked, and back to trap_return_user with them
 * masked again: trap_return_user relies on it.
 */
void syscall_from_user(struct exception_frame *frame)
{
	/* What a restart needs: the call's first argument, which its result overwrites. */
	uint32_t r0 = frame->r[0], number = frame->r[7];
	/* Read once: whatever the call does (sleeps, moves core), it returns as the same thread. */
	struct thread *self = current_thread();

	dispatch(frame);
	/*
	 * process_return_to_user(), less its tests for a kernel thread. A call
	 * cut short (-ERESTARTSYS) always has work: a signal or a kill cut it.
	 * A sigreturn's r0 is the interrupted code's, not a result.
	 */
	if (process_has_work(self))
		process_return_to_user_slow(
			frame, number != SYS_RT_SIGRETURN && number != SYS_SIGRETURN, r0);
}
