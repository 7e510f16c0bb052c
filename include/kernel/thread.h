/*
 * kernel/thread.h - threads, the scheduler, waiting and sleeping.
 *
 * A thread is a kernel stack and the registers a switch keeps (r4-r11,
 * sp, lr: what AAPCS makes the callee save). Every process has one
 * thread; the kernel has the boot thread (kmain, then the console) and an
 * idle thread. The current thread is in TPIDRPRW.
 *
 * Each core has a run queue, round robin, and an idle thread of its own
 * that runs when nothing else can (it sleeps in wfi). A thread may run on
 * the cores of its affinity mask: a thread that becomes runnable goes to
 * the least loaded of them (its last core when that ties), and a core that
 * runs out of work takes a waiting thread from the busiest queue (one that
 * may run anywhere). One lock, sched_lock, covers every run queue, the
 * sleepers and the wait queues (docs/smp.md says why one).
 *
 * A thread running a user program is preempted when its time slice
 * (SCHED_SLICE_TICKS ticks of its core's timer) is used up, at the moment
 * it would return to user mode (an interrupt that came while it ran in
 * user mode, or the end of a system call); kernel code is never
 * preempted, it gives the core up by blocking, sleeping or yielding.
 * Wake-ups may come from interrupt handlers, and from other cores (a
 * reschedule IPI wakes a core that idles).
 */
#ifndef BRAMBLE_KERNEL_THREAD_H
#define BRAMBLE_KERNEL_THREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/fpu.h"
#include "layout.h"

#define SCHED_SLICE_TICKS  2    /* 20 ms at 100 Hz: a user program's turn */
#define THREAD_STACK_SIZE  8192 /* a process's kernel stack */
#define THREAD_STACK_MAGIC 0x57AC4B1DU
#define SCHED_ANY_CORE     ((1U << CORE_COUNT) - 1) /* an affinity mask: every core */
/*
 * Where processes and thread_create's kernel threads run (docs/smp.md).
 * Processes run on core 0, unless the kernel is built with SMP_PROCESSES
 * (make SMP_PROCESSES=1): then on every core, under the big lock below,
 * which a kernel with processes on one core does without.
 */
#ifdef SMP_PROCESSES
#define SCHED_PROCESS_AFFINITY SCHED_ANY_CORE
#define GIANT_LOCKING          1
#else
#define SCHED_PROCESS_AFFINITY 1U
#define GIANT_LOCKING          0
#endif
#define SCHED_KERNEL_AFFINITY 1U

/* Saved by thread_switch (kernel/arm/switch.S). */
struct thread_context {
	uint32_t r4, r5, r6, r7, r8, r9, r10, r11;
	uint32_t sp, lr;
};

enum thread_state {
	THREAD_RUNNING,  /* on the core */
	THREAD_RUNNABLE, /* in the run queue */
	THREAD_BLOCKED,  /* in a wait queue, or asleep until a deadline */
	THREAD_DEAD,     /* finished; its stack goes once another thread runs */
};

struct waitq;
struct process;

struct thread {
	struct thread_context context;
	enum thread_state state;
	char name[16];
	uintptr_t stack; /* the kernel stack [stack, stack + stack_size); 0: the boot stack */
	size_t stack_size;
	struct process *process; /* NULL for kernel threads */
	struct thread *next;     /* in the run queue, a wait queue or the sleepers */
	struct waitq *waiting;   /* the queue it is blocked on */
	uint64_t wake_at;        /* when asleep: the counter value to wake at, else 0 */
	bool interrupted;        /* woken by thread_interrupt, not by what it waited for */
	unsigned slice;          /* ticks left in its turn */
	volatile bool resched;   /* its turn is over: switch at the next chance */
	uint8_t core;            /* the core it runs on, or last ran on, or is queued on */
	uint8_t affinity;        /* the cores it may run on (bit n: core n) */
	bool giant;              /* holds the big lock while it runs (giant_lock) */
	bool giant_dropped;      /* let it go at its last switch: to take again */
	uint32_t switches;       /* times it was switched to */
	uint32_t tls, tls_rw;    /* TPIDRURO, TPIDRURW (kernel/fpu.h) */
	bool fpu_used;           /* fpu holds its FPU state (kernel/fpu.h) */
	struct fpu_state fpu;
};

/* A list of threads waiting for one thing. Zero-initialised is empty. */
struct waitq {
	struct thread *first;
};

/* Threads from here on: the boot thread becomes one, and the idle thread is made. */
void sched_init(void);

static inline struct thread *current_thread(void)
{
	struct thread *thread;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 4" : "=r"(thread));
	return thread;
}

/*
 * A kernel thread running fn(arg), runnable at once (on the cores of
 * SCHED_KERNEL_AFFINITY), holding the big lock as it runs. Returns it, or
 * NULL without memory. It ends when fn returns (thread_exit).
 */
struct thread *thread_create(const char *name, void (*fn)(void *arg), void *arg);

/*
 * A thread that starts by returning to user mode through the trap frame at
 * the top of its stack (process.c fills it): not yet runnable.
 */
struct thread *thread_create_user(const char *name, struct process *process);

/* The frame a user thread returns to user mode with (the top of its stack). */
struct exception_frame *thread_user_frame(struct thread *thread);

/*
 * The same in a struct the caller keeps (a thread for good, that should
 * not hold a heap block all the time): false without memory for its stack.
 * It must never end.
 */
bool thread_create_static(struct thread *thread, const char *name, void (*fn)(void *arg),
			  void *arg);

/*
 * A kernel thread that runs only on the cores of affinity (a mask of
 * online cores), and without the big lock: it may use the allocators, the
 * kernel's table and the scheduler, not processes. NULL without memory or
 * for a mask with no core online.
 */
struct thread *thread_create_on(const char *name, void (*fn)(void *arg), void *arg,
				uint32_t affinity);

/*
 * The big lock of the process layer (docs/smp.md): processes, files,
 * pipes, signals and address spaces are changed only by a thread that
 * holds it. A system call takes it, a fault that needs it (not a
 * demand-zero one), and a kernel thread of thread_create holds it all the
 * time it runs; a thread that blocks or yields lets it go until it runs
 * again, so a wait in the kernel never keeps other cores out. Interrupt
 * handlers never take it. giant_lock waits with IRQs on. With processes
 * on core 0 only (GIANT_LOCKING 0) nothing else could contend for what it
 * guards, and it compiles to nothing.
 */
void giant_lock_slow(void);
void giant_unlock_slow(void);

static inline void giant_lock(void)
{
	if (GIANT_LOCKING)
		giant_lock_slow();
}

static inline void giant_unlock(void)
{
	if (GIANT_LOCKING)
		giant_unlock_slow();
}

static inline bool giant_held(void)
{
	return current_thread()->giant;
}

/* Make a new or blocked thread runnable. */
void thread_start(struct thread *thread);

/* End the current thread: never returns. */
void thread_exit(void) __attribute__((noreturn));

/* Let the next runnable thread run, if there is one; the caller runs again later. */
void thread_yield(void);

/*
 * Pick the next thread and switch to it. The caller has set its own state
 * (RUNNING: it goes to the back of the queue; BLOCKED, DEAD: it does not).
 */
void schedule(void);

/*
 * Read on every return to user mode, and so inline: whether the current
 * thread's turn is over (set by its core's tick or a reschedule IPI,
 * cleared by schedule), and whether threads exist yet (sched_init has
 * run; only kernel/thread.c writes it).
 */
extern bool sched_started;

static inline bool sched_need_resched(void)
{
	return current_thread()->resched;
}

static inline bool sched_running(void)
{
	return sched_started;
}

/*
 * Block on q until thread_wake_all(q), or until thread_interrupt() (then
 * returns false). Call with IRQs masked, after checking the condition, and
 * check it again after: the pattern is
 *	cpsr = irq_save(); while (!ready) if (!thread_wait(&q)) break; irq_restore(cpsr);
 */
bool thread_wait(struct waitq *q);

/*
 * The same for a condition that lock guards (taken with IRQs masked): the
 * caller holds lock, which is let go once the thread is on q (so that a
 * waker, who takes lock to change the condition, cannot be missed) and
 * is held again when this returns.
 */
struct spinlock;
bool thread_wait_locked(struct waitq *q, struct spinlock *lock);

/* Every thread blocked on q, runnable again. From anywhere, interrupts too. */
void thread_wake_all(struct waitq *q);

/*
 * Sleep until the virtual counter reaches deadline (timer.h counts), or
 * until thread_interrupt() (then false).
 */
bool thread_sleep_until(uint64_t deadline);

/* Wake thread from whatever wait or sleep it is in (a kill): its wait returns false. */
void thread_interrupt(struct thread *thread);

/*
 * From core 0's timer interrupt: the sleepers whose deadline has come.
 * Returns the earliest deadline left, or 0: core 0's timer's next wake-up.
 */
uint64_t sched_wake_sleepers(uint64_t now);

/* From each core's timer interrupt: a tick, which ends a user thread's turn. */
void sched_tick(void);

/* The earliest sleeper's deadline, or 0 (takes sched_lock: not with it held). */
uint64_t sched_next_wakeup(void);

/*
 * Cores 1-3 (kernel/smp.c): this core joins the scheduler and runs its
 * idle thread, on the stack it is on. Never returns.
 */
void sched_start_secondary(unsigned core) __attribute__((noreturn));

/* A reschedule IPI reached this core: its current thread's turn ends. */
void sched_resched_ipi(void);

/* The idle thread of core (for the self-tests), and the cores that schedule. */
const struct thread *sched_idle_thread(unsigned core);
uint32_t sched_cores(void);

/* Counts for ps and the benchmarks: switches on all cores, or on one; threads queued on one. */
uint32_t sched_switches(void);
uint32_t sched_core_switches(unsigned core);
uint32_t sched_core_queued(unsigned core);

/*
 * For tests that count memory exactly: wait (at most a second) until
 * every other core idles with nothing queued, nothing to reap and its PMM
 * cache given back. false if one never did.
 */
bool sched_wait_quiet(void);

/* Threads made and not yet reaped (a thread's stack goes a moment after it ends). */
uint32_t sched_thread_count(void);

#endif /* BRAMBLE_KERNEL_THREAD_H */
