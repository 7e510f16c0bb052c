/*
 * kernel/lockdep.h - the lock-order rule, checked (kernel/spinlock.h).
 *
 * A lock class is a rank and a name. The rule: a core takes a lock only
 * while every lock it already holds has a lower rank, so that no two cores
 * can each hold what the other waits for. lockdep_check() is the rule,
 * pure (host-tested: tests/host/test_lockdep.c); in a kernel built with
 * LOCK_DEBUG every acquisition goes through it, with the core's held locks
 * on a small stack, and a violation stops the kernel naming the two
 * classes and their ranks. Without LOCK_DEBUG the hooks compile to nothing.
 */
#ifndef BRAMBLE_KERNEL_LOCKDEP_H
#define BRAMBLE_KERNEL_LOCKDEP_H

#include <stddef.h>

struct lock_class {
	unsigned rank;
	const char *name;
};

#define LOCKDEP_DEPTH 8 /* locks one core may hold at once */

/*
 * The kernel's ranks, in the order a core may take them (docs/smp.md):
 * the big lock of the process layer first, the console's output last
 * (anything may print).
 */
#define LOCK_RANK_GIANT      10  /* processes, files, signals, address spaces */
#define LOCK_RANK_SMP_CALL   50  /* one smp_call at a time */
#define LOCK_RANK_TTY        60  /* the terminal's line discipline and the console's input */
#define LOCK_RANK_HEAP       70  /* the kernel heap */
#define LOCK_RANK_KERNEL_MAP 75  /* the kernel's table and the window */
#define LOCK_RANK_PMM        80  /* the PMM's shared pool */
#define LOCK_RANK_SCHED      90  /* run queues, sleepers, wait queues */
#define LOCK_RANK_ASID       95  /* the ASID allocator (a switch takes it under sched) */
#define LOCK_RANK_UART       100 /* the UART's transmit ring */

/*
 * The rule for taking a lock of class wanted while holding held[0..count):
 * NULL when it may be taken, else the held class it conflicts with (the
 * first whose rank is not lower than wanted's).
 */
const struct lock_class *lockdep_check(const struct lock_class *const *held, size_t count,
				       const struct lock_class *wanted);

#ifdef LOCK_DEBUG
void lockdep_acquire(const struct lock_class *class, const void *lock);
void lockdep_release(const struct lock_class *class, const void *lock);
#else
static inline void lockdep_acquire(const struct lock_class *class, const void *lock)
{
	(void)class, (void)lock;
}

static inline void lockdep_release(const struct lock_class *class, const void *lock)
{
	(void)class, (void)lock;
}
#endif

#endif /* BRAMBLE_KERNEL_LOCKDEP_H */
