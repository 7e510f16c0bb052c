/*
 * mm/mm_lock.h - what the allocators need from several cores: a lock, and
 * the number of the core they run on.
 *
 * In the kernel they are the ticket spinlock (kernel/spinlock.h) and
 * MPIDR's core field. The PMM and the heap are pure modules that the host
 * tests run on arrays, so there the lock only checks that nobody takes it
 * twice, and the core is a variable a test sets to play several cores in
 * turn.
 *
 * The allocators are never called from an interrupt handler, and kernel
 * code is never preempted, so code that reads its core number keeps it
 * until it returns: a core's own cache needs no lock.
 */
#ifndef BRAMBLE_MM_MM_LOCK_H
#define BRAMBLE_MM_MM_LOCK_H

#include <stdint.h>

#ifdef __arm__
#include "kernel/spinlock.h"
#include "layout.h"

#define MM_CORES CORE_COUNT

typedef struct spinlock mm_lock_t;

#define MM_LOCK_INIT(class) SPINLOCK_INIT(class)

static inline void mm_lock_init(mm_lock_t *lock, const struct lock_class *class)
{
	spinlock_init(lock, class);
}

static inline void mm_lock(mm_lock_t *lock)
{
	spin_lock(lock);
}

static inline void mm_unlock(mm_lock_t *lock)
{
	spin_unlock(lock);
}

static inline unsigned mm_core(void)
{
	uint32_t mpidr;

	__asm__ volatile("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	return mpidr & 3;
}
#else
#include <assert.h>

#include "kernel/lockdep.h"

#define MM_CORES 4

typedef struct {
	int held;
} mm_lock_t;

#define MM_LOCK_INIT(class) \
	{                   \
		0           \
	}

extern unsigned mm_host_core; /* the core a host test plays */

static inline void mm_lock_init(mm_lock_t *lock, const struct lock_class *class)
{
	(void)class;
	lock->held = 0;
}

static inline void mm_lock(mm_lock_t *lock)
{
	assert(!lock->held);
	lock->held = 1;
}

static inline void mm_unlock(mm_lock_t *lock)
{
	assert(lock->held);
	lock->held = 0;
}

static inline unsigned mm_core(void)
{
	return mm_host_core;
}
#endif

#endif /* BRAMBLE_MM_MM_LOCK_H */
