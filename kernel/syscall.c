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

#define WRITE_CHUNK 256 /* bytes of a write copied in at a time */

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

static int32_t sys_write(struct exception_frame *frame, uint32_t fd, uint32_t buffer,
			 uint32_t length, uint32_t a3)
{
	struct process *p = self();
	char chunk[WRITE_CHUNK];
	uint32_t done = 0;

	(void)frame, (void)a3;
	if (fd != 1 && fd != 2)
		return -EBADF;
	if (!user_range_ok(buffer, length))
		return -EFAULT;
	while (done < length) {
		uint32_t n = length - done < WRITE_CHUNK ? length - done : WRITE_CHUNK;

		if (copy_from_user(chunk, (const void *)(buffer + done), n))
			return done ? (int32_t)done : -EFAULT;
		if (p->output)
			p->output(p->output_context, chunk, n);
		else
			console_write(chunk, n);
		done += n;
	}
	return (int32_t)done;
}

static int32_t sys_read(struct exception_frame *frame, uint32_t fd, uint32_t buffer,
			uint32_t length, uint32_t a3)
{
	char chunk[WRITE_CHUNK];
	size_t n;

	(void)frame, (void)a3;
	if (fd != 0)
		return -EBADF;
	if (!user_range_ok(buffer, length))
		return -EFAULT;
	if (length == 0)
		return 0;
	n = console_read_input(chunk, length < sizeof(chunk) ? length : sizeof(chunk));
	if (n == 0)
		return -EINTR;
	if (copy_to_user((void *)buffer, chunk, n))
		return -EFAULT;
	return (int32_t)n;
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

static int32_t sys_kill(struct exception_frame *frame, uint32_t pid, uint32_t signal, uint32_t a2,
			uint32_t a3)
{
	(void)frame, (void)a2, (void)a3;
	if (signal >= 64)
		return -EINVAL;
	if ((int32_t)pid <= 0)
		return -ESRCH; /* no process groups */
	if (!process_find((int)pid))
		return -ESRCH;
	if (signal == 0)
		return 0;
	return process_kill((int)pid, (int)signal) ? -ESRCH : 0;
}

/* No terminal ioctls yet: a program asking whether fd 0-2 is a terminal hears no. */
static int32_t sys_ioctl(struct exception_frame *frame, uint32_t fd, uint32_t request, uint32_t a2,
			 uint32_t a3)
{
	(void)frame, (void)request, (void)a2, (void)a3;
	return fd <= 2 ? -ENOTTY : -EBADF;
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
	const vaddr_t mmap_top = USER_STACK_TOP - USER_STACK_LIMIT - PAGE_SIZE;
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

static int32_t sys_nanosleep(struct exception_frame *frame, uint32_t request, uint32_t remain,
			     uint32_t a2, uint32_t a3)
{
	struct user_timespec t;
	uint64_t deadline, now;

	(void)frame, (void)a2, (void)a3;
	if (copy_from_user(&t, (const void *)request, sizeof(t)))
		return -EFAULT;
	if (t.sec < 0 || t.nsec < 0 || t.nsec >= NSEC_PER_SEC)
		return -EINVAL;
	deadline =
		timer_count_after_us((uint64_t)t.sec * 1000000 + ((uint64_t)t.nsec + 999) / 1000);
	if (thread_sleep_until(deadline))
		return 0;
	if (remain) {
		uint64_t left_ns;

		now = timer_count();
		left_ns = now < deadline ? (deadline - now) * 1000000000ULL / timer_frequency() : 0;
		t.sec = (int32_t)(left_ns / NSEC_PER_SEC);
		t.nsec = (int32_t)(left_ns % NSEC_PER_SEC);
		if (copy_to_user((void *)remain, &t, sizeof(t)))
			return -EFAULT;
	}
	return -EINTR;
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
 * the thread-id bookkeeping flags, whose pointers are not yet kept).
 * Threads (CLONE_VM and friends) are not there yet: -EINVAL.
 */
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000
static int32_t sys_clone(struct exception_frame *frame, uint32_t flags, uint32_t stack, uint32_t a2,
			 uint32_t a3)
{
	struct process *child;

	(void)a2, (void)a3;
	if ((flags & ~(uint32_t)(CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)) != SIGCHLD || stack)
		return -EINVAL;
	return fork_result(process_fork(frame, &child), child);
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
		error = start_errno(process_exec(frame, a->path, argc, a->argv, envc, a->envp));
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

#define WNOHANG   1
#define WUNTRACED 2
#define __WALL    0x40000000
#define __WCLONE  0x80000000

/* struct rusage on 32-bit ARM: two timevals and fourteen longs. */
#define RUSAGE_BYTES 72

static int32_t sys_wait4(struct exception_frame *frame, uint32_t pid, uint32_t where,
			 uint32_t options, uint32_t usage)
{
	static const uint8_t zeros[RUSAGE_BYTES];
	int status = 0, r;

	(void)frame;
	if (options & ~(uint32_t)(WNOHANG | WUNTRACED | __WALL | __WCLONE))
		return -EINVAL;
	if ((int32_t)pid < -1)
		return -ECHILD; /* no process groups: group -pid has no members */
	/* (pid 0, the caller's group: every process is in one group, so any child.) */
	r = process_wait_child((int32_t)pid > 0 ? (int)pid : -1, options & WNOHANG, &status);
	if (r == ERR_NOT_FOUND)
		return -ECHILD;
	if (r == ERR_INTERRUPTED)
		return -EINTR;
	if (r > 0 && where && copy_to_user((void *)where, &status, sizeof(status)))
		return -EFAULT;
	if (r > 0 && usage && copy_to_user((void *)usage, zeros, sizeof(zeros)))
		return -EFAULT;
	return r;
}

static const syscall_fn table[] = {
	[SYS_EXIT] = sys_exit,           [SYS_FORK] = sys_fork,
	[SYS_EXECVE] = sys_execve,       [SYS_WAIT4] = sys_wait4,
	[SYS_CLONE] = sys_clone,         [SYS_VFORK] = sys_fork,
	[SYS_READ] = sys_read,           [SYS_WRITE] = sys_write,
	[SYS_GETPID] = sys_getpid,       [SYS_GETUID] = sys_id_zero,
	[SYS_KILL] = sys_kill,           [SYS_BRK] = sys_brk,
	[SYS_GETGID] = sys_id_zero,      [SYS_GETEUID] = sys_id_zero,
	[SYS_GETEGID] = sys_id_zero,     [SYS_IOCTL] = sys_ioctl,
	[SYS_GETPPID] = sys_getppid,     [SYS_MUNMAP] = sys_munmap,
	[SYS_MPROTECT] = sys_mprotect,   [SYS_SCHED_YIELD] = sys_sched_yield,
	[SYS_NANOSLEEP] = sys_nanosleep, [SYS_MMAP2] = sys_mmap2,
	[SYS_EXIT_GROUP] = sys_exit,     [SYS_CLOCK_GETTIME] = sys_clock_gettime,
};

static const syscall_fn bramble_table[] = {
	[SYS_BRAMBLE_SPAWN - BRAMBLE_SYSCALL_BASE] = sys_bramble_spawn,
	[SYS_BRAMBLE_WAIT - BRAMBLE_SYSCALL_BASE] = sys_bramble_wait,
};

static inline void dispatch(struct exception_frame *frame)
{
	uint32_t number = frame->r[7];
	syscall_fn fn = NULL;

	calls++;
	if (number < sizeof(table) / sizeof(table[0]))
		fn = table[number];
	else if (number - BRAMBLE_SYSCALL_BASE < sizeof(bramble_table) / sizeof(bramble_table[0]))
		fn = bramble_table[number - BRAMBLE_SYSCALL_BASE];
	if (!fn) {
		kprintf("process %d (%s): system call %lu is not implemented: -ENOSYS\n",
			self()->pid, self()->name, (unsigned long)number);
		frame->r[0] = (uint32_t)-ENOSYS;
		return;
	}
	irq_unmask();
	frame->r[0] = (uint32_t)fn(frame, frame->r[0], frame->r[1], frame->r[2], frame->r[3]);
	irq_mask();
}

void syscall_from_user(struct exception_frame *frame)
{
	struct process *p;

	dispatch(frame);
	/* process_return_to_user(), less its tests for a kernel thread: a system call has a process. */
	p = self();
	if (p->kill_pending || sched_need_resched())
		process_return_to_user_slow();
}
