/*
 * kernel/spinlock.h - spinlocks for several cores: fair (ticket) locks on
 * LDREX/STREX, with WFE while waiting and SEV on release, and the barriers
 * the ARM ARM's multiprocessor rules ask for (a DMB after taking, so that
 * nothing of the critical section is seen before the lock is; a DMB
 * before releasing, so that all of it is seen before the lock is free;
 * a DSB before the SEV, so that the waiter's WFE cannot miss the store).
 *
 * The lock is one word: the ticket being served in its low half, the next
 * ticket in its high half. Taking it draws the next ticket (one exclusive
 * read-modify-write) and waits until it is served: cores get the lock in
 * the order they asked, none can be starved.
 *
 * Lock order: every lock has a class (its rank and a name). A core may
 * take a lock only while every lock it holds ranks lower; kernel/lockdep.h
 * checks that rule on each acquisition when the kernel is built with
 * LOCK_DEBUG (make LOCK_DEBUG=1), and a lock taken out of order stops the
 * kernel naming both. docs/smp.md lists the ranks.
 *
 * The _irqsave forms also mask IRQs on this core (a lock an interrupt
 * handler takes must be taken so everywhere, or the handler can spin on a
 * lock its own core holds) and return the CPSR to restore.
 */
#ifndef BRAMBLE_KERNEL_SPINLOCK_H
#define BRAMBLE_KERNEL_SPINLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/irq.h"
#include "kernel/lockdep.h"

struct spinlock {
	volatile uint32_t tickets; /* owner (served) in bits 0-15, next in bits 16-31 */
	const struct lock_class *class;
};

#define SPINLOCK_INIT(lock_class) \
	{                         \
		0, (lock_class)   \
	}

static inline void spinlock_init(struct spinlock *lock, const struct lock_class *class)
{
	lock->tickets = 0;
	lock->class = class;
}

static inline void spin_lock(struct spinlock *lock)
{
	uint32_t old, new, failed;

	lockdep_acquire(lock->class, lock);
	__asm__ volatile("1:	ldrex	%0, [%3]\n"
			 "	add	%1, %0, #0x10000\n"
			 "	strex	%2, %1, [%3]\n"
			 "	teq	%2, #0\n"
			 "	bne	1b"
			 : "=&r"(old), "=&r"(new), "=&r"(failed)
			 : "r"(&lock->tickets)
			 : "cc", "memory");
	/* Served when the owner half reaches the ticket drawn (old's next half). */
	while ((old >> 16) != (old & 0xFFFF)) {
		__asm__ volatile("wfe" ::: "memory");
		old = (old & 0xFFFF0000U) | (lock->tickets & 0xFFFF);
	}
	__asm__ volatile("dmb ish" ::: "memory");
}

/* Take it only if it is free: true when taken. */
static inline bool spin_trylock(struct spinlock *lock)
{
	uint32_t old, failed = 1;

	do {
		__asm__ volatile("ldrex %0, [%1]" : "=&r"(old) : "r"(&lock->tickets) : "memory");
		if ((old >> 16) != (old & 0xFFFF)) {
			__asm__ volatile("clrex" ::: "memory");
			return false;
		}
		__asm__ volatile("strex %0, %1, [%2]"
				 : "=&r"(failed)
				 : "r"(old + 0x10000), "r"(&lock->tickets)
				 : "memory");
	} while (failed);
	__asm__ volatile("dmb ish" ::: "memory");
	lockdep_acquire(lock->class, lock);
	return true;
}

static inline void spin_unlock(struct spinlock *lock)
{
	lockdep_release(lock->class, lock);
	__asm__ volatile("dmb ish" ::: "memory");
	/* Only the holder writes the owner half: a halfword store (STRH, little-endian: bits 0-15). */
	__asm__ volatile("strh %0, [%1]" ::"r"(lock->tickets + 1), "r"(&lock->tickets) : "memory");
	__asm__ volatile("dsb ishst\n\tsev" ::: "memory");
}

/* Whether some core holds it (for assertions). */
static inline bool spin_is_locked(const struct spinlock *lock)
{
	uint32_t t = lock->tickets;

	return (t >> 16) != (t & 0xFFFF);
}

static inline uint32_t spin_lock_irqsave(struct spinlock *lock)
{
	uint32_t cpsr = irq_save();

	spin_lock(lock);
	return cpsr;
}

static inline void spin_unlock_irqrestore(struct spinlock *lock, uint32_t cpsr)
{
	spin_unlock(lock);
	irq_restore(cpsr);
}

#endif /* BRAMBLE_KERNEL_SPINLOCK_H */
