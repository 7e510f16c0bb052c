/*
 * kernel/process.h - processes: a program from the archive, in an address
 * space of its own, with one thread.
 *
 * A process is made from an ELF file (kernel/elf.h) found by name in the
 * initramfs (kernel/initramfs.h). Nothing of the program is copied when it
 * starts: its segments, its stack and its heap are regions (mm/vm_map.h)
 * that the page-fault handler (mm/page_fault.c) fills a page at a time on
 * first touch. Only the stack's top page, which holds argc, argv, envp and
 * the auxiliary vector, is written before the program runs.
 *
 * A process named init (bin/init) started by the kernel, the first while
 * none lives, is init: the children of a process that ends become its.
 *
 * It ends by exit or exit_group, by a fault it cannot survive (the fault
 * is reported and it is killed), by process_kill, or when memory runs out
 * during one of its page faults. Its address space then goes at once,
 * every frame back to the PMM; what is left (its pid, its exit status, a
 * zombie) goes when its parent has waited for it, or at once for a
 * process nobody waits for (started detached).
 */
#ifndef BRAMBLE_KERNEL_PROCESS_H
#define BRAMBLE_KERNEL_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/exception.h"
#include "kernel/file.h"
#include "kernel/ramfs.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "mm/mmu.h"
#include "mm/vm_map.h"

#define PROCESS_MAX       64   /* processes at once, zombies included */
#define PROCESS_ARGS_MAX  32   /* arguments a program may be started with */
#define PROCESS_ARG_BYTES 2048 /* and their bytes, NULs included */
#define PROCESS_NAME_MAX  32
#define PROCESS_CMDLINE   128 /* bytes of the arguments kept for /proc/PID/cmdline */

/* How a process ended, for whoever waits. */
#define EXIT_CODE(status)   (((status) >> 8) & 0xFF) /* as wait(2) encodes it */
#define EXIT_SIGNAL(status) ((status)&0x7F)          /* 0: it exited */
#define SIGNAL_ILL          4
#define SIGNAL_KILL         9
#define SIGNAL_SEGV         11
#define SIGNAL_BUS          7

enum process_state { PROCESS_RUNNING, PROCESS_ZOMBIE };

/* Where a process's writes to fds 1 and 2 go: the console, or a test's capture. */
typedef void (*process_output_fn)(void *context, const char *text, size_t length);

struct process {
	int pid;
	char name[PROCESS_NAME_MAX]; /* the program's path in the archive */
	enum process_state state;
	struct process *parent; /* NULL: started by the kernel */
	bool detached;          /* nobody waits: it goes as soon as it ends */
	struct thread *thread;
	struct mmu_aspace aspace;
	struct vm_map map;
	vaddr_t brk_start, brk; /* the heap: [brk_start, brk), page-granular regions under it */
	vaddr_t mmap_low;       /* mmap places regions in [mmap_low, stack limit guard) */
	const void *image;      /* the ELF file, in the archive (backs VM_FILE regions) */
	uint32_t resident;      /* pages mapped */
	uint32_t faults;        /* page faults taken */
	int status;             /* when a zombie: as wait(2) encodes it */
	bool kill_pending;      /* killed while it could not go at once */
	int kill_signal;
	struct waitq exited;       /* the kernel, waiting for this one, waits here */
	struct waitq child_exited; /* this one, waiting for any of its children, waits here */
	process_output_fn output;
	void *output_context;
	int pgid, sid; /* its process group and session (kernel/tty.h's foreground) */
	struct signal_state sig;
	uint64_t saved_blocked; /* rt_sigsuspend's caller's mask, for the handler's frame */
	bool restore_blocked;
	bool stopped; /* by a stop signal, until SIGCONT */
	int stop_signal;
	bool stop_reported, continue_reported; /* to a wait4 with WUNTRACED, WCONTINUED */
	struct waitq continued;
	struct fd_table fds;
	struct ramfs_node cwd;
	char exe[RAMFS_PATH_MAX]; /* the program's file, as /proc/self/exe names it */
	char comm[16];            /* the name it was started by (execve's last component), for ps */
	char cmdline[PROCESS_CMDLINE]; /* its arguments, each NUL-ended (/proc/PID/cmdline) */
	uint32_t cmdline_length;
	uint32_t clear_child_tid; /* set_tid_address: zeroed at the end (no threads to wake yet) */
	uint32_t set_child_tid;   /* clone's CLONE_CHILD_SETTID: the pid goes there at the start */
	uint32_t robust_list;     /* set_robust_list's head (kept; no threads to clean up after) */
	uint32_t umask;
	bool vfork_pending; /* a vfork's parent waits until this one execs or ends */
	struct waitq vfork_done;
	struct process *next; /* in the process list */
};

/*
 * Start the program at path (in the initramfs) with argv (argc strings;
 * argv[0] is the program's name as it sees it). The process runs at once
 * (it is queued). parent NULL: the kernel's. Returns 0 and *out, or an
 * error with nothing left behind:
 *   ERR_NOT_FOUND   no such file in the archive
 *   ERR_INVALID     not an ELF executable this kernel runs (the reason is printed)
 *   ERR_RANGE       too many arguments, or too many bytes of them
 *   ERR_NO_MEMORY   no memory, or PROCESS_MAX processes already
 */
int process_spawn(const char *path, int argc, const char *const *argv, struct process *parent,
		  bool detached, struct process **out);

/* The same, with a place for fds 1 and 2 to go (NULL: the console). */
int process_spawn_output(const char *path, int argc, const char *const *argv,
			 struct process *parent, bool detached, process_output_fn output,
			 void *output_context, struct process **out);

/*
 * Wait until p (a child of the caller's process, or of the kernel) ends;
 * its status into *status, and it is gone. Returns 0, ERR_NOT_FOUND if p
 * is not such a child.
 */
int process_wait(struct process *p, int *status);

/*
 * fork: a copy of the current process, whose user registers are frame's
 * but r0 = 0, sharing every page copy-on-write (mm/page_fault.h). The
 * child is a child of the current process, and runs. 0 and *out, or
 * ERR_NO_MEMORY (no memory, or PROCESS_MAX processes) with nothing left
 * behind.
 */
int process_fork(const struct exception_frame *frame, struct process **out);

/*
 * execve: the current process runs the program at path instead, from its
 * start (frame rewritten: registers zero, pc, sp), with argv and envp. The
 * new address space is built whole before the old one goes: any error of
 * process_spawn leaves the caller as it was.
 */
int process_exec(struct exception_frame *frame, const char *path, int argc, const char *const *argv,
		 int envc, const char *const *envp);

/*
 * wait4 for the current process: a child that has ended (pid > 0: that
 * one; -1: any; 0: any in the caller's process group; < -1: any in group
 * -pid), its status into *status, and it is gone. With untraced, a child
 * that stopped and has not been reported is reported (status 0x7F | sig
 * << 8) and stays; with continued, one that was continued (0xFFFF).
 * Returns its pid; 0 with nohang and none ready yet; ERR_NOT_FOUND when
 * there is no such child; ERR_INTERRUPTED when a signal came meanwhile.
 */
int process_wait_child(int pid, bool nohang, bool untraced, bool continued, int *status);

/* vfork's parent: wait until child has called execve or ended (or the caller is killed). */
void process_vfork_wait(struct process *child);

/* For kernel/thread.c: a process's thread runs for the first time (clone's CLONE_CHILD_SETTID). */
void process_started(void);

/* The current thread's process, or NULL for a kernel thread. */
static inline struct process *process_current(void)
{
	return sched_running() ? current_thread()->process : NULL;
}

/* End the current process with status (as wait(2) encodes it). Never returns. */
void process_exit(int status) __attribute__((noreturn));

/*
 * Kill pid with signal: at once if it is not running, else the next time
 * it would return to user mode. Returns 0, or ERR_NOT_FOUND.
 */
int process_kill(int pid, int signal);

/*
 * What a return to user mode through frame finds to do: a pending kill or
 * signal, the end of a turn. syscall: frame is a system call's return (not
 * rt_sigreturn's), whose first argument was r0: a -ERESTARTSYS in it is
 * turned into a restart or -EINTR (kernel/signal.h).
 */
void process_return_to_user_slow(struct exception_frame *frame, bool syscall, uint32_t r0);

/*
 * Called on every return to user mode (every system call, and every IRQ and
 * fault taken from it), so inline: almost always there is nothing to do.
 */
/*
 * Whether the running thread t, a process's, has work before it goes back
 * to user mode: a kill, a signal or a reschedule. t rather than the process
 * so that the system call's return reads TPIDRPRW once.
 */
static inline bool process_has_work(const struct thread *t)
{
	const struct process *p = t->process;

	return p->kill_pending || p->sig.ready || t->resched;
}

static inline void process_return_to_user(void)
{
	struct thread *t = sched_running() ? current_thread() : NULL;

	if (t && t->process && process_has_work(t))
		process_return_to_user_slow(thread_user_frame(t), false, 0);
}

/* The name ps shows: the last component of the path p was started by (as Linux's comm). */
void process_set_comm(struct process *p, const char *path);

/* Look a process up (for the console). */
struct process *process_find(int pid);

/* Every process, in pid order, for ps. */
struct process *process_first(void);

/* How many processes exist (zombies included). */
unsigned process_count(void);

/* For kernel/thread.c: p's thread is gone (its stack freed). */
void process_thread_gone(struct process *p);

static inline struct mmu_aspace *process_aspace(struct process *p)
{
	return &p->aspace;
}

#endif /* BRAMBLE_KERNEL_PROCESS_H */
