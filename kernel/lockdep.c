/*
 * kernel/lockdep.c - the lock-order rule (kernel/lockdep.h).
 *
 * Each core has its own stack of the locks it holds (indexed by its
 * MPIDR): another core's locks are no concern of the rule.
 */
#include "kernel/lockdep.h"

#ifdef LOCK_DEBUG
#include "arch/cp15.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "layout.h"
#endif

const struct lock_class *lockdep_check(const struct lock_class *const *held, size_t count,
				       const struct lock_class *wanted)
{
	for (size_t i = 0; i < count; i++)
		if (held[i]->rank >= wanted->rank)
			return held[i];
	return NULL;
}

#ifdef LOCK_DEBUG
static struct held_locks {
	const struct lock_class *classes[LOCKDEP_DEPTH];
	const void *locks[LOCKDEP_DEPTH];
	size_t count;
} cores[CORE_COUNT];

void lockdep_acquire(const struct lock_class *class, const void *lock)
{
	uint32_t cpsr = irq_save();
	struct held_locks *held = &cores[read_mpidr() & 3];
	const struct lock_class *conflict = lockdep_check(held->classes, held->count, class);

	if (conflict)
		panic("lock order: %s (rank %u) taken while holding %s (rank %u)", class->name,
		      class->rank, conflict->name, conflict->rank);
	if (held->count == LOCKDEP_DEPTH)
		panic("lock order: %s taken with %u locks held already", class->name,
		      LOCKDEP_DEPTH);
	held->classes[held->count] = class;
	held->locks[held->count++] = lock;
	irq_restore(cpsr);
}

/* Locks may be released in any order: the held one leaves the stack, the rest close up. */
void lockdep_release(const struct lock_class *class, const void *lock)
{
	uint32_t cpsr = irq_save();
	struct held_locks *held = &cores[read_mpidr() & 3];
	size_t i = held->count;

	while (i > 0 && held->locks[i - 1] != lock)
		i--;
	if (i == 0)
		panic("lock order: %s released, but this core does not hold it (%u held)",
		      class->name, (unsigned)held->count);
	for (; i < held->count; i++) {
		held->classes[i - 1] = held->classes[i];
		held->locks[i - 1] = held->locks[i];
	}
	held->count--;
	irq_restore(cpsr);
}
#endif
