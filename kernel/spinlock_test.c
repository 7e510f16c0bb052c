/*
 * kernel/spinlock_test.c - self-tests of the ticket spinlock
 * (kernel/spinlock.h) on the boot core: the tickets as each operation
 * leaves them, trylock's refusal, the IRQ state of the _irqsave forms,
 * and the wrap of the 16-bit tickets.
 */
#include "kernel/spinlock.h"

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/ktest.h"

static const struct lock_class test_class = { 1000, "spinlock test" };

KTEST(spinlock, tickets)
{
	struct spinlock lock = SPINLOCK_INIT(&test_class);

	KT_ASSERT(!spin_is_locked(&lock));
	spin_lock(&lock);
	KT_ASSERT(spin_is_locked(&lock));
	KT_ASSERT_EQ(0x00010000U, lock.tickets); /* ticket 0 drawn (next 1), being served */
	spin_unlock(&lock);
	KT_ASSERT(!spin_is_locked(&lock));
	KT_ASSERT_EQ(0x00010001U, lock.tickets); /* served: 1, next: 1 */
}

KTEST(spinlock, trylock)
{
	struct spinlock lock = SPINLOCK_INIT(&test_class);
	uint32_t before;

	KT_ASSERT(spin_trylock(&lock));
	before = lock.tickets;
	KT_ASSERT(!spin_trylock(&lock)); /* held: refused, and no ticket drawn */
	KT_ASSERT_EQ(before, lock.tickets);
	spin_unlock(&lock);
	KT_ASSERT(spin_trylock(&lock));
	spin_unlock(&lock);
	KT_ASSERT(!spin_is_locked(&lock));
}

KTEST(spinlock, irqsave_masks_and_restores)
{
	struct spinlock lock = SPINLOCK_INIT(&test_class);
	uint32_t outer = irq_save(), cpsr;

	irq_restore(outer & ~PSR_I); /* IRQs on, as in a system call */
	cpsr = spin_lock_irqsave(&lock);
	KT_ASSERT(read_cpsr() & PSR_I);
	KT_ASSERT(!(cpsr & PSR_I));
	spin_unlock_irqrestore(&lock, cpsr);
	KT_ASSERT(!(read_cpsr() & PSR_I));
	irq_restore(outer);
}

/* 70 000 rounds: both 16-bit halves wrap past 65 535, and the lock still reads free. */
KTEST(spinlock, tickets_wrap)
{
	struct spinlock lock = SPINLOCK_INIT(&test_class);

	for (unsigned i = 0; i < 70000; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	KT_ASSERT(!spin_is_locked(&lock));
	KT_ASSERT_EQ(70000U & 0xFFFF, lock.tickets & 0xFFFF);
	KT_ASSERT_EQ(70000U & 0xFFFF, lock.tickets >> 16);
}
